#!/usr/bin/env bash
# Runs every benchmark in bench/ one after the other with the same RUNS, logs their whole output,
# and prints a summary of the lines that carry the figures (bench/README.md holds the latest).
# usage: bench/run_all.sh [BUILD_DIR]   env: RUNS (default 5), LOG (default BUILD_DIR/bench-DATE.log),
#        ONLY (space-separated subset of: startup secrets hooks big_commit peers dockerfile manifest pii)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
export RUNS=${RUNS:-5}
log=${LOG:-$build/bench-$(date -u +%Y%m%dT%H%MZ).log}
hg=$build/hookguard
benches=${ONLY:-startup secrets hooks big_commit peers dockerfile manifest pii}
# The benches default to ../shared/data/tmux.bundle beside the checkout; a worktree elsewhere
# (or a fresh machine) passes it explicitly.
for b in "${BUNDLE:-}" "$here/../../shared/data/tmux.bundle" /work/shared/data/tmux.bundle; do
  [ -n "$b" ] && [ -f "$b" ] && { export BUNDLE=$b HOOKGUARD_SHARED=$(cd "$(dirname "$b")/.." && pwd); break; }
done

# Each bench's arguments (their conventions differ: build dir or binary) and its summary lines.
args_of() {
  case $1 in
    secrets|manifest) echo "$build" ;;
    dockerfile) echo "$build 10000 $RUNS" ;;
    *) echo "$hg" ;;
  esac
}
summary_of() {
  case $1 in
    startup) grep -E '^(/bin/true|hookguard|added)' ;;
    secrets) grep -E '^(corpus|hookguard scan|ratios|planted|start-up)' ;;
    hooks) grep -E '^(repository|pre-commit|pre-receive|scan --history)' ;;
    big_commit) grep -E '^(big commit|git diff|hookguard|planted|targets)' ;;
    peers) grep -vE '^(Cloning|$)' ;;
    dockerfile) grep -E '^(Dockerfiles|cat of|lint|hookguard scan|one Dockerfile)' ;;
    *) tail -12 ;;
  esac
}

{
  echo "hookguard benchmarks, $(date -u '+%F %H:%M UTC'), $(git -C "$here" describe --always --dirty 2>/dev/null), RUNS=$RUNS"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$log"
declare -A status seconds
for b in $benches; do
  script=$here/bench_$b.sh
  [ -x "$script" ] || { status[$b]="absent"; continue; }
  echo "== $b ($(date -u +%H:%M:%S), load $(cut -d' ' -f1 /proc/loadavg))" >> "$log"
  start=$(date +%s)
  # shellcheck disable=SC2046  # args_of is a word list by design
  "$script" $(args_of "$b") > "$log.$b" 2>&1
  rc=$?
  seconds[$b]=$(( $(date +%s) - start ))
  status[$b]=$([ $rc = 0 ] && echo ok || echo "failed (exit $rc)")
  cat "$log.$b" >> "$log"
done

echo
echo "summary (whole output: $log)"
for b in $benches; do
  echo "-- $b: ${status[$b]}${seconds[$b]:+, ${seconds[$b]} s}"
  if [ "${status[$b]}" = ok ]; then summary_of "$b" < "$log.$b"; elif [ -f "$log.$b" ]; then tail -5 "$log.$b"; fi | sed 's/^/   /'
  rm -f "$log.$b"
done
