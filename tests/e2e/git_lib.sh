# Helpers for the git hook tests (sourced after lib.sh): a repository with hookguard's hooks
# installed and a test-only rule, and a snapshot of everything a hook must never change.
HG=$HOOKGUARD
write_test_rules "$T/rules.yaml"
TOKEN=$(fake_token "$(basename "$0")")

# new_repo DIR: a repo whose .hookguard.yaml loads the test rule, committed, hooks installed.
new_repo() {
  git init -q "$1"
  printf 'version: 1\nsecrets: {extra_rules: %s}\n' "$T/rules.yaml" > "$1/.hookguard.yaml"
  (cd "$1" && "$HG" install >/dev/null)
}

# snapshot DIR: index, status and refs (a hook must not modify any of them).
snapshot() {
  (cd "$1" && git ls-files -s && git status --porcelain && git for-each-ref) 2>&1
}

# expect_commit_blocked DESCRIPTION -- git commit args...: the commit fails and HEAD stays.
expect_commit_blocked() {
  local what=$1; shift 2
  local before after
  before=$(git rev-parse -q --verify HEAD || true)
  if git commit -q "$@" >"$T/out" 2>&1; then fail "$what: commit went through"; cat "$T/out" >&2; return; fi
  after=$(git rev-parse -q --verify HEAD || true)
  if [ "$before" != "$after" ]; then fail "$what: HEAD moved"; return; fi
  if grep -q "secret-test-token" "$T/out"; then pass "$what"; else fail "$what: no finding in output"; cat "$T/out" >&2; fi
}

expect_commit_passes() {
  local what=$1; shift 2
  if git commit -q "$@" >"$T/out" 2>&1; then pass "$what"; else fail "$what: commit refused"; cat "$T/out" >&2; fi
}
