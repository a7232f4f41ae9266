#!/usr/bin/env bash
# Workload 2 (issue 8), big commit: ~50 MB of real source (distinct tmux history blobs, ~1,700
# new files) with 100 planted fake secrets, staged in a clone of the tmux bundle. Times
# `hookguard pre-commit` (1 thread and the default) against `git diff --cached --quiet` and
# `git diff --cached` of the same index, interleaved, medians of RUNS; MB/s per core of scanned
# diff text; planted secrets found (JSON report); peak RSS (/usr/bin/time; target < 200 MB).
# usage: bench/bench_big_commit.sh [path/to/hookguard]   env: RUNS (5), MB (50), BUNDLE
set -euo pipefail
. "$(dirname "$0")/lib.sh"

clone_tmux "$W/tmux"
cd "$W/tmux"
make_big_commit .
added=$(git diff --cached --numstat | awk '{n += $1} END {print n}')
bytes=$(git ls-files -s big | awk '{print $2}' | git cat-file --batch-check='%(objectsize)' | awk '{n += $1} END {print n}')
diff_bytes=$(git diff --cached | wc -c)
files=$(git diff --cached --name-only | wc -l)

measure quiet 'git diff --cached --quiet' diff 'git diff --cached > /dev/null' \
        hg1 "$HG pre-commit --threads 1" hg "$HG pre-commit"
cores=$(nproc)
mbps() { awk -v b="$bytes" -v s="$1" 'BEGIN {printf "%.0f", b / 1e6 / s}'; }
"$HG" pre-commit --format json 2> "$W/report.json" || true
found=$(python3 "$BENCH/found.py" . "$W/big.tsv" hookguard "$W/report.json")
others=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['findings']))" "$W/report.json")
rss1=$(peak_rss_mb "$HG" pre-commit --threads 1)
rss=$(peak_rss_mb "$HG" pre-commit)

echo "big commit: $files new files, $added added lines, $((bytes / 1000000)) MB of added text ($((diff_bytes / 1000000)) MB as diff), $cores cores, medians of $RUNS interleaved runs"
echo "MB/s per core = added text / CPU seconds (user+sys, stable under load); MB/s wall = added text / wall seconds"
row() { printf '%-36s %9s %9s %7s %10s %8s %8s\n' "$@"; }
row command "wall ms" "CPU ms" "x diff" "MB/s/core" "MB/s" "peak MB"
row "git diff --cached --quiet" "$(ms "${T[quiet]}")" "$(ms "${C[quiet]}")" "$(ratio "${T[quiet]}" "${T[diff]}")" - - -
row "git diff --cached > /dev/null" "$(ms "${T[diff]}")" "$(ms "${C[diff]}")" 1.00 "$(mbps "${C[diff]}")" "$(mbps "${T[diff]}")" -
row "hookguard pre-commit --threads 1" "$(ms "${T[hg1]}")" "$(ms "${C[hg1]}")" "$(ratio "${T[hg1]}" "${T[diff]}")" "$(mbps "${C[hg1]}")" "$(mbps "${T[hg1]}")" "$rss1"
row "hookguard pre-commit ($cores threads)" "$(ms "${T[hg]}")" "$(ms "${C[hg]}")" "$(ratio "${T[hg]}" "${T[diff]}")" "$(mbps "${C[hg]}")" "$(mbps "${T[hg]}")" "$rss"
echo "planted secrets found: $found; findings in the report: $others"
echo "targets: >= 500 MB/s per core: $(mbps "${C[hg1]}") (1 thread), $(mbps "${C[hg]}") ($cores threads); all planted found: $found; peak RSS < 200 MB: $rss1 / $rss MB"
