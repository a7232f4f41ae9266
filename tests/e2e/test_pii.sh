#!/usr/bin/env bash
# The pii detector through the real binary: a 50-row customer CSV is recorded at audit level by
# default and blocks once the dump rule is raised to high; card numbers are redacted to their
# last 4 digits; published test cards stay at info. The same through pre-commit, where a dump
# that grows by one row is still judged whole. (pre-receive: once that hook command exists.)
. "$(dirname "$0")/lib.sh"
cd "$T"
mkdir proj && cd proj
python3 - <<'PY'
rows = ["id,first_name,last_name,email,phone,date_of_birth"]
rows += [f"{i},Test{i},Person{i},person{i}@example.com,+1 555-01{i % 100:02d},1990-01-{i % 28 + 1:02d}" for i in range(1, 51)]
open("customers.csv", "w").write("\n".join(rows) + "\n")
# A Luhn-valid Visa number built here, never stored in the repository.
body = "453914880343646"
digits = [int(c) for c in body][::-1]
s = sum(d if i % 2 else (2 * d - 9 if 2 * d > 9 else 2 * d) for i, d in enumerate(digits))
card = body + str((10 - s % 10) % 10)
open("payment.json", "w").write('{"card": "%s %s %s %s", "test": "4242 4242 4242 4242"}\n' % (card[:4], card[4:8], card[8:12], card[12:]))
open("card.txt", "w").write(card + "\n")
PY
CARD=$(cat card.txt); rm card.txt

expect_rc 0 "a customer dump is audited, not blocked, by default" -- "$HOOKGUARD" scan customers.csv
expect_grep "customers.csv:2:1: pii-customer-data-dump \[medium\]" "$T/out" "the dump is reported at the first record"
expect_grep "50 records" "$T/out" "the report has the counts"
expect_no_grep "person1@example.com" "$T/out" "no record content is shown"

printf 'version: 1\nrules:\n  pii-customer-data-dump: {severity: high}\n' > .hookguard.yaml
expect_rc 1 "raising the dump rule to high blocks" -- "$HOOKGUARD" scan customers.csv

printf 'version: 1\ndetectors: [secrets, dockerfile, manifest]\nrules:\n  pii-customer-data-dump: {severity: high}\n' > .hookguard.yaml
expect_rc 0 "turning the pii detector off passes" -- "$HOOKGUARD" scan customers.csv
rm .hookguard.yaml

"$HOOKGUARD" scan payment.json --format json >"$T/json" || true
python3 - "$T/json" "$CARD" <<'PY' && pass "cards: last 4 digits only, validation named, test card at info" || fail "card findings"
import json, sys
doc = json.load(open(sys.argv[1]))
card = sys.argv[2]
by_rule = {f["rule_id"]: f for f in doc["findings"]}
real, test = by_rule["pii-credit-card"], by_rule["pii-credit-card-test-number"]
assert real["severity"] == "medium" and real["validation"] == "Luhn valid, Visa prefix", real
assert real["excerpt"] == "*****%s(19)" % card[-4:], real["excerpt"]
assert test["severity"] == "info" and test["action"] == "info", test
text = open(sys.argv[1]).read()
assert card not in text and card[:4] + " " + card[4:8] not in text
PY

cd "$T" && git init -q repo && cd repo
cp ../proj/customers.csv . && git add customers.csv
expect_rc 0 "pre-commit records a staged customer dump without blocking" -- "$HOOKGUARD" pre-commit
expect_grep "customers.csv:2:1: pii-customer-data-dump \[medium\]" "$T/err" "pre-commit reports the dump on stderr"
printf 'version: 1\nrules:\n  pii-customer-data-dump: {severity: high}\n' > .hookguard.yaml
expect_rc 1 "pre-commit blocks the dump once the rule is high" -- "$HOOKGUARD" pre-commit
git -c core.hooksPath=/dev/null commit -qm "fixtures"
echo "51,Test51,Person51,person51@example.com,+1 555-0151,1990-01-05" >> customers.csv && git add customers.csv
expect_rc 1 "a dump that grows by one row is still judged whole" -- "$HOOKGUARD" pre-commit
expect_grep "51 records" "$T/err" "the whole file is counted"
finish
