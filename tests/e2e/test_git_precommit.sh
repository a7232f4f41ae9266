#!/usr/bin/env bash
# pre-commit / pre-merge-commit through real `git commit` and `git merge` with installed hooks
# (../shared/notes/git-integration.md §6, scenarios 1-5, 6, 8-14, 26).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/git_lib.sh"

new_repo "$T/r" && cd "$T/r"
git add .hookguard.yaml && expect_commit_passes "unborn HEAD, clean first commit" -- -m init

# 1. staged content is judged, not the working tree
echo ok > a && git add a && echo "$TOKEN" >> a
expect_commit_passes "secret only in the working tree passes" -- -m a
git add a
expect_commit_blocked "secret staged is blocked" -- -m a2
echo "key=$TOKEN" > s && git add s && rm s
expect_commit_blocked "secret staged then removed from the working tree is blocked" -- -m s
git rm -q --cached s && git reset -q --hard HEAD

# 2. commit -a (GIT_INDEX_FILE = index.lock)
echo "$TOKEN" >> a
expect_commit_blocked "commit -a is blocked" -- -am z
git reset -q --hard HEAD

# 3. commit <paths>: only those paths are judged
echo "k=$TOKEN" > s && git add s && echo b > b && git add b && echo c >> b
expect_commit_passes "commit <path> ignores other staged files" -- -m p b
if git show --stat HEAD | grep -q ' s '; then fail "commit <path> committed s"; else pass "only b was committed"; fi
git rm -q --cached s && rm s

# 4. partial staging with git add -p: only the staged hunk is judged
seq 1 30 > f && git add f && git commit -q -m f
{ echo clean; seq 2 29; echo "t=$TOKEN"; } > f
printf 'y\nn\n' | git add -p f >/dev/null 2>&1
expect_commit_passes "add -p: clean hunk staged, secret hunk not" -- -m clean-hunk
git add f
expect_commit_blocked "add -p: the secret hunk staged" -- -m secret-hunk
git reset -q --hard HEAD

# 5. amend
echo "k=$TOKEN" > s && git add s
expect_commit_blocked "amend with a staged secret" -- --amend --no-edit
git rm -q --cached s && rm s
expect_commit_passes "amend without changes" -- --amend --no-edit

# 8. rename of a committed file adds nothing; 9. delete
echo "old=$TOKEN" > legacy && git add legacy && git commit -q --no-verify -m legacy
git mv legacy moved
expect_commit_passes "git mv of an already committed file adds no lines" -- -m mv
git rm -q moved
expect_commit_passes "deleting a file with a secret" -- -m rm

# 10. binary: skipped and counted by default, found with secrets.scan_binary
printf 'x\0%s\0' "$TOKEN" > b.bin && git add b.bin
expect_rc 0 "binary blob skipped by default" -- "$HG" pre-commit
expect_grep "1 binary skipped" "$T/err" "binary skip is counted"
printf 'version: 1\nsecrets: {extra_rules: %s, scan_binary: true}\n' "$T/rules.yaml" > "$T/binary.yaml"
expect_rc 1 "binary blob scanned with scan_binary" -- "$HG" pre-commit --config "$T/binary.yaml"
git rm -q --cached b.bin && rm b.bin

# intent-to-add entries stage the empty blob without writing it
echo later > ita && git add -N ita
expect_rc 0 "git add -N (intent to add) does not break the hook" -- "$HG" pre-commit
git rm -q --cached ita && rm ita

# never modifies the index, the working tree or refs
echo "k=$TOKEN" > s && git add s && echo dirty >> a
before=$(snapshot .)
"$HG" pre-commit >/dev/null 2>&1 || true
[ "$before" = "$(snapshot .)" ] && pass "hook leaves index, worktree and refs alone" || fail "hook changed the repository"
git rm -q --cached s && rm s && git reset -q --hard HEAD

# 6. merge: a clean merge runs pre-merge-commit
git checkout -q -b feat && echo "m=$TOKEN" > m && git add m && git commit -q --no-verify -m feat
git checkout -q main && echo other > o && git add o && git commit -q -m other
if git merge -q --no-edit feat >"$T/out" 2>&1; then fail "clean merge of a secret went through"; else
  expect_grep "secret-test-token" "$T/out" "pre-merge-commit blocks a clean merge"; fi
git merge --abort 2>/dev/null || git reset -q --hard HEAD

# 12. linked worktree: hooks come from the common dir, the worktree's own index is read
git worktree add -q "$T/wt" -b wt-branch 2>/dev/null
(cd "$T/wt" && echo "w=$TOKEN" > w && git add w && expect_commit_blocked "commit in a linked worktree" -- -m w)

# 14. GIT_WORK_TREE set explicitly (libgit2 1.5 cannot open it from the environment)
cd "$T" && echo "g=$TOKEN" > r/g && git --git-dir=r/.git --work-tree=r add g
if git --git-dir=r/.git --work-tree=r commit -q -m g >"$T/out" 2>&1; then fail "--work-tree commit went through"; else
  expect_grep "secret-test-token" "$T/out" "commit with GIT_WORK_TREE set is blocked"; fi
cd "$T/r" && git rm -q --cached g && rm g

# 13. submodule: the gitlink is counted, never read as a blob; the submodule has its own hooks
new_repo "$T/lib" && (cd "$T/lib" && git add . && git commit -q -m lib)
git -c protocol.file.allow=always submodule add -q "$T/lib" lib 2>/dev/null
expect_rc 0 "superproject commit adding a submodule" -- "$HG" pre-commit
expect_grep "1 submodules skipped" "$T/err" "gitlink counted as skipped"
git commit -q -m sub
(cd lib && "$HG" install >/dev/null && echo "l=$TOKEN" > l && git add l && expect_commit_blocked "commit inside a submodule" -- -m l)

# 26. unsupported repository formats fail closed with a clear message; worktreeConfig works
git init -q --object-format=sha256 "$T/sha" 2>/dev/null
(cd "$T/sha" && echo x > x && git add x && expect_rc 2 "SHA-256 repository: exit 2" -- "$HG" pre-commit)
expect_grep "SHA-256" "$T/err" "SHA-256 error names the cause"
new_repo "$T/wtc" && (cd "$T/wtc" && git config extensions.worktreeConfig true && echo "k=$TOKEN" > k && git add k &&
  expect_rc 1 "extensions.worktreeConfig repository is scanned" -- "$HG" pre-commit)

# 11. first commit with a secret (unborn HEAD)
new_repo "$T/fresh" && (cd "$T/fresh" && echo "k=$TOKEN" > k && git add . && expect_commit_blocked "unborn HEAD, secret in the first commit" -- -m first)

finish
