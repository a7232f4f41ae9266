#!/usr/bin/env bash
# Dockerfile lint throughput on 10,000 generated Dockerfiles (seeded), against `cat` of the same
# files measured in the same run. Prints medians of RUNS runs.
#   usage: bench/bench_dockerfile.sh [BUILD_DIR] [N] [RUNS]
# Two paths: the detector alone, driven by the test binary's skipped "dockerfile bench driver"
# case (in-memory lint time), and the real CLI (`hookguard scan --format json DIR`, only the
# dockerfile detector enabled: read, lint, fingerprint, decide, write JSON). Then the added
# latency of one Dockerfile: `hookguard scan one.Dockerfile` against `hookguard version`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
n=${2:-10000}
runs=${3:-5}
tests=$build/tests/hookguard_tests
hookguard=$build/hookguard
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$here/gen_dockerfiles.py" "$work/df" "$n" 42
cat >"$work/config.yaml" <<'YAML'
version: 1
detectors: [dockerfile]
rules:  # shellcheck costs a process per Dockerfile: measured apart, never in the throughput loop
  dockerfile-shellcheck-error: {enabled: false}
  dockerfile-shellcheck-warning: {enabled: false}
  dockerfile-shellcheck-info: {enabled: false}
  dockerfile-shellcheck-style: {enabled: false}
YAML
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
now_ms() { date +%s%N | awk '{printf "%.1f", $1/1e6}'; }

cat_ms=() lint_ms=() cpu_ms=() total_ms=() file_us=() cli_ms=()
for _ in $(seq "$runs"); do
  s=$(now_ms); find "$work/df" -type f -print0 | xargs -0 cat >/dev/null; e=$(now_ms)
  cat_ms+=("$(awk -v a="$s" -v b="$e" 'BEGIN{print b-a}')")
  s=$(now_ms)
  line=$(HOOKGUARD_BENCH_DIR="$work/df" "$tests" -tc='dockerfile bench driver' --no-skip | grep '^files=')
  e=$(now_ms)
  total_ms+=("$(awk -v a="$s" -v b="$e" 'BEGIN{print b-a}')")
  lint_ms+=("$(sed -E 's/.*lint_ms=([0-9.]+).*/\1/' <<<"$line")")
  cpu_ms+=("$(sed -E 's/.*lint_cpu_ms=([0-9.]+).*/\1/' <<<"$line")")
  file_us+=("$(sed -E 's/.*median_file_us=([0-9.]+).*/\1/' <<<"$line")")
  s=$(now_ms); "$hookguard" scan --config "$work/config.yaml" --format json "$work/df" >/dev/null || true; e=$(now_ms)
  cli_ms+=("$(awk -v a="$s" -v b="$e" 'BEGIN{print b-a}')")
done
one_ms=() version_ms=()
for _ in $(seq 21); do
  s=$(now_ms); "$hookguard" scan --config "$work/config.yaml" "$work/df/00007.Dockerfile" >/dev/null 2>&1 || true; e=$(now_ms)
  one_ms+=("$(awk -v a="$s" -v b="$e" 'BEGIN{print b-a}')")
  s=$(now_ms); "$hookguard" version >/dev/null; e=$(now_ms)
  version_ms+=("$(awk -v a="$s" -v b="$e" 'BEGIN{print b-a}')")
done
echo "last run: $line"
c=$(printf '%s\n' "${cat_ms[@]}" | median)
l=$(printf '%s\n' "${lint_ms[@]}" | median)
t=$(printf '%s\n' "${total_ms[@]}" | median)
u=$(printf '%s\n' "${file_us[@]}" | median)
cpu=$(printf '%s\n' "${cpu_ms[@]}" | median)
cli=$(printf '%s\n' "${cli_ms[@]}" | median)
one=$(printf '%s\n' "${one_ms[@]}" | median)
ver=$(printf '%s\n' "${version_ms[@]}" | median)
awk -v n="$n" -v c="$c" -v l="$l" -v t="$t" -v u="$u" -v r="$runs" -v cli="$cli" -v one="$one" -v ver="$ver" -v cpu="$cpu" 'BEGIN {
  printf "Dockerfiles: %d, runs: %d (medians)\n", n, r
  printf "cat of all files:           %8.1f ms\n", c
  printf "lint (in memory):           %8.1f ms  = %.0f Dockerfiles/s, %.1f us per file (median file %.1f us)\n", l, n / (l / 1000), l * 1000 / n, u
  printf "lint CPU time:              %8.1f ms  = %.1f us CPU per file\n", cpu, cpu * 1000 / n
  printf "process (start+read+lint):  %8.1f ms  = %.0f Dockerfiles/s\n", t, n / (t / 1000)
  printf "ratio lint/cat:             %8.2f   ratio process/cat: %.2f\n", l / c, t / c
  printf "hookguard scan (CLI, JSON): %8.1f ms  = %.0f Dockerfiles/s, ratio/cat %.2f\n", cli, n / (cli / 1000), cli / c
  printf "one Dockerfile: scan %.1f ms vs version %.1f ms: added %.1f ms (medians of 21)\n", one, ver, one - ver
}'
