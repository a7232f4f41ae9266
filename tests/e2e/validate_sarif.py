#!/usr/bin/env python3
"""Validate a SARIF log against the official SARIF 2.1.0 JSON schema (tests/data) and the extra
rules GitHub code scanning enforces on upload. Exit 0 when valid, 1 with one line per problem."""
import json
import pathlib
import re
import sys

import jsonschema

SCHEMA = pathlib.Path(__file__).resolve().parent.parent / "data" / "sarif-schema-2.1.0.json"


def schema_errors(log):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=jsonschema.FormatChecker())
    for e in sorted(validator.iter_errors(log), key=lambda e: list(e.path)):
        yield "schema: /%s: %s" % ("/".join(map(str, e.path)), e.message[:300])


def rule_errors(rule):
    for key in ("id", "name", "shortDescription", "fullDescription", "help"):
        if key not in rule:
            yield "rule %s: no %s (GitHub requires it)" % (rule.get("id"), key)
    if "markdown" not in rule.get("help", {}):
        yield "rule %s: no help.markdown" % rule.get("id")
    score = rule.get("properties", {}).get("security-severity")
    if score is None or not 0.0 <= float(score) <= 10.0:
        yield "rule %s: security-severity %r is not a score in 0..10" % (rule.get("id"), score)


def result_errors(i, result, rules):
    index = result.get("ruleIndex")
    if index is None or index >= len(rules) or rules[index]["id"] != result.get("ruleId"):
        yield "result %d: ruleIndex %r does not point at rule %r" % (i, index, result.get("ruleId"))
    locations = result.get("locations") or []
    if len(locations) != 1:
        yield "result %d: needs exactly one location (code scanning rejects results without one)" % i
    for loc in locations:
        phys = loc.get("physicalLocation", {})
        uri = phys.get("artifactLocation", {}).get("uri", "")
        if not uri or uri.startswith("/") or re.search(r"[^A-Za-z0-9\-._~/%!$&'()*+,;=:@]", uri):
            yield "result %d: uri %r is not a relative, percent-encoded URI" % (i, uri)
        if phys.get("artifactLocation", {}).get("uriBaseId") != "%SRCROOT%":
            yield "result %d: uriBaseId is not %%SRCROOT%%" % i
        if phys.get("region", {}).get("startLine", 0) < 1:
            yield "result %d: region.startLine missing" % i
    if not result.get("partialFingerprints", {}).get("hookguard/v1"):
        yield "result %d: no partialFingerprints hookguard/v1" % i


def github_errors(log):
    for run in log.get("runs", []):
        driver = run["tool"]["driver"]
        rules = driver.get("rules", [])
        for key in ("name", "version", "semanticVersion"):
            if key not in driver:
                yield "tool.driver: no %s" % key
        if run.get("columnKind") != "unicodeCodePoints":
            yield "run.columnKind is not unicodeCodePoints"
        for rule in rules:
            yield from rule_errors(rule)
        for i, result in enumerate(run.get("results", [])):
            yield from result_errors(i, result, rules)


def main():
    log = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
    problems = list(schema_errors(log)) + list(github_errors(log))
    for p in problems:
        print("%s: %s" % (sys.argv[1], p), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
