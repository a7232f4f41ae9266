#!/usr/bin/env bash
# The real pre-commit framework (Debian's 3.0.4), offline, running hookguard from a
# `repo: local` config, and validating the shipped .pre-commit-hooks.yaml.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/git_lib.sh"
if ! command -v pre-commit >/dev/null; then echo "skip: pre-commit not installed"; exit 0; fi
export PRE_COMMIT_HOME=$T/pre-commit-home PATH="$(dirname "$HG"):$PATH"
src=${HOOKGUARD_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}

expect_rc 0 "shipped .pre-commit-hooks.yaml is a valid manifest" -- pre-commit validate-manifest "$src/.pre-commit-hooks.yaml"

git init -q --bare "$T/srv.git"
git clone -q "$T/srv.git" "$T/r" 2>/dev/null && cd "$T/r"
printf 'version: 1\nsecrets: {extra_rules: %s}\n' "$T/rules.yaml" > .hookguard.yaml
# The hook definitions are the shipped ones, used as a local repo (no network).
{
  echo "repos:"
  echo "  - repo: local"
  echo "    hooks:"
  sed -n '/^- id: hookguard$/,/^- id: hookguard-files$/p' "$src/.pre-commit-hooks.yaml" | sed '$d' | sed 's/^/      /'
} > .pre-commit-config.yaml
expect_rc 0 "config with the shipped hooks is valid" -- pre-commit validate-config .pre-commit-config.yaml
expect_rc 0 "pre-commit install -t pre-commit -t pre-push" -- pre-commit install -t pre-commit -t pre-push
git add . && expect_commit_passes "clean commit through the framework" -- -m init

echo "k=$TOKEN" > k && git add k
expect_commit_blocked "staged secret blocked through the framework" -- -m k
echo clean > k  # staged secret, clean working tree: the framework stashes nothing staged away
expect_commit_blocked "framework: staged secret with a clean working tree" -- -m k2
git rm -qf --cached k && rm k

git push -q origin main 2>/dev/null && pass "framework pre-push: clean push" || fail "framework pre-push: clean push"
git checkout -q -b leak && echo "p=$TOKEN" > p && git add p && git commit -q --no-verify -m p
if git push -q origin leak >"$T/out" 2>&1; then fail "framework pre-push let a secret through"; else
  expect_grep "secret-test-token" "$T/out" "framework pre-push blocks a secret commit"; fi

finish
