#!/usr/bin/env bash
# Hook latency and throughput on a real history (tmux), against references measured in the same
# run:  pre-commit on a typical commit (~20 files, ~500 added lines) vs `git diff --cached
# --quiet` (and `git secrets --pre_commit_hook` when installed); pre-receive of a 10,000-commit
# push (wall time; budget 4 s); `scan --history` vs `git log -p --all > /dev/null`.
# Usage: bench/bench_hooks.sh [path/to/hookguard]   (RUNS=10 by default)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
HG=$(realpath "${1:-${HOOKGUARD:-$src/build/hookguard}}")
RUNS=${RUNS:-10}
bundle=${HOOKGUARD_SHARED:-$src/../shared}/data/tmux.bundle
[ -f "$bundle" ] || bundle=/work/shared/data/tmux.bundle
for v in $(env | sed -n 's/^\(GIT_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export XDG_CACHE_HOME=$W/cache HOME=$W/home
mkdir -p "$HOME"
git config --global user.email bench@example.invalid && git config --global user.name bench
git config --global init.defaultBranch main

now_ms() { date +%s%3N; }
# median_ms RUNS command...: median wall time in ms
median_ms() {
  local n=$1; shift
  local times=()
  for _ in $(seq "$n"); do
    local t0 t1
    t0=$(now_ms); "$@" >/dev/null 2>&1 || true; t1=$(now_ms)
    times+=($((t1 - t0)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'
}
# cpu_ms RUNS command...: median user+sys CPU time in ms (the machine may be shared: wall times
# are noisy, CPU times less so)
cpu_ms() {
  local n=$1; shift
  for _ in $(seq "$n"); do
    /usr/bin/time -f '%U %S' -o "$W/cpu" "$@" >/dev/null 2>&1 || true
    awk '{printf "%d\n", ($1 + $2) * 1000}' "$W/cpu"
  done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }

git clone -q -b master "$bundle" "$W/tmux"
cd "$W/tmux"
echo "repository: tmux, $(git rev-list --all | wc -l) commits, $(git ls-files | wc -l) files"
"$HG" rules >/dev/null  # warm the rule cache, as `hookguard install` does

# 1. pre-commit on a typical commit: 20 files, 25 added lines each
for f in $(git ls-files '*.c' | head -20); do
  for i in $(seq 25); do echo "/* bench line $i: value = compute_something($i, \"$f\"); */" >> "$f"; done
done
git add -u
ref=$(median_ms "$RUNS" git diff --cached --quiet)
hg=$(median_ms "$RUNS" "$HG" pre-commit)
echo "pre-commit (20 files, 500 added lines): hookguard ${hg} ms, git diff --cached --quiet ${ref} ms, ratio $(ratio "$hg" "$ref")x (wall, median of $RUNS)"
hgc=$(cpu_ms "$RUNS" "$HG" pre-commit) refc=$(cpu_ms "$RUNS" git diff --cached --quiet)
echo "pre-commit CPU: hookguard ${hgc} ms, git diff --cached --quiet ${refc} ms (user+sys, median of $RUNS)"
if command -v git-secrets >/dev/null; then
  git secrets --register-aws >/dev/null 2>&1 || true
  gs=$(median_ms "$RUNS" git secrets --pre_commit_hook)
  echo "pre-commit: git secrets --pre_commit_hook ${gs} ms, ratio $(ratio "$gs" "$ref")x (hookguard $(ratio "$hg" "$ref")x)"
fi
git reset -q --hard HEAD

# 2. pre-receive of a 10,000-commit push into a bare repo seeded with the first 2,022 commits
seed=$(git rev-list --reverse --topo-order HEAD | sed -n 2022p)
git checkout -q -b push-tip HEAD
push_times=() hook_times=()
for run in 1 2 3; do
  rm -rf "$W/srv.git" && git init -q --bare "$W/srv.git"
  git push -q "$W/srv.git" "$seed:refs/heads/main" 2>/dev/null
  # A generous budget so the figure is the real scan time; the default budget is 4 s.
  printf 'version: 1\nhooks:\n  pre-receive: {time_budget: 120s}\n' > "$W/srv.git/hookguard.yaml"
  "$HG" install --server "$W/srv.git" >/dev/null
  new=$(git rev-list "$seed..push-tip" | wc -l)
  t0=$(now_ms)
  if ! git push --no-verify "$W/srv.git" push-tip:main >"$W/push.out" 2>&1; then
    echo "push rejected:"; grep -m5 'remote:' "$W/push.out" || true
  fi
  t1=$(now_ms)
  push_times+=($((t1 - t0)))
  hook_times+=("$(sed -n 's/.* in \([0-9]*\) ms.*/\1/p' "$W/push.out" | tail -1)")
done
med() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
echo "pre-receive: $new new commits, hook $(med "${hook_times[@]}") ms (hookguard's own timing), whole push $(med "${push_times[@]}") ms wall (median of 3; default budget 4000 ms)"

# 3. history scan vs git producing every patch
hist=$(median_ms 3 "$HG" scan --history)
logp=$(median_ms 3 sh -c 'git log -p --all > /dev/null')
echo "scan --history: hookguard ${hist} ms, git log -p --all ${logp} ms, ratio $(ratio "$hist" "$logp")x (wall, median of 3)"
histc=$(cpu_ms 3 "$HG" scan --history) logpc=$(cpu_ms 3 sh -c 'git log -p --all > /dev/null')
echo "scan --history CPU: hookguard ${histc} ms, git log -p --all ${logpc} ms (user+sys, median of 3)"
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
