#!/bin/sh
# PDF throughput of girconv against `pdftotext -layout` alone, side by side in one run (docs/performance.md):
# COPIES copies of a PDF in a folder; ROUNDS rounds, each timing (CPU seconds, user + system, children
# included) the pdftotext -layout loop over the copies, then `girconv DIR --to json` over the same copies.
# Prints each round's ratio (pdftotext CPU / girconv CPU) and their median.
# usage: scripts/pdf-throughput.sh GIRCONV [PDF] [COPIES] [ROUNDS]
set -eu
girconv=$1
pdf=${2:-Samples/hongze-2024-district.pdf}
copies=${3:-20}
rounds=${4:-7}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
dir=$scratch/pdfs
mkdir "$dir"
i=1
while [ "$i" -le "$copies" ]; do cp "$pdf" "$dir/copy$i.pdf"; i=$((i + 1)); done
cpu() { /usr/bin/time -f "%U %S" -o "$scratch/time" "$@" > /dev/null 2>&1; awk '{ printf "%.2f", $1 + $2 }' "$scratch/time"; }
ratios=""
r=1
while [ "$r" -le "$rounds" ]; do
    layout=$(cpu sh -c 'for f in "$0"/*.pdf; do pdftotext -layout -enc UTF-8 -q "$f" -; done' "$dir")
    conv=$(cpu "$girconv" "$dir" --to json)
    ratio=$(awk -v a="$layout" -v b="$conv" 'BEGIN { printf "%.0f", 100 * a / b }')
    echo "round $r: pdftotext -layout ${layout} s, girconv ${conv} s: ${ratio} %"
    ratios="$ratios $ratio"
    r=$((r + 1))
done
echo "$ratios" | tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { printf "median: %s %% of pdftotext -layout alone (%d rounds)\n", v[int((NR + 1) / 2)], NR }'
