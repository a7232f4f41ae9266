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
trap 'rm -rf "$T"' EXIT
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
