#!/usr/bin/env bash
# scan --history / --since / --range: every commit judged once against its first parent,
# findings carry the commit id, messages and annotated tags are scanned, a secret that persists
# over many commits is reported once, bad revisions fail closed.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/git_lib.sh"

git init -q "$T/r" && cd "$T/r"
printf 'version: 1\nsecrets: {extra_rules: %s}\n' "$T/rules.yaml" > .hookguard.yaml
echo base > a && git add . && git commit -q -m base
echo "k=$TOKEN" > leak && git add leak && git commit -q -m leak
leak_commit=$(git rev-parse HEAD)
for i in 1 2 3; do echo $i >> a && git commit -q -am "edit $i"; done
git rm -q leak && git commit -q -m "remove leak"
clean_from=$(git rev-parse HEAD)
git commit -q --allow-empty -m "msg $TOKEN"
git tag -a v1 -m "tag $TOKEN" HEAD~1

expect_rc 1 "history with a secret blocks" -- "$HG" scan --history --format json
count=$(grep -o '"rule_id": *"secret-test-token"' "$T/out" | wc -l)
[ "$count" = 3 ] && pass "three findings: the file once, the commit message, the tag message" || { fail "expected 3 findings, got $count"; cat "$T/out" >&2; }
expect_grep "\"commit\": *\"$leak_commit\"" "$T/out" "file finding names the commit that added it"
expect_grep '"location": *"commit-message"' "$T/out" "commit message finding"
expect_grep '"location": *"tag-message"' "$T/out" "tag message finding"
expect_grep '"path": *"leak"' "$T/out" "finding path is repository-relative"

expect_rc 1 "--since before the message commit still sees the message" -- "$HG" scan --history --since "$clean_from"
expect_rc 0 "--range over the clean edits passes" -- "$HG" scan --range "$leak_commit..$clean_from"
expect_grep "4 commits" "$T/out" "range scans exactly its commits"
expect_rc 2 "a bad range fails closed" -- "$HG" scan --range "nope..HEAD"
expect_rc 2 "paths with --history are a usage error" -- "$HG" scan --history .
(cd "$T" && expect_rc 2 "outside a repository: exit 2" -- "$HG" scan --history)

finish
