#!/usr/bin/env python3
"""How many planted secrets a tool's report found: a finding counts when it names the planted
line's file and line number.

usage: found.py REPO PLANTED_TSV TOOL REPORT  -> "FOUND/PLANTED [missed: rule ...]"
  PLANTED_TSV: path (relative to REPO) <TAB> rule <TAB> planted line, as make_corpus.py writes
  TOOL: hookguard (--format json) | git-secrets (its stderr: path:line:text) | secretlint (--format json)
"""
import json
import os
import re
import sys


def hookguard(report, repo):
    findings = json.load(open(report))["findings"]
    return {(f["path"], f["line"]) for f in findings if f["detector"] == "secrets"}


def git_secrets(report, repo):
    hits = set()
    for line in open(report, errors="replace"):
        m = re.match(r"([^:]+):(\d+):", line)
        if m:
            hits.add((m.group(1), int(m.group(2))))
    return hits


def secretlint(report, repo):
    text = open(report).read().strip()
    results = json.loads(text) if text else []
    return {(os.path.relpath(r["filePath"], repo), m["loc"]["start"]["line"])
            for r in results for m in r["messages"]}


def main():
    repo, planted_tsv, tool, report = sys.argv[1:5]
    hits = {"hookguard": hookguard, "git-secrets": git_secrets, "secretlint": secretlint}[tool](report, repo)
    planted = [l.rstrip("\n").split("\t") for l in open(planted_tsv)]
    missed = []
    for path, rule, text in planted:
        lines = open(os.path.join(repo, path), "rb").read().split(b"\n")
        if (path, lines.index(text.encode()) + 1) not in hits:
            missed.append(rule)
    found = len(planted) - len(missed)
    print(f"{found}/{len(planted)}" + (f" missed: {' '.join(sorted(set(missed)))}" if missed else ""))


if __name__ == "__main__":
    main()
