#!/usr/bin/env bash
# hookguard install / uninstall / doctor: common git dir, core.hooksPath, chaining an existing
# hook (run first, with stdin), --no-chain refusal, LF + executable bit, doctor's checks
# (git-integration.md §6, scenarios 12, 25), and the shipped hooks/ scripts.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/git_lib.sh"

git init -q "$T/r" && cd "$T/r"
printf 'version: 1\nsecrets: {extra_rules: %s}\n' "$T/rules.yaml" > .hookguard.yaml
git add . && git commit -q -m init

# an existing pre-push hook is chained: kept, run first with the same stdin
mkdir -p .git/hooks
printf '#!/bin/sh\ncat > "%s/chained.stdin"\necho "$1" > "%s/chained.args"\n' "$T" "$T" > .git/hooks/pre-push
chmod +x .git/hooks/pre-push
expect_rc 2 "--no-chain refuses to replace a foreign hook" -- "$HG" install --no-chain
expect_grep "not hookguard's" "$T/err" "refusal says why"
expect_rc 0 "install chains the existing hook" -- "$HG" install
[ -x .git/hooks/pre-push.hookguard-chained ] && pass "foreign hook kept as pre-push.hookguard-chained" || fail "chained hook missing"
for h in pre-commit pre-merge-commit pre-push; do
  [ -x ".git/hooks/$h" ] && ! grep -q $'\r' ".git/hooks/$h" && pass "$h executable, LF only" || fail "$h not executable/LF"
done
expect_rc 0 "doctor: all good" -- "$HG" doctor
expect_rc 0 "install is idempotent" -- "$HG" install

git init -q --bare "$T/srv.git" && git remote add origin "$T/srv.git"
git push -q origin main 2>/dev/null
expect_grep "refs/heads/main" "$T/chained.stdin" "chained hook received git's stdin"
expect_grep "origin" "$T/chained.args" "chained hook received the arguments"

# doctor finds hooks git would silently skip
chmod -x .git/hooks/pre-commit
expect_rc 1 "doctor: non-executable hook" -- "$HG" doctor
expect_grep "not executable" "$T/out" "doctor names the problem"
chmod +x .git/hooks/pre-commit && sed -i 's/$/\r/' .git/hooks/pre-merge-commit
expect_rc 1 "doctor: CRLF hook" -- "$HG" doctor
expect_grep "CRLF" "$T/out" "doctor reports CRLF"

# uninstall restores what was there
expect_rc 0 "uninstall" -- "$HG" uninstall
[ ! -e .git/hooks/pre-commit ] && pass "pre-commit removed" || fail "pre-commit still there"
grep -q chained.stdin .git/hooks/pre-push && [ ! -e .git/hooks/pre-push.hookguard-chained ] &&
  pass "chained pre-push restored" || fail "pre-push not restored"

# linked worktree: install from inside it writes to the common dir
git worktree add -q "$T/wt" -b wt 2>/dev/null
(cd "$T/wt" && "$HG" install >/dev/null)
[ -x .git/hooks/pre-commit ] && [ ! -e .git/worktrees/wt/hooks/pre-commit ] && pass "worktree install goes to the common dir" ||
  fail "worktree install location"
"$HG" uninstall >/dev/null

# core.hooksPath: relative (resolved against the worktree root) and absolute
git config core.hooksPath .githooks
"$HG" install >/dev/null
[ -x .githooks/pre-commit ] && pass "relative core.hooksPath honoured" || fail "relative core.hooksPath"
echo "k=$TOKEN" > k && git add k
expect_commit_blocked "hook in core.hooksPath runs" -- -m k
git config core.hooksPath "$T/abs-hooks"
"$HG" install >/dev/null
[ -x "$T/abs-hooks/pre-push" ] && pass "absolute core.hooksPath honoured" || fail "absolute core.hooksPath"
git config --unset core.hooksPath

# server install targets: bare repo, Gitea dispatcher dir, GitLab custom_hooks
git init -q --bare "$T/gitea.git" && mkdir -p "$T/gitea.git/hooks/pre-receive.d"
"$HG" install --server "$T/gitea.git" >/dev/null
[ -x "$T/gitea.git/hooks/pre-receive.d/hookguard" ] && pass "Gitea: hooks/pre-receive.d/hookguard" || fail "Gitea target"
mkdir -p "$T/gl.git/custom_hooks/pre-receive.d"
"$HG" install --server "$T/gl.git/custom_hooks/pre-receive.d" >/dev/null
[ -x "$T/gl.git/custom_hooks/pre-receive.d/hookguard" ] && pass "GitLab: custom_hooks/pre-receive.d/hookguard" || fail "GitLab target"
expect_rc 0 "doctor --server" -- "$HG" doctor --server "$T/gitea.git"

# the shipped entry scripts: POSIX sh, LF, executable in the index, exec the right verb
src=${HOOKGUARD_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
for h in pre-commit pre-merge-commit pre-push pre-receive; do
  f=$src/hooks/$h
  if sh -n "$f" && ! grep -q $'\r' "$f" && grep -q "\"\$bin\" $h" "$f"; then pass "hooks/$h is valid sh, LF, runs $h"; else fail "hooks/$h"; fi
  if [ -d "$src/.git" ] || [ -f "$src/.git" ]; then
    mode=$(git -C "$src" ls-files -s "hooks/$h" | cut -c1-6)
    [ -z "$mode" ] || [ "$mode" = 100755 ] && pass "hooks/$h executable in the index" || fail "hooks/$h mode $mode"
  fi
done
git rm -q --cached k && rm k
cp "$src/hooks/pre-commit" .git/hooks/pre-commit
echo "k=$TOKEN" > k && git add k
HOOKGUARD=$HG expect_commit_blocked "shipped hooks/pre-commit blocks with HOOKGUARD set" -- -m k

finish
