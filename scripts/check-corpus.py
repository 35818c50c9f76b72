#!/usr/bin/env python3
"""Checks a batch conversion of a generated corpus against the corpus's expected figures.

    girconv-bench --write-corpus CORPUS            # pages + CORPUS/expected.jsonl
    girconv CORPUS --to json -o records.jsonl --errors failed.jsonl
    scripts/check-corpus.py CORPUS/expected.jsonl records.jsonl

Every page of expected.jsonl must have a record whose figures (every path, value or null) are exactly the
expected ones; prints one line per page that differs or is missing, and exits 1 if any does."""
import json
import os
import sys
from decimal import Decimal


def figures(record):
    """path -> value of every figure of a canonical record (the paths are the provenance keys)."""
    out = {}
    for path in record["provenance"]:
        node = record
        for part in path.split("."):
            node = node[part]
        out[path] = node
    return out


def main(expected_path, records_path):
    with open(expected_path, encoding="utf-8") as f:
        expected = {e["name"]: e["figures"] for e in (json.loads(l, parse_float=Decimal) for l in f if l.strip())}
    seen = {}
    with open(records_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line, parse_float=Decimal)
                seen[os.path.basename(record["source"]["name"])] = figures(record)
    bad = 0
    for name, want in sorted(expected.items()):
        got = seen.get(name)
        if got is None:
            print(f"{name}: no record"); bad += 1
        elif got != want:
            paths = sorted(p for p in set(got) | set(want) if got.get(p, "absent") != want.get(p, "absent"))
            print(f"{name}: {len(paths)} figures differ: {', '.join(paths[:5])}"); bad += 1
    print(f"{len(expected) - bad} of {len(expected)} pages have exactly their expected figures")
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
