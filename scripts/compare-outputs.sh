#!/usr/bin/env bash
# Converts every sample, seed, real case and guide example with two girconv builds and reports any byte
# that differs (stdout, stderr or exit status) in JSON, wide CSV, long CSV and XML, single and batch.
# The check behind refactors that must not change a record ("byte-identical before and after").
#
#   scripts/compare-outputs.sh OLD_GIRCONV NEW_GIRCONV
#
# Inputs: Samples/, docs/examples/, and — when ../shared is beside the clone — its seeds, real cases and
# PDF samples. Exits 1 if anything differs, listing each difference.
set -u
old="$1"; new="$2"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

inputs=()
for f in "$root"/Samples/*.*; do [[ "$(basename "$f")" == README.md ]] || inputs+=("$f"); done
for dir in "$root/../shared/seeds" "$root/../shared/real/cases" "$root/../shared/samples/pdf"; do
    [[ -d "$dir" ]] && for f in "$dir"/*; do [[ "$f" == *.md ]] || inputs+=("$f"); done
done

differences=0; runs=0
compare() { # name, arguments...
    local name="$1"; shift
    (cd "$root" && "$old" "$@" >"$work/old.out" 2>"$work/old.err"; echo "exit $?" >>"$work/old.err")
    (cd "$root" && "$new" "$@" >"$work/new.out" 2>"$work/new.err"; echo "exit $?" >>"$work/new.err")
    # The batch summary's timing differs from run to run.
    sed -i -E 's/ in [0-9.]+ s \([0-9.]+ reports\/s\)/ in (time)/' "$work/old.err" "$work/new.err"
    runs=$((runs + 1))
    # A batch's summary says how long it took ("in 0.3 s (59 reports/s)"): the one thing two runs may differ in.
    sed -i -E 's/ in [0-9.]+ s \([0-9]+ reports\/s\)/ in (time)/' "$work/old.err" "$work/new.err"
    if ! cmp -s "$work/old.out" "$work/new.out" || ! cmp -s "$work/old.err" "$work/new.err"; then
        differences=$((differences + 1))
        echo "DIFFERS: $name ($*)"
        diff <(cat "$work/old.out" "$work/old.err") <(cat "$work/new.out" "$work/new.err") | head -8
    fi
}

formats=("--to json" "--to json --compact" "--to csv" "--to csv --long" "--to csv --guard-formulas" "--to csv --long --guard-formulas" "--to xml")
for input in "${inputs[@]}"; do
    for format in "${formats[@]}"; do
        # shellcheck disable=SC2086
        compare "$(basename "$input")" --no-user-layouts "$input" $format
    done
    compare "$(basename "$input") detect" detect --no-user-layouts "$input"
    compare "$(basename "$input") validate" validate --no-user-layouts "$input"
done
for example in "$root"/docs/examples/*/; do
    for input in "$example"*.txt "$example"*.html; do
        [[ -f "$input" ]] || continue
        for format in "${formats[@]}"; do
            # shellcheck disable=SC2086
            compare "$(basename "$input") with $(basename "$example")" --layouts "$example" "$input" $format
        done
    done
done
# Batch: one JSON Lines stream and one CSV table over the samples folder.
for format in "${formats[@]}"; do
    # shellcheck disable=SC2086
    compare "Samples batch" --no-user-layouts Samples $format
done

echo "$runs runs, $differences differ"
[[ $differences -eq 0 ]]
