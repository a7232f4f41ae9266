#!/usr/bin/env python3
"""Check an ASFF batch (AWS Security Hub BatchImportFindings) against the documented attributes:
required keys and their types, enums, formats and length limits (AWS Security Hub API reference,
AwsSecurityFinding). Exit 0 when valid, 1 with one line per problem."""
import json
import re
import sys

NAMESPACES = ("Software and Configuration Checks", "TTPs", "Effects", "Unusual Behaviors",
              "Sensitive Data Identifications")
LABELS = ("INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL")
# key: (type, max length or None)
REQUIRED = {
    "SchemaVersion": (str, None), "Id": (str, 512), "ProductArn": (str, 2048), "GeneratorId": (str, 512),
    "AwsAccountId": (str, 12), "Types": (list, 50), "CreatedAt": (str, None), "UpdatedAt": (str, None),
    "Severity": (dict, None), "Title": (str, 256), "Description": (str, 1024), "Resources": (list, 32),
}
OPTIONAL = {
    "ProductName": (str, 128), "CompanyName": (str, 128), "Region": (str, 16), "Remediation": (dict, None),
    "ProductFields": (dict, 50), "Workflow": (dict, None), "RecordState": (str, None),
}
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$")
ARN = re.compile(r"^arn:aws(-cn|-us-gov)?:securityhub:[a-z0-9-]+:\d{12}:product/\d{12}/default$")


def field_errors(i, f, spec, required):
    for key, (kind, limit) in spec.items():
        if key not in f:
            if required:
                yield "finding %d: missing %s" % (i, key)
            continue
        value = f[key]
        if not isinstance(value, kind):
            yield "finding %d: %s is %s, not %s" % (i, key, type(value).__name__, kind.__name__)
        elif limit is not None and len(value) > limit:
            yield "finding %d: %s longer than %d" % (i, key, limit)
        elif kind is str and not value.strip():
            yield "finding %d: %s is blank" % (i, key)


def value_errors(i, f):
    if f.get("SchemaVersion") != "2018-10-08":
        yield "finding %d: SchemaVersion is not 2018-10-08" % i
    if not ARN.match(f.get("ProductArn", "")):
        yield "finding %d: ProductArn %r is not a custom-integration product ARN" % (i, f.get("ProductArn"))
    if not re.fullmatch(r"\d{12}", f.get("AwsAccountId", "")):
        yield "finding %d: AwsAccountId is not 12 digits" % i
    for key in ("CreatedAt", "UpdatedAt"):
        if not RFC3339.match(f.get(key, "")):
            yield "finding %d: %s is not RFC 3339" % (i, key)
    if f.get("Severity", {}).get("Label") not in LABELS:
        yield "finding %d: Severity.Label %r" % (i, f.get("Severity", {}).get("Label"))
    for t in f.get("Types", []):
        parts = t.split("/")
        if parts[0] not in NAMESPACES or not 1 <= len(parts) <= 3:
            yield "finding %d: type %r is not namespace/category/classifier" % (i, t)
    for r in f.get("Resources", []):
        if not isinstance(r.get("Type"), str) or not isinstance(r.get("Id"), str) or not r["Id"] or len(r["Id"]) > 512:
            yield "finding %d: resource needs Type and Id (1..512)" % i
    for k, v in f.get("ProductFields", {}).items():
        if not isinstance(v, str) or len(k) > 128 or len(v) > 2048:
            yield "finding %d: ProductFields %r" % (i, k)
    if f.get("Workflow", {}).get("Status", "NEW") not in ("NEW", "NOTIFIED", "RESOLVED", "SUPPRESSED"):
        yield "finding %d: Workflow.Status" % i
    if f.get("RecordState", "ACTIVE") not in ("ACTIVE", "ARCHIVED"):
        yield "finding %d: RecordState" % i


def main():
    with open(sys.argv[1], encoding="utf-8") as fh:
        batch = json.load(fh)
    problems = [] if isinstance(batch, list) else ["not a JSON array of findings"]
    ids = [f.get("Id") for f in batch]
    if len(set(ids)) != len(ids):
        problems.append("finding Ids are not unique")
    for i, f in enumerate(batch):
        problems += field_errors(i, f, REQUIRED, True)
        problems += field_errors(i, f, OPTIONAL, False)
        problems += value_errors(i, f)
    for p in problems:
        print("%s: %s" % (sys.argv[1], p), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
