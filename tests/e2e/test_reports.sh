#!/usr/bin/env bash
# Machine reports end to end: the real binary scans a directory with a planted fake token (a test
# rule from an extra rules file, so the real rule set does not matter) and each format is checked
# by its validator: SARIF against the official schema (and the SARIF Multitool's GitHub rules when
# it is available), ASFF against the documented fields, JUnit by parsing it.
set -euo pipefail

PY=$(command -v /usr/bin/python3 || command -v python3)  # Debian's, with python3-jsonschema
HOOKGUARD=${HOOKGUARD:-$(pwd)/build/hookguard}
SRC=${HOOKGUARD_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
E2E=$SRC/tests/e2e
work=$(mktemp -d)
trap 'status=$?; rm -rf "$work" 2>/dev/null || true; exit $status' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_rc() {  # expected-code command...
  local want=$1; shift
  set +e; "$@"; local rc=$?; set -e
  [ "$rc" = "$want" ] || fail "exit $rc, expected $want: $*"
}

# --- a scanned tree with one blocking and one suppressed finding
tree=$work/tree out=$work/out
mkdir -p "$tree/src" "$out"
cat > "$tree/rules.yaml" <<'RULES'
rules:
  - id: secret-hgtest-token
    title: hookguard test token
    severity: high
    pattern: 'hgtest_[a-z0-9]{24}'
    aliases: [test:hgtest]
    help: A token planted by hookguard's end-to-end tests.
RULES
printf 'secrets: {extra_rules: rules.yaml}\n' > "$tree/.hookguard.yaml"
token="hgtest_$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"  # generated: obviously fake
printf 'token = %s\n' "$token" > "$tree/src/app config.env"
printf 'ok = 1\nx = %s # hookguard:allow secret-hgtest-token -- fixture\n' "$token" > "$tree/src/allowed.txt"
cd "$tree"

# --- SARIF as the main output, JUnit and ASFF beside it
export AWS_ACCOUNT_ID=123456789012 AWS_REGION=eu-west-1
expect_rc 1 "$HOOKGUARD" scan . --format sarif --output "$out/r.sarif" --report junit="$out/r.xml" --report asff="$out/r.asff"
"$PY" "$E2E/validate_sarif.py" "$out/r.sarif" || fail "SARIF does not validate"
"$PY" "$E2E/validate_junit.py" "$out/r.xml" || fail "JUnit does not parse"
"$PY" "$E2E/validate_asff.py" "$out/r.asff" || fail "ASFF does not validate"
grep -q "$token" "$out/r.sarif" "$out/r.xml" "$out/r.asff" && fail "a report holds the unredacted token"

"$PY" - "$out/r.sarif" "$out/r.xml" "$out/r.asff" <<'PY' || fail "report content"
import json, sys, xml.etree.ElementTree as ET
sarif = json.load(open(sys.argv[1]))
run = sarif["runs"][0]
results = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r for r in run["results"]}
assert set(results) == {"src/app%20config.env", "src/allowed.txt"}, results.keys()
blocked, allowed = results["src/app%20config.env"], results["src/allowed.txt"]
assert blocked["ruleId"] == "secret-hgtest-token" and blocked["level"] == "error", blocked
assert blocked["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
assert len(blocked["partialFingerprints"]["hookguard/v1"]) == 16
assert "suppressions" not in blocked
assert allowed["level"] == "note" and allowed["suppressions"][0]["kind"] == "inSource", allowed
assert run["tool"]["driver"]["rules"][blocked["ruleIndex"]]["properties"]["security-severity"] == "8.0"
assert run["invocations"][0]["executionSuccessful"] is True
root = ET.parse(sys.argv[2]).getroot()
assert root.get("failures") == "1" and root.get("skipped") == "1", root.attrib
asff = json.load(open(sys.argv[3]))
assert sorted(f["Severity"]["Label"] for f in asff) == ["HIGH", "HIGH"]
assert sorted(f["Workflow"]["Status"] for f in asff) == ["NEW", "SUPPRESSED"]
PY

# --- --sarif shorthand beside the human report
expect_rc 1 "$HOOKGUARD" scan . --sarif "$out/short.sarif" 2> "$out/human.txt" > "$out/human.out"
"$PY" "$E2E/validate_sarif.py" "$out/short.sarif" || fail "--sarif output does not validate"
grep -q "secret-hgtest-token" "$out/human.txt" "$out/human.out" || fail "no human report beside --sarif"

# --- ASFF without an AWS account: an error, not a made-up account
unset AWS_ACCOUNT_ID
expect_rc 2 "$HOOKGUARD" scan . --format asff --output "$out/none.asff" 2> "$out/asff.err"
grep -q "AWS account id" "$out/asff.err" || fail "missing-account error does not say what is missing"
export AWS_ACCOUNT_ID=123456789012

# --- a clean tree: valid empty SARIF, a passing JUnit testcase, an empty ASFF batch
clean=$work/clean
mkdir -p "$clean" && printf 'nothing here\n' > "$clean/readme.txt"
cd "$clean"
expect_rc 0 "$HOOKGUARD" scan . --format junit --output "$out/clean.xml" --report sarif="$out/clean.sarif" --report asff="$out/clean.asff"
"$PY" "$E2E/validate_sarif.py" "$out/clean.sarif" || fail "clean SARIF does not validate"
"$PY" "$E2E/validate_junit.py" "$out/clean.xml" || fail "clean JUnit does not parse"
grep -q 'no findings' "$out/clean.xml" || fail "clean JUnit has no passing testcase"
[ "$(tr -d ' \n' < "$out/clean.asff")" = "[]" ] || fail "clean ASFF is not an empty batch"

# --- the official SARIF Multitool with GitHub's upload rules, when it can be had
multitool=$(command -v sarif-multitool || true)
tools=${XDG_CACHE_HOME:-$HOME/.cache}/hookguard-test-tools
if [ -z "$multitool" ] && [ -x "$tools/bin/sarif-multitool" ]; then multitool=$tools/bin/sarif-multitool; fi
if [ -z "$multitool" ] && command -v npm > /dev/null; then
  timeout 300 npm install --silent --prefix "$tools" -g @microsoft/sarif-multitool > /dev/null 2>&1 || true
  [ -x "$tools/bin/sarif-multitool" ] && multitool=$tools/bin/sarif-multitool
fi
if [ -z "$multitool" ]; then
  echo "SKIP: SARIF Multitool not installable here (npm @microsoft/sarif-multitool); schema validation above still ran"
else
  for f in r.sarif clean.sarif; do
    # It exits 0 even when it finds errors: read its own SARIF output instead.
    "$multitool" validate "$out/$f" --output "$out/$f.validation" --log ForceOverwrite --rule-kind Gh > /dev/null
    "$PY" - "$out/$f.validation" <<'PY' || fail "SARIF Multitool reports errors for $f"
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0].get("results", [])
errors = [r for r in results if r.get("level", "warning") == "error"]
for r in errors:
    print("multitool:", r["ruleId"], r["message"], file=sys.stderr)
sys.exit(1 if errors else 0)
PY
  done
fi
echo "PASS: reports"
