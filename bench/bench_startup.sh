#!/usr/bin/env bash
# Start-up cost (issue 8, "no work at start-up that a run does not need"): `hookguard version`
# and a warm `hookguard scan` of one small file against /bin/true, interleaved medians of RUNS
# (default 21): wall, CPU, minor page faults (loading the cached rule database shows up there),
# peak RSS. Cold = the rule cache removed before each run (database compiled).
# usage: bench/bench_startup.sh [path/to/hookguard]   env: RUNS
set -euo pipefail
RUNS=${RUNS:-21}
. "$(dirname "$0")/lib.sh"
cd "$W"
echo 'x = 1' > small.txt
"$HG" rules >/dev/null
measure true /bin/true version "$HG version" scan "$HG scan small.txt" \
        cold "rm -rf $W/cold; XDG_CACHE_HOME=$W/cold $HG scan small.txt"
declare -A P=([true]=$(peak_rss_mb /bin/true) [version]=$(peak_rss_mb "$HG" version) [scan]=$(peak_rss_mb "$HG" scan small.txt))
P[cold]=$(rm -rf "$W/cold"; XDG_CACHE_HOME=$W/cold peak_rss_mb "$HG" scan small.txt)
echo "start-up, interleaved medians of $RUNS runs on $(nproc) cores"
printf '%-34s %8s %8s %8s %8s %8s\n' command "wall ms" "CPU ms" "faults" "peak MB" "x true"
for l in true version scan cold; do
  name=$l; case $l in version) name="hookguard version";; scan) name="hookguard scan small.txt (warm)";; cold) name="hookguard scan small.txt (cold)";; true) name=/bin/true;; esac
  printf '%-34s %8s %8s %8s %8s %8s\n' "$name" "$(ms "${T[$l]}")" "$(ms "${C[$l]}")" "${F[$l]}" "${P[$l]}" "$(ratio "${T[$l]}" "${T[true]}")"
done
echo "added by the warm rule cache and one file: $(awk -v a="${T[scan]}" -v b="${T[version]}" 'BEGIN {printf "%.1f", (a - b) * 1000}') ms wall, $((${F[scan]} - ${F[version]})) page faults over 'version'"
