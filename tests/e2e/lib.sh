# Shared helpers for the end-to-end tests. Each test sources this, gets a fresh temp dir in $T,
# and a clean git environment (no inherited GIT_* variables).
set -euo pipefail
for v in $(env | sed -n 's/^\(GIT_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done
: "${HOOKGUARD:?HOOKGUARD must point at the binary}"
T=$(mktemp -d)
export XDG_CACHE_HOME="$T/.cache" HOME="$T/home" NO_COLOR=1
mkdir -p "$HOME"
git config --global user.email test@example.invalid
git config --global user.name "hookguard test"
git config --global init.defaultBranch main
git config --global gc.auto 0  # no background gc racing the cleanup
# Keep the test's own verdict: a cleanup hiccup must neither fail nor pass the test.
# (set -e applies inside the trap too: each cleanup step must not fail, or it becomes the verdict)
trap 'status=$?; rm -rf "$T" 2>/dev/null || true; exit $status' EXIT
FAILS=0
PASSES=0

pass() { PASSES=$((PASSES + 1)); echo "ok: $1"; }
fail() { FAILS=$((FAILS + 1)); echo "FAIL: $1" >&2; }
# expect_rc WANT DESCRIPTION -- command...
expect_rc() {
  local want=$1 what=$2; shift 3
  local rc=0
  "$@" >"$T/out" 2>"$T/err" || rc=$?
  if [ "$rc" = "$want" ]; then pass "$what"; else fail "$what: exit $rc, wanted $want"; cat "$T/out" "$T/err" >&2; fi
}
expect_grep() {  # expect_grep PATTERN FILE DESCRIPTION
  if grep -q -- "$1" "$2"; then pass "$3"; else fail "$3: '$1' not in $2"; cat "$2" >&2; fi
}
expect_no_grep() {
  if grep -q -- "$1" "$2"; then fail "$3: '$1' found in $2"; grep -- "$1" "$2" >&2; else pass "$3"; fi
}
# A deterministic fake token for the test rule below (fixed seed per name).
fake_token() { printf 'hgtest_%s' "$(printf '%s' "$1" | sha256sum | tr -dc 'a-z0-9' | head -c 24)"; }
# A rules file with test-only rules, so e2e tests do not depend on the shipped rule set.
write_test_rules() {
  cat > "$1" <<'RULES'
rules:
  - id: secret-test-token
    title: Test token
    severity: high
    pattern: 'hgtest_[a-z0-9]{24}'
    keywords: [hgtest_]
    min_entropy: 2.5
    help: Revoke the test token.
    examples: ['hgtest_q8w7e6r5t4y3u2i1o0p9a8s7']
RULES
}
finish() {
  echo "$PASSES passed, $FAILS failed"
  [ "$FAILS" = 0 ]
}

# Hostile-input helpers (tests/e2e/test_hostile*.sh) ------------------------------------------
# A sanitized binary is several times slower and its RSS includes shadow memory: time limits
# stretch and memory limits are reported only.
case "$HOOKGUARD" in *asan*) SANITIZED=1 ;; *) SANITIZED=0 ;; esac
# measured WANT_RC MAX_SECONDS MAX_MB DESCRIPTION -- command...: exit code, wall time and peak
# RSS (GNU time -v, the largest process of the tree) of one run; sets $SECS and $RSS_MB.
measured() {
  local want=$1 max_s=$2 max_mb=$3 what=$4; shift 5
  local rc=0
  [ "$SANITIZED" = 1 ] && max_s=$((max_s * 6))
  /usr/bin/time -v -o "$T/time" "$@" >"$T/out" 2>"$T/err" || rc=$?
  SECS=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$T/time" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  RSS_MB=$(( $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$T/time") / 1024 ))
  if [ "$rc" != "$want" ]; then fail "$what: exit $rc, wanted $want"; cat "$T/out" "$T/err" >&2; return; fi
  if awk -v s="$SECS" -v m="$max_s" 'BEGIN { exit !(s > m) }'; then fail "$what: ${SECS}s, limit ${max_s}s"; return; fi
  if [ "$SANITIZED" = 0 ] && [ "$RSS_MB" -gt "$max_mb" ]; then fail "$what: peak RSS ${RSS_MB} MB, limit ${max_mb} MB"; return; fi
  pass "$what (${SECS}s, ${RSS_MB} MB)"
}
# repo_state DIR: index, worktree status, refs and the set of objects (loose and packed) — what a
# hook must never change.
repo_state() {
  (cd "$1" && git ls-files -s --debug | sha256sum && git --no-optional-locks status --porcelain=v2 --untracked-files=all \
    && git for-each-ref && git count-objects -v | grep -v size && find "$(git rev-parse --git-dir)/objects" -type f | sort | sha256sum) 2>&1
}
