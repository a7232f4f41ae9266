#!/usr/bin/env bash
# Policy: thresholds, config keys, inline suppression forms, peers' files, baseline round trips.
. "$(dirname "$0")/lib.sh"
cd "$T"
write_test_rules rules.yaml
cfg() { printf 'secrets:\n  extra_rules: rules.yaml\n%s' "$1" > .hookguard.yaml; }
A=$(fake_token a); B=$(fake_token b)

# Thresholds: the test rule is high. block: critical -> audited (exit 0), recorded.
printf 'key = %s\n' "$A" > app.env
cfg 'block: critical
'
expect_rc 0 "block: critical turns a high finding into an audit" -- "$HOOKGUARD" scan app.env
expect_grep "{audit}" "$T/out" "the audited finding is shown"
cfg 'rules:
  secret-test-token: {severity: low}
'
expect_rc 0 "a severity override below the audit level passes" -- "$HOOKGUARD" scan app.env
expect_no_grep "secret-test-token" "$T/out" "info findings are hidden without -v"
"$HOOKGUARD" scan -v app.env > "$T/v" 2>&1 || true
expect_grep "{info}" "$T/v" "-v shows info findings"
cfg 'rules:
  secret-test-token: {enabled: false}
'
expect_rc 0 "a disabled rule does not fire" -- "$HOOKGUARD" scan app.env
cfg 'hooks:
  scan: {block: critical}
'
expect_rc 0 "per-hook block level" -- "$HOOKGUARD" scan app.env
cfg 'secrets:
  block: critical
'
expect_rc 2 "a duplicate key is an error, never silently resolved" -- "$HOOKGUARD" scan app.env
expect_grep "duplicate key" "$T/err" "the duplicate key is named"
cfg 'allow:
  - {rules: ["secret-*"], paths: ["*.env"], reason: "fixture"}
'
expect_rc 0 "a config allow entry suppresses" -- "$HOOKGUARD" scan app.env
cfg 'allow:
  - {rules: ["secret-*"], paths: ["*.env"]}
'
expect_rc 2 "an allow entry without a reason is an error" -- "$HOOKGUARD" scan app.env
expect_grep ".hookguard.yaml:4: allow\[0\]: every allow entry needs a reason" "$T/err" "the error names file, line and key"
cfg 'paths:
  exclude: ["*.env"]
'
expect_rc 0 "paths.exclude skips the file" -- "$HOOKGUARD" scan app.env

# Inline suppression forms (ours and the peers').
cfg ''
for form in "gitleaks:allow" "pragma: allowlist secret" "trufflehog:ignore" "hookguard:allow" "hookguard:allow secret-test-token -- fixture"; do
  printf 'key = %s # %s\n' "$A" "$form" > inline.txt
  expect_rc 0 "inline '$form' suppresses on its line" -- "$HOOKGUARD" scan inline.txt
done
printf '# pragma: allowlist nextline secret\nkey = %s\n' "$A" > next.txt
expect_rc 0 "pragma: allowlist nextline secret covers the next line" -- "$HOOKGUARD" scan next.txt
printf '# hookguard:allow\nkey = %s\n' "$A" > next2.txt
expect_rc 0 "a comment-only hookguard:allow covers the next line" -- "$HOOKGUARD" scan next2.txt
printf 'key = %s # hookguard:allow DL3008\n' "$A" > other.txt
expect_rc 1 "an allow for another rule does not suppress" -- "$HOOKGUARD" scan other.txt
printf 'x = 1 # hookguard:allow\n' > stale.txt
"$HOOKGUARD" scan -v stale.txt > "$T/v" 2>&1 || true
expect_grep "policy-unused-suppression" "$T/v" "a stale hookguard:allow is reported at info level"
"$HOOKGUARD" scan --format json inline.txt > "$T/j" || true
python3 -c "import json,sys; d=json.load(open('$T/j')); f=d['findings'][0]; assert f['action']=='suppressed' and 'inline' in f['reason'], f" \
  && pass "a suppressed finding stays in JSON with its reason" || fail "suppressed finding in JSON"

# .gitleaksignore maps onto an allow entry (repository root).
mkdir repo && (cd repo && git init -q && cp ../rules.yaml . && printf 'secrets:\n  extra_rules: rules.yaml\n' > .hookguard.yaml)
printf 'key = %s\n' "$A" > repo/leak.txt
(cd repo && expect_rc 1 "without .gitleaksignore it blocks" -- "$HOOKGUARD" scan leak.txt)
printf 'leak.txt:secret-test-token:1\n' > repo/.gitleaksignore
sed -i 's/    help: Revoke the test token./    aliases: [gitleaks:secret-test-token]\n    help: Revoke the test token./' repo/rules.yaml
(cd repo && expect_rc 0 ".gitleaksignore entries are honoured" -- "$HOOKGUARD" scan leak.txt)

# Baseline round trip: accept, move unrelated lines, add a new secret, prune a fixed one.
cd "$T" && mkdir bl && cd bl && cp ../rules.yaml . && printf 'secrets:\n  extra_rules: rules.yaml\nbaseline: .hookguard-baseline\n' > .hookguard.yaml
printf 'one\nkey = %s\n' "$A" > old.txt
expect_rc 1 "before the baseline it blocks" -- "$HOOKGUARD" scan old.txt
expect_rc 0 "hookguard baseline writes the file" -- "$HOOKGUARD" baseline .
expect_no_grep "$A" .hookguard-baseline "the baseline holds no secret"
expect_no_grep ":2" .hookguard-baseline "the baseline holds no line numbers"
expect_rc 0 "baselined findings pass" -- "$HOOKGUARD" scan .
printf 'zero\n%s' "$(cat old.txt)" > old.txt
expect_rc 0 "moving unrelated lines keeps the fingerprint" -- "$HOOKGUARD" scan .
printf 'key = %s\n' "$B" > new.txt
expect_rc 1 "a new secret still blocks" -- "$HOOKGUARD" scan .
rm new.txt; printf 'clean\n' > old.txt
expect_rc 0 "baseline --update" -- "$HOOKGUARD" baseline --update .
expect_no_grep "old.txt" .hookguard-baseline "--update prunes fixed findings"
printf 'not a baseline line\n' > .hookguard-baseline
expect_rc 2 "a corrupt baseline fails closed" -- "$HOOKGUARD" scan .
expect_grep ".hookguard-baseline:1: not a baseline entry" "$T/err" "the corrupt baseline is named with its line"
finish
