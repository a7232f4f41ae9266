#!/usr/bin/env bash
# `hookguard scan` on real files: exit codes, outputs, skips, errors, the rule cache.
. "$(dirname "$0")/lib.sh"
cd "$T"
mkdir -p proj/.aws proj/sub proj/.git/objects
write_test_rules proj/rules.yaml
printf 'secrets:\n  extra_rules: rules.yaml\n' > proj/.hookguard.yaml
TOKEN=$(fake_token one)
printf '[default]\nkey = %s\n' "$TOKEN" > proj/.aws/credentials
printf 'clean\n' > proj/sub/clean.txt
printf 'x\0%s\n' "$TOKEN" > proj/blob.bin
printf '%s\n' "$TOKEN" > proj/.git/objects/ignored
ln -s /etc/passwd proj/outside-link
cd proj

expect_rc 1 "a dotfile secret blocks" -- "$HOOKGUARD" scan .
expect_grep "^.aws/credentials:2:7: secret-test-token \[high\]" "$T/out" "text report names path:line:col, rule and severity"
expect_no_grep "$TOKEN" "$T/out" "the secret is redacted in text"
expect_grep "hgte\*\*\*\*\*(31)" "$T/out" "redaction shows 4 characters and the length"
expect_no_grep ".git/objects" "$T/out" ".git is skipped"
expect_grep "1 binary skipped" "$T/out" "binary files are counted"

"$HOOKGUARD" scan . --format json >"$T/json" || true
python3 - "$T/json" "$TOKEN" <<'PY' && pass "JSON report is valid and complete" || fail "JSON report"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["version"] == 1
f = doc["findings"][0]
for key in ["rule_id", "aliases", "detector", "severity", "title", "message", "location", "path", "line",
            "column", "end_line", "end_column", "commit", "ref", "excerpt", "validation", "fingerprint", "action", "reason"]:
    assert key in f, key
assert f["path"] == ".aws/credentials" and f["action"] == "block" and len(f["fingerprint"]) == 16
assert doc["summary"]["outcome"] == "block" and doc["summary"]["skipped"]["binary"] == 1
assert sys.argv[2] not in open(sys.argv[1]).read()
PY

cd "$T"
expect_rc 1 "paths are shown as typed (relative)" -- "$HOOKGUARD" scan --config proj/.hookguard.yaml proj/.aws
"$HOOKGUARD" scan --config proj/.hookguard.yaml proj/.aws >"$T/out" 2>&1 || true
expect_grep "^proj/.aws/credentials:2:7:" "$T/out" "relative argument keeps its prefix"
expect_no_grep "passwd" "$T/out" "symlinks are not followed"

cd proj
expect_rc 0 "clean file passes" -- "$HOOKGUARD" scan sub
expect_rc 2 "a missing path fails closed" -- "$HOOKGUARD" scan does-not-exist
expect_grep "does-not-exist: no such file" "$T/err" "the missing path is named"
printf 'block: urgent\n' > bad.yaml
expect_rc 2 "a bad config value fails closed" -- "$HOOKGUARD" scan --config bad.yaml sub
expect_grep "bad.yaml:1: block: expected one of" "$T/err" "config errors name file, line and key"
printf 'secrets:\n  colour: red\n' > bad2.yaml
expect_rc 2 "an unknown config key fails closed" -- "$HOOKGUARD" scan --config bad2.yaml sub
expect_grep "bad2.yaml:2: secrets.colour: unknown key" "$T/err" "unknown keys are named"
mkdir cfgdir
expect_rc 2 "a config that is a directory fails closed" -- "$HOOKGUARD" scan --config cfgdir sub
expect_rc 2 "an unknown option is a usage error" -- "$HOOKGUARD" scan --frobnicate

printf 'limits:\n  max_file_size: 100\nsecrets:\n  extra_rules: rules.yaml\n' > small.yaml
head -c 1000 /dev/zero | tr '\0' 'a' > big.txt
expect_rc 0 "an oversize file is audited, not blocked, by default" -- "$HOOKGUARD" scan --config small.yaml big.txt
expect_grep "policy-file-not-scanned" "$T/out" "the oversize file is reported"

printf 'k = %s # hookguard:allow secret-test-token -- fixture\n' "$(fake_token two)" > allowed.txt
expect_rc 0 "an inline allow comment suppresses" -- "$HOOKGUARD" scan allowed.txt

# The compiled rule cache: reused warm, rebuilt when corrupt.
"$HOOKGUARD" scan sub -v >"$T/out" 2>&1
expect_no_grep "compiled" "$T/out" "a warm run reuses the cache"
for f in "$XDG_CACHE_HOME"/hookguard/*.bin; do printf 'garbage' > "$f"; done
"$HOOKGUARD" scan sub -v >"$T/out" 2>&1
expect_grep "corrupt or stale" "$T/out" "a corrupt cache is detected and rebuilt"
expect_rc 1 "after rebuilding, secrets are still found" -- "$HOOKGUARD" scan .aws

expect_rc 0 "rules lists the catalog" -- "$HOOKGUARD" rules
expect_rc 0 "explain by id" -- "$HOOKGUARD" explain policy-file-not-scanned
expect_rc 2 "explain of an unknown rule" -- "$HOOKGUARD" explain no-such-rule
finish
