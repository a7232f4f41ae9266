#!/usr/bin/env bash
# Hook latency and throughput on a real history (tmux), against references measured in the same
# run (interleaved medians, runs.py): pre-commit on a typical commit (~20 files, ~500 added
# lines) vs `git diff --cached --quiet` and `git secrets --pre_commit_hook` (when installed);
# pre-receive of a 10,000-commit push (the hook's own timing and the whole push; budget 4 s) vs
# `git log -p` of the pushed range;
# `scan --history` vs `git log -p --all > /dev/null`.
# Usage: bench/bench_hooks.sh [path/to/hookguard]   env: RUNS (default 10; 3 for history)
set -euo pipefail
RUNS=${RUNS:-10}
. "$(dirname "$0")/lib.sh"
git config --global init.defaultBranch main
clone_tmux "$W/tmux"
cd "$W/tmux"
echo "repository: tmux, $(git rev-list --all | wc -l) commits, $(git ls-files | wc -l) files"

# 1. pre-commit on a typical commit: 20 files, 25 added lines each
for f in $(git ls-files '*.c' | head -20); do
  for i in $(seq 25); do echo "/* bench line $i: value = compute_something($i, \"$f\"); */" >> "$f"; done
done
git add -u
peers=()
if command -v git-secrets >/dev/null; then
  git secrets --register-aws >/dev/null 2>&1 || true
  peers=(gs "git secrets --pre_commit_hook")
fi
measure diff "git diff --cached --quiet" hg "$HG pre-commit" "${peers[@]}"
echo "pre-commit (20 files, 500 added lines): hookguard $(ms "${T[hg]}") ms, git diff --cached --quiet $(ms "${T[diff]}") ms, ratio $(ratio "${T[hg]}" "${T[diff]}")x (wall, interleaved medians of $RUNS)"
echo "pre-commit CPU: hookguard $(ms "${C[hg]}") ms, git diff --cached --quiet $(ms "${C[diff]}") ms (user+sys)"
[ "${X[hg]}" = 0 ] || echo "pre-commit: hookguard exited ${X[hg]} (expected 0 on this clean commit)"
if [ ${#peers[@]} -gt 0 ]; then
  echo "pre-commit: git secrets --pre_commit_hook $(ms "${T[gs]}") ms, $(ms "${C[gs]}") ms CPU; hookguard is $(ratio "${T[gs]}" "${T[hg]}")x faster (wall)"
fi
git reset -q --hard HEAD

# 2. pre-receive of a 10,000-commit push into a bare repo seeded with the first 2,022 commits
seed=$(git rev-list --reverse --topo-order HEAD | sed -n 2022p)
git checkout -q -b push-tip HEAD
push_times=() hook_times=() log_times=()
for run in 1 2 3; do
  # Same-run reference: git producing the patches of the pushed range (what a hook built on
  # `git log -p` would read), so a slow moment of the machine shows on both sides.
  t0=$(date +%s%3N); git log -p "$seed..push-tip" > /dev/null; t1=$(date +%s%3N)
  log_times+=($((t1 - t0)))
  rm -rf "$W/srv.git" && git init -q --bare "$W/srv.git"
  git push -q "$W/srv.git" "$seed:refs/heads/main" 2>/dev/null
  # A generous budget so the figure is the real scan time; the default budget is 4 s.
  printf 'version: 1\nhooks:\n  pre-receive: {time_budget: 120s}\n' > "$W/srv.git/hookguard.yaml"
  "$HG" install --server "$W/srv.git" >/dev/null
  new=$(git rev-list "$seed..push-tip" | wc -l)
  t0=$(date +%s%3N)
  if ! git push --no-verify "$W/srv.git" push-tip:main >"$W/push.out" 2>&1; then
    echo "push rejected:"; grep -m5 'remote:' "$W/push.out" || true
  fi
  t1=$(date +%s%3N)
  push_times+=($((t1 - t0)))
  hook_times+=("$(sed -n 's/.* in \([0-9]*\) ms.*/\1/p' "$W/push.out" | tail -1)")
done
med() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
hook_ms=$(med "${hook_times[@]}") log_ms=$(med "${log_times[@]}")
echo "pre-receive: $new new commits, hook $hook_ms ms (hookguard's own timing), whole push $(med "${push_times[@]}") ms wall; git log -p of the range $log_ms ms, ratio $(ratio "$hook_ms" "$log_ms")x (medians of 3; default budget 4000 ms)"

# 3. history scan vs git producing every patch
RUNS=3 measure hist "$HG scan --history" logp "git log -p --all > /dev/null"
echo "scan --history: hookguard $(ms "${T[hist]}") ms, git log -p --all $(ms "${T[logp]}") ms, ratio $(ratio "${T[hist]}" "${T[logp]}")x (wall, interleaved medians of 3)"
echo "scan --history CPU: hookguard $(ms "${C[hist]}") ms, git log -p --all $(ms "${C[logp]}") ms (user+sys)"
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
