#!/usr/bin/env bash
# pre-push through real `git push` to a bare remote (git-integration.md §6, scenarios 7, 15-19):
# only commits the remote lacks are judged; deletions judge nothing; tags bring their commits,
# their messages and directly tagged blobs.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/git_lib.sh"

git init -q --bare "$T/srv.git"
git clone -q "$T/srv.git" "$T/w" 2>/dev/null
cd "$T/w"
printf 'version: 1\nsecrets: {extra_rules: %s}\n' "$T/rules.yaml" > .hookguard.yaml
"$HG" install >/dev/null
git add .hookguard.yaml && git commit -q -m init

expect_push() {  # expect_push RC DESCRIPTION -- push args...
  local want=$1 what=$2; shift 3
  local rc=0
  git push -q "$@" >"$T/out" 2>&1 || rc=$?
  if [ "$want" = 0 ] && [ "$rc" = 0 ]; then pass "$what"
  elif [ "$want" != 0 ] && [ "$rc" != 0 ] && grep -q secret-test-token "$T/out"; then pass "$what"
  else fail "$what: push exit $rc"; cat "$T/out" >&2; fi
}

# An old secret already on the remote must not be judged again.
echo "old=$TOKEN" > old && git add old && git commit -q --no-verify -m old
git push -q --no-verify origin main 2>/dev/null
expect_push 0 "nothing new: clean push" -- origin main

# 15. new branch: only commits absent from refs/remotes/origin/*
git checkout -q -b feat && echo f > f && git add f && git commit -q -m f
expect_push 0 "new clean branch off a history with an old secret" -- origin feat
git checkout -q -b feat2 && echo g > g && git add g && git commit -q -m g
expect_push 0 "push by URL judges only new commits" -- "$T/srv.git" feat2
echo "s=$TOKEN" > s && git add s && git commit -q --no-verify -m s
expect_push 1 "new commit with a secret on a new branch" -- origin feat2:feat3

# 7. content arriving without pre-commit (cherry-pick) is caught at push
git checkout -q feat && git cherry-pick feat2 >/dev/null 2>&1 || { fail "cherry-pick"; git cherry-pick --abort; }
expect_push 1 "cherry-picked secret commit blocked at push" -- origin feat
git reset -q --hard HEAD~1

# 16. amend + force push: the rewritten commit is judged
echo "a=$TOKEN" > a && git add a && git commit -q --no-verify --amend -m f-amended
expect_push 1 "force push of an amended commit with a secret" -- -f origin feat
git reset -q --hard origin/feat

# 19. two refs, the secret only on the second
git checkout -q -b ra main && echo ra > ra && git add ra && git commit -q -m ra
git checkout -q -b rb main && echo "rb=$TOKEN" > rb && git add rb && git commit -q --no-verify -m rb
expect_push 1 "two refs, secret only on the second" -- origin ra rb
expect_push 0 "the clean ref alone" -- origin ra

# 17. tags: an annotated tag message, and a tag on a bare blob
git checkout -q main
git tag -a v1 -m "release key $TOKEN" HEAD
expect_push 1 "annotated tag message with a secret" -- origin v1
git tag -d v1 >/dev/null
git tag blobtag "$(echo "b=$TOKEN" | git hash-object -w --stdin)"
expect_push 1 "tag pointing directly at a blob with a secret" -- origin blobtag
git tag -d blobtag >/dev/null
git tag v2 HEAD
expect_push 0 "lightweight tag on a pushed commit brings nothing" -- origin v2

# 18. deletion
expect_push 0 "branch deletion" -- origin --delete feat

# commit messages of pushed commits
git checkout -q -b msg main && git commit -q --allow-empty --no-verify -m "deploy with $TOKEN"
expect_push 1 "secret in a commit message" -- origin msg

finish
