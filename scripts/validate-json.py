#!/usr/bin/env python3
"""Validates JSON files against a JSON Schema (draft 2020-12) with python's jsonschema, independently of
girconv. Usage: scripts/validate-json.py SCHEMA FILE... ; prints every error, exits 1 if any.
Used by the tests (records against schema/girconv-record.schema.json, layout files converted to JSON
against schema/girconv-layout.schema.json) and usable on girconv's output as is."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
bad = 0
for path in sys.argv[2:]:
    for error in validator.iter_errors(json.load(open(path, encoding="utf-8"))):
        bad += 1
        print(path, list(error.absolute_path), error.message[:300])
sys.exit(1 if bad else 0)
