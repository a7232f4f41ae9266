#!/usr/bin/env bash
# Dockerfile lint throughput on 10,000 generated Dockerfiles (seeded), against `cat` of the same
# files measured in the same run. Prints medians of RUNS runs.
#   usage: bench/bench_dockerfile.sh [BUILD_DIR] [N] [RUNS]
# Until the CLI lands (`hookguard scan DIR`), the detector is driven by the test binary's
# skipped "dockerfile bench driver" case (same detector, no pipeline around it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
n=${2:-10000}
runs=${3:-5}
tests=$build/tests/hookguard_tests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$here/gen_dockerfiles.py" "$work/df" "$n" 42
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
now_ms() { date +%s%N | awk '{printf "%.1f", $1/1e6}'; }

cat_ms=() lint_ms=() total_ms=() file_us=()
for _ in $(seq "$runs"); do
  s=$(now_ms); find "$work/df" -type f -print0 | xargs -0 cat >/dev/null; e=$(now_ms)
  cat_ms+=("$(awk -v a="$s" -v b="$e" 'BEGIN{print b-a}')")
  s=$(now_ms)
  line=$(HOOKGUARD_BENCH_DIR="$work/df" "$tests" -tc='dockerfile bench driver' --no-skip | grep '^files=')
  e=$(now_ms)
  total_ms+=("$(awk -v a="$s" -v b="$e" 'BEGIN{print b-a}')")
  lint_ms+=("$(sed -E 's/.*lint_ms=([0-9.]+).*/\1/' <<<"$line")")
  file_us+=("$(sed -E 's/.*median_file_us=([0-9.]+).*/\1/' <<<"$line")")
done
echo "last run: $line"
c=$(printf '%s\n' "${cat_ms[@]}" | median)
l=$(printf '%s\n' "${lint_ms[@]}" | median)
t=$(printf '%s\n' "${total_ms[@]}" | median)
u=$(printf '%s\n' "${file_us[@]}" | median)
awk -v n="$n" -v c="$c" -v l="$l" -v t="$t" -v u="$u" -v r="$runs" 'BEGIN {
  printf "Dockerfiles: %d, runs: %d (medians)\n", n, r
  printf "cat of all files:           %8.1f ms\n", c
  printf "lint (in memory):           %8.1f ms  = %.0f Dockerfiles/s, %.1f us per file (median file %.1f us)\n", l, n / (l / 1000), l * 1000 / n, u
  printf "process (start+read+lint):  %8.1f ms  = %.0f Dockerfiles/s\n", t, n / (t / 1000)
  printf "ratio lint/cat:             %8.2f   ratio process/cat: %.2f\n", l / c, t / c
}'
