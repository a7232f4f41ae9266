#!/usr/bin/env bash
# Manifest linter benchmark (issue 5): manifests per second on a seeded generated corpus of
# DOCS documents (default 10,000), peak memory, and time per typical Deployment, against cat of
# the same files and hookguard's own start-up, all measured in the same run. Two views:
#   hookguard scan      the whole CLI (config: detectors: [manifest]) incl. policy and report;
#   detector only       bench/manifest_scan.cpp: the detector in-process, files read beforehand.
# Every figure is a median of RUNS runs; wall and CPU (user+sys) time are both given because the
# machines are shared and wall time swings with their load.
# usage: bench/bench_manifest.sh [BUILD_DIR]   env: RUNS (default 5), DOCS (default 10000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
runs=${RUNS:-5}
docs=${DOCS:-10000}
hg=$build/hookguard
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache NO_COLOR=1
calc() { python3 -c "print(f'{$1}')"; }

# measure NAME COMMAND...: runs it RUNS times; sets NAME_wall, NAME_cpu (median seconds) and
# NAME_rss (median peak RSS, KiB).
measure() {
  local name=$1; shift
  : > "$work/$name.runs"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$@" > /dev/null 2>&1 || true
    tail -1 "$work/time.txt" >> "$work/$name.runs"
  done
  read -r "${name}_wall" "${name}_cpu" "${name}_rss" < <(python3 - "$work/$name.runs" <<'PY'
import statistics, sys
rows = [list(map(float, line.split()[-4:])) for line in open(sys.argv[1]) if line.strip()]
print(statistics.median(r[0] for r in rows), statistics.median(r[1] + r[2] for r in rows),
      statistics.median(r[3] for r in rows))
PY
)
}

printf 'version: 1\ndetectors: [manifest]\n' > "$work/config.yaml"
python3 "$here/gen_manifests.py" "$work/mixed" "$docs"
python3 "$here/gen_manifests.py" "$work/deployments" "$docs" --deployments
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n' > "$work/tiny.yaml"
"$hg" scan --config "$work/config.yaml" "$work/tiny.yaml" > /dev/null 2>&1 || true   # warm caches
measure start "$hg" scan --config "$work/config.yaml" "$work/tiny.yaml"

scan_only() {  # FILES_LIST PASSES -> "files bytes findings wall cpu" (medians per pass)
  "$build/bench/hookguard_manifest_scan" "$2" < "$1"
}
awk 'NR > 1 && /^---/ {exit} NR > 1' "$work/deployments/m00000.yaml" > "$work/one-deployment.yaml"   # first document
echo "$work/one-deployment.yaml" > "$work/one.list"

echo "median of $runs runs, load average $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores"
echo "hookguard start-up (one tiny file): wall $(calc "round($start_wall*1000)") ms, cpu $(calc "round($start_cpu*1000)") ms (subtracted below)"
printf '%-12s %6s %6s | %-17s | %-25s | %-15s | %-22s | %s\n' corpus docs MiB "cat wall/cpu s" "hookguard wall/cpu s" "docs/s (cpu)" "us per doc wall/cpu" "peak RSS"
for corpus in mixed deployments; do
  dir=$work/$corpus
  bytes=$(du -cb "$dir"/*.yaml | tail -1 | cut -f1)
  measure cat sh -c "cat '$dir'/*.yaml"
  measure hg "$hg" scan --config "$work/config.yaml" "$dir"
  printf '%-12s %6d %6.1f | %7.3f / %7.3f | %9.3f / %9.3f  | %15.0f | %9.1f / %9.1f | %.1f MiB (%.0fx cat cpu)\n' \
    "$corpus" "$docs" "$(calc "$bytes/1048576")" "$cat_wall" "$cat_cpu" "$hg_wall" "$hg_cpu" \
    "$(calc "$docs/max($hg_cpu-$start_cpu, 1e-9)")" "$(calc "($hg_wall-$start_wall)/$docs*1e6")" \
    "$(calc "($hg_cpu-$start_cpu)/$docs*1e6")" "$(calc "$hg_rss/1024")" "$(calc "$hg_cpu/max($cat_cpu, 1e-3)")"
done

echo
echo "detector only (in-process, 1 thread):"
for corpus in mixed deployments; do
  ls "$work/$corpus"/*.yaml > "$work/$corpus.list"
  read -r files bytes findings wall cpu < <(scan_only "$work/$corpus.list" "$runs")
  printf '%-12s %6d docs in %4d files: %6.3f s wall, %6.3f s cpu | %7.0f docs/s (cpu) | %6.1f us/doc (cpu) | %d findings\n' \
    "$corpus" "$docs" "$files" "$wall" "$cpu" "$(calc "$docs/$cpu")" "$(calc "$cpu/$docs*1e6")" "$findings"
done
read -r files bytes findings wall cpu < <(scan_only "$work/one.list" 2000)
printf 'one typical Deployment (%d lines, %d bytes, %d findings): median %.0f us wall, %.0f us cpu per scan (2000 passes)\n' \
  "$(wc -l < "$work/one-deployment.yaml")" "$bytes" "$findings" "$(calc "$wall*1e6")" "$(calc "$cpu*1e6")"
