#!/usr/bin/env bash
# pre-receive through real `git push` (local transport and git daemon on loopback): only new
# commits, read from the quarantine; rejected objects are not kept; server ref policy, push-option
# bypass, time budget, GitLab prefix (git-integration.md §6, scenarios 18, 20, 21, 24).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/git_lib.sh"

SRV=$T/srv.git
git init -q --bare "$SRV"
cat > "$T/server.yaml" <<YAML
version: 1
secrets: {extra_rules: $T/rules.yaml}
hooks:
  pre-receive: {protected_refs: [refs/heads/main]}
YAML
"$HG" install --server "$SRV" --config "$T/server.yaml" >/dev/null
git clone -q "$SRV" "$T/w" 2>/dev/null && cd "$T/w"
echo base > base && git add base && git commit -q -m base

push() {  # push RC DESCRIPTION -- args: pushes without client hooks, checks the exit code
  local want=$1 what=$2; shift 3
  local rc=0
  git push --no-verify "$@" >"$T/out" 2>&1 || rc=$?
  if { [ "$want" = 0 ] && [ "$rc" = 0 ]; } || { [ "$want" != 0 ] && [ "$rc" != 0 ]; }; then pass "$what"
  else fail "$what: push exit $rc"; cat "$T/out" >&2; fi
}

push 0 "clean push accepted" -- origin main
# A repository-local hookguard.yaml in the pushed content must not change policy.
printf 'version: 1\nsecrets: {enabled: false}\n' > .hookguard.yaml && git add .hookguard.yaml && git commit -q -m cfg

# 20. secret in commit 2 of 3, removed in commit 3
echo one > one && git add one && git commit -q -m c1
echo "k=$TOKEN" > leak && git add leak && git commit -q -m c2
git rm -q leak && git commit -q -m c3
new=$(git rev-list origin/main..main)
push 1 "secret in the middle of a push is rejected" -- origin main
expect_grep "remote: .*leak:1:3: secret-test-token" "$T/out" "finding shown as remote: line with commit, path, line"
expect_grep "pre-receive hook declined" "$T/out" "git reports the hook declined"
[ "$(git -C "$SRV" rev-parse main)" = "$(git rev-parse origin/main)" ] && pass "the ref did not move" || fail "the ref moved"
kept=0; for c in $new; do git -C "$SRV" cat-file -e "$c" 2>/dev/null && kept=1; done
[ $kept = 0 ] && pass "no pushed object kept after rejection" || fail "a rejected object was kept"
expect_no_grep "$TOKEN" "$T/out" "the secret itself is never printed"

# GitLab: rejection lines carry GL-HOOK-ERR:
GL_USERNAME=alice GL_ID=user-1 push 1 "GitLab rejection" -- origin main
expect_grep "GL-HOOK-ERR: " "$T/out" "GL-HOOK-ERR prefix under GitLab"

# 21. push options: not advertised -> git itself refuses; advertised but bypass off -> still scanned
push 1 "push option without server support" -- -o hookguard.skip=fixture origin main
expect_grep "does not support push options" "$T/out" "client reports missing push-option support"
git -C "$SRV" config receive.advertisePushOptions true
push 1 "bypass refused when bypass_push_option is off" -- -o hookguard.skip=fixture origin main
printf 'version: 1\naudit_log: %s\nhooks:\n  pre-receive: {bypass_push_option: true}\n' "$T/audit.jsonl" > "$SRV/hookguard.yaml"
REMOTE_USER=alice push 0 "bypass accepted when the server allows it" -- -o hookguard.skip=fixture origin main
expect_grep "policy-push-bypassed" "$T/out" "the bypass is reported"
expect_grep '"event": *"bypass"' "$T/audit.jsonl" "the bypass is in the audit log"
expect_grep '"pusher": *"alice"' "$T/audit.jsonl" "the audit log names the pusher"
expect_no_grep "$TOKEN" "$T/audit.jsonl" "the audit log never holds the secret"
rm "$SRV/hookguard.yaml"

# server ref policy: immutable tags, protected branch
git tag v1 HEAD~1 && push 0 "new tag" -- origin v1
git tag -f v1 HEAD >/dev/null && push 1 "moving an existing tag" -- -f origin v1
expect_grep "policy-tag-moved" "$T/out" "tag move names the rule"
push 1 "deleting an existing tag" -- origin :refs/tags/v1
git reset -q --hard HEAD~1 && echo x > x && git add x && git commit -q -m rewrite
push 1 "non-fast-forward on a protected branch" -- -f origin main
expect_grep "policy-protected-ref" "$T/out" "protected ref names the rule"
push 1 "deleting a protected branch" -- origin :main
push 0 "a clean new branch" -- origin HEAD:refs/heads/topic
push 0 "deleting an unprotected branch" -- origin :topic

# 24. time budget: reject by default (exit 2 = could not decide), accept-and-audit when configured
git checkout -q -b big origin/main && for i in 1 2 3; do echo $i > n$i && git add n$i && git commit -q -m n$i; done
printf 'version: 1\nhooks:\n  pre-receive: {time_budget: 0ms}\n' > "$SRV/hookguard.yaml"
push 1 "time budget exhausted: rejected" -- origin big
expect_grep "policy-time-budget-exceeded" "$T/out" "timeout names the rule"
printf 'version: 1\nhooks:\n  pre-receive: {time_budget: 0ms, on_timeout: accept-and-audit}\n' > "$SRV/hookguard.yaml"
push 0 "time budget exhausted: accept-and-audit" -- origin big
rm "$SRV/hookguard.yaml"

# 23. parallel pushes of clean branches all pass
git checkout -q -b par origin/main
for i in $(seq 20); do git branch -q "par$i" par; done
for i in $(seq 20); do git push -q --no-verify origin "par$i" >"$T/par$i.out" 2>&1 & done
wait
ok=0; for i in $(seq 20); do git -C "$SRV" rev-parse -q --verify "refs/heads/par$i" >/dev/null && ok=$((ok + 1)); done
[ $ok = 20 ] && pass "20 parallel pushes accepted" || fail "only $ok of 20 parallel pushes accepted"

# --no-redact is refused on a server
printf '%s %s refs/heads/x\n' "$(git rev-parse HEAD)" "$(git rev-parse HEAD)" > "$T/in"
(cd "$SRV" && expect_rc 2 "--no-redact refused in pre-receive" -- sh -c "'$HG' pre-receive --no-redact < '$T/in'")

# a real transport on loopback: git daemon with receive-pack
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
git daemon --reuseaddr --listen=127.0.0.1 --port="$port" --base-path="$T" --export-all --enable=receive-pack "$T" \
  >"$T/daemon.log" 2>&1 &
daemon=$!
trap 'status=$?; kill ${daemon:-} 2>/dev/null || true; rm -rf "$T" 2>/dev/null || true; exit $status' EXIT
for _ in $(seq 50); do git ls-remote "git://127.0.0.1:$port/srv.git" >/dev/null 2>&1 && break; sleep 0.1; done
git checkout -q -b daemon origin/main && echo "d=$TOKEN" > d && git add d && git commit -q -m d
timeout 60 bash -c "git push --no-verify git://127.0.0.1:$port/srv.git daemon" >"$T/out" 2>&1 && fail "git:// push with a secret accepted" ||
  expect_grep "remote: .*secret-test-token" "$T/out" "git:// push over loopback rejected with remote: lines"
git reset -q --hard HEAD~1 && echo clean > c && git add c && git commit -q -m c
timeout 60 git push -q --no-verify "git://127.0.0.1:$port/srv.git" daemon >"$T/out" 2>&1 && pass "git:// clean push accepted" ||
  { fail "git:// clean push"; cat "$T/out" >&2; }
kill "$daemon" 2>/dev/null || true  # it may have exited already

finish
