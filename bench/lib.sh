# Shared by bench_big_commit.sh and bench_peers.sh (sourced, not run): the hookguard binary, the
# tmux bundle, a scratch directory with its own HOME and rule cache, the commit workloads built
# from the bundle, and interleaved medians through runs.py.
#   env: HOOKGUARD (binary), BUNDLE (tmux.bundle), RUNS (default 5), MB (big commit size, 50)
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC=$(cd "$BENCH/.." && pwd)
HG=$(realpath "${1:-${HOOKGUARD:-$SRC/build/hookguard}}")
RUNS=${RUNS:-5}
BUNDLE=${BUNDLE:-$SRC/../shared/data/tmux.bundle}
[ -f "$BUNDLE" ] || BUNDLE=/work/shared/data/tmux.bundle
REAL_HOME=$HOME  # npm's cache and the peers' install prefix live there, not in the scratch HOME
NODE_PREFIX=${NODE_PREFIX:-$HOME/.cache/hookguard-bench}
for v in $(env | sed -n 's/^\(GIT_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done  # GIT_INDEX_FILE etc.
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export XDG_CACHE_HOME=$W/cache HOME=$W/home NO_COLOR=1
mkdir -p "$HOME"
git config --global user.email bench@example.invalid && git config --global user.name bench
[ -x "$HG" ] || { echo "no hookguard binary at $HG (build it or pass its path)" >&2; exit 2; }

clone_tmux() {  # DIR: a clone of the bundle's master (12,022 commits)
  git clone -q -b master "$BUNDLE" "$1"
  "$HG" rules >/dev/null  # warm the rule cache, as `hookguard install` does
}

# Workload 1, typical commit: 20 .c files with 25 added lines each; in the first 10 one of the
# 25 lines is a planted fake secret (one per provider format of make_corpus.py). -> $W/typical.tsv
make_typical_commit() {
  local repo=$1 i=0 f n
  python3 "$BENCH/make_corpus.py" "$repo" "$W/seeds" 1 >/dev/null
  : > "$W/typical.tsv"
  for f in $(git -C "$repo" ls-files '*.c' | head -20); do
    i=$((i + 1))
    for n in $(seq 24); do echo "/* bench line $n: value = compute_something($n, \"$f\"); */"; done >> "$repo/$f"
    if [ $i -le 10 ]; then
      sed -n "${i}p" "$W/seeds/planted.tsv" | cut -f3 >> "$repo/$f"
      sed -n "${i}p" "$W/seeds/planted.tsv" | awk -F'\t' -v p="$f" -v OFS='\t' '{print p, $2, $3}' >> "$W/typical.tsv"
    else
      echo "/* bench line 25 */" >> "$repo/$f"
    fi
  done
  git -C "$repo" add -u
}

# Workload 2, big commit: MB MiB of distinct tmux history blobs (~1,700 files) as new files under
# big/, with 100 planted fake secrets (fixed seed, make_corpus.py). -> $W/big.tsv
make_big_commit() {
  local repo=$1
  python3 "$BENCH/make_corpus.py" "$repo" "$W/big" "${MB:-50}" >/dev/null
  mkdir "$repo/big"
  mv "$W/big"/[0-9a-f][0-9a-f] "$repo/big/"
  sed 's|^|big/|' "$W/big/planted.tsv" > "$W/big.tsv"
  git -C "$repo" add big
}

# measure LABEL 'COMMAND' ...: interleaved medians of RUNS runs: wall seconds T[LABEL], CPU
# seconds C[LABEL], peak RSS in MB R[LABEL], minor page faults F[LABEL], exit code X[LABEL]
declare -A T C R F X
measure() {
  local label wall cpu rss faults code
  while read -r label wall cpu rss faults code; do
    T[$label]=$wall C[$label]=$cpu R[$label]=$((rss / 1024)) F[$label]=$faults X[$label]=$code
  done < <(python3 "$BENCH/runs.py" "$RUNS" "$@")
}
ms() { awk -v s="$1" 'BEGIN {printf "%.1f", s * 1000}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }
peak_rss_mb() { /usr/bin/time -f %M -o "$W/rss" "$@" >/dev/null 2>&1 || true; tail -1 "$W/rss" | awk '{printf "%.0f", $1 / 1024}'; }
