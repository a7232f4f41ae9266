#!/usr/bin/env bash
# Secrets engine benchmark (issue 2): scan throughput on ~50 MB of real source text with planted
# fake secrets, against cat / grep / the raw Hyperscan scan of the same bytes in the same run, and
# cold (compile) vs warm (cached database) start. Every figure is a median of RUNS runs.
# usage: bench/bench_secrets.sh [BUILD_DIR]   env: BUNDLE (default ../shared/data/tmux.bundle), RUNS, MB
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
bundle=${BUNDLE:-$here/../../shared/data/tmux.bundle}
runs=${RUNS:-5}
mb=${MB:-50}
hg=$build/hookguard
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache NO_COLOR=1
median() { python3 "$here/timeit.py" "$runs" "$1"; }
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }

git clone -q "$bundle" "$work/repo"
python3 "$here/make_corpus.py" "$work/repo" "$work/corpus" "$mb"
bytes=$(find "$work/corpus" -name '*.c' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
find "$work/corpus" -name '*.c' > "$work/files"
"$hg" scan "$work/corpus/planted.tsv" >/dev/null 2>&1 || true   # warm the rule cache

t_cat=$(median "find '$work/corpus' -name '*.c' -print0 | xargs -0 cat > /dev/null")
t_grep=$(median "grep -rc password '$work/corpus' > /dev/null")
t_hg=$(median "'$hg' scan '$work/corpus' > /dev/null")
t_hg1=$(median "'$hg' scan --threads 1 '$work/corpus' > /dev/null")
raw=()
for _ in $(seq "$runs"); do raw+=("$("$build/bench/hookguard_raw_scan" < "$work/files" | cut -d' ' -f3)"); done
t_raw=$(printf '%s\n' "${raw[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")

mbps() { python3 -c "print(f'{$bytes/1048576/$1:.0f}')"; }
echo "corpus: $((bytes >> 20)) MiB, $(wc -l < "$work/files") files, median of $runs runs"
printf '%-44s %9s %9s\n' "command" "seconds" "MiB/s"
printf '%-44s %9.3f %9s\n' "cat (all files)" "$t_cat" "$(mbps "$t_cat")"
printf '%-44s %9.3f %9s\n' "grep -rc password" "$t_grep" "$(mbps "$t_grep")"
printf '%-44s %9.3f %9s\n' "raw hs_scan, same database (in-process)" "$t_raw" "$(mbps "$t_raw")"
printf '%-44s %9.3f %9s\n' "hookguard scan (1 thread)" "$t_hg1" "$(mbps "$t_hg1")"
printf '%-44s %9.3f %9s\n' "hookguard scan ($(nproc) threads)" "$t_hg" "$(mbps "$t_hg")"
echo "ratios: hookguard(1 thread)/cat $(ratio "$t_hg1" "$t_cat"), hookguard/grep $(ratio "$t_hg" "$t_grep")"

# Detection: every planted secret must be found (same path and line).
"$hg" scan "$work/corpus" --format json > "$work/report.json" || true
python3 - "$work/corpus" "$work/report.json" <<'PY'
import json, os, sys
corpus, report = sys.argv[1], json.load(open(sys.argv[2]))
found = {(os.path.relpath(f["path"], corpus), f["line"]) for f in report["findings"] if f["detector"] == "secrets"}
planted = [l.rstrip("\n").split("\t") for l in open(os.path.join(corpus, "planted.tsv"))]
hits, misses = 0, []
for path, rule, line in planted:
    text = open(os.path.join(corpus, path), "rb").read().split(b"\n")
    n = text.index(line.encode()) + 1
    if (path, n) in found: hits += 1
    else: misses.append(rule)
others = len(report["findings"]) - hits
print(f"planted secrets found: {hits}/{len(planted)}; other findings in the corpus: {others}")
if misses: print("missed rules:", sorted(set(misses)))
PY

# Start-up: cold (compile the database) vs warm (cached) on one small file, against `true`.
echo 'x = 1' > "$work/small.txt"
t_true=$(median "true")
t_warm=$(median "'$hg' scan '$work/small.txt'")
t_cold=$(median "rm -rf '$work/cold'; XDG_CACHE_HOME='$work/cold' '$hg' scan '$work/small.txt'")
echo "start-up on one small file: warm $(python3 -c "print(f'{$t_warm*1000:.1f}')") ms, cold $(python3 -c "print(f'{$t_cold*1000:.0f}')") ms, /bin/true $(python3 -c "print(f'{$t_true*1000:.1f}')") ms (python subprocess overhead included in all three)"
