#!/usr/bin/env bash
# hookguard against the peers available on Debian, same workloads, same run (issue 8):
#   typical commit (20 files, 500 added lines, 10 planted fake secrets) and big commit (~50 MB,
#   100 planted) staged in tmux clones: `hookguard pre-commit` vs AWS git-secrets
#   (`--register-aws`, its pre-commit hook) and secretlint (recommended preset, on the staged
#   files, as lint-staged runs it); Dockerfiles: `hookguard scan` (dockerfile detector only) vs
#   dockerfilelint on the generated corpus. Interleaved medians of RUNS (secretlint on the big
#   commit: SLOW_RUNS, default 3, it takes ~50 CPU seconds a run). Detection: planted secrets
#   found at their file and line.
# Peers missing are installed when possible (apt-get for git-secrets when root; npm into
# NODE_PREFIX, default ~/.cache/hookguard-bench); a peer that cannot be installed is reported
# and skipped.
# usage: bench/bench_peers.sh [path/to/hookguard]   env: RUNS (5), SLOW_RUNS (3), MB (50), DOCKERFILES (10000)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
SLOW_RUNS=${SLOW_RUNS:-3}
SL=$NODE_PREFIX/node_modules/.bin/secretlint
DFL=$NODE_PREFIX/node_modules/.bin/dockerfilelint

if ! command -v git-secrets >/dev/null && [ "$(id -u)" = 0 ]; then
  apt-get install -y -q git-secrets >/dev/null 2>&1 || true
fi
if [ ! -x "$SL" ] || [ ! -x "$DFL" ]; then
  HOME=$REAL_HOME npm install -s --prefix "$NODE_PREFIX" secretlint @secretlint/secretlint-rule-preset-recommend dockerfilelint >/dev/null 2>&1 || true
fi
have_gs=$(command -v git-secrets >/dev/null && echo 1 || echo 0)
have_sl=$([ -x "$SL" ] && echo 1 || echo 0)
have_dfl=$([ -x "$DFL" ] && echo 1 || echo 0)
[ "$have_gs" = 1 ] || echo "git-secrets: not installed and could not be installed (apt-get install git-secrets); skipped"
[ "$have_sl" = 1 ] || echo "secretlint: not installed and npm install failed; skipped"
[ "$have_dfl" = 1 ] || echo "dockerfilelint: not installed and npm install failed; skipped"
echo '{"rules": [{"id": "@secretlint/secretlint-rule-preset-recommend"}]}' > "$NODE_PREFIX/.secretlintrc.json"
secretlint_cmd() { echo "$SL --secretlintrc $NODE_PREFIX/.secretlintrc.json --format json $(git diff --cached --name-only --diff-filter=ACM | tr '\n' ' ')"; }

rows=()
row() { rows+=("$(printf '%-26s %-22s %9s %9s %8s %8s %8s %s' "$@")"); }
# add_rows WORKLOAD PLANTED_TSV LABEL TOOL ...: rows for the measured labels, ratios to "hg"
add_rows() {
  local workload=$1 planted=$2; shift 2
  while [ $# -gt 0 ]; do
    local label=$1 tool=$2 found=-; shift 2
    [ -n "${T[$label]:-}" ] || continue
    [ -f "$W/$label.report" ] && found=$(python3 "$BENCH/found.py" . "$planted" "${FORMAT[$label]}" "$W/$label.report")
    row "$tool" "$workload" "$(awk -v s="${T[$label]}" 'BEGIN {printf "%.3f", s}')" "$(awk -v s="${C[$label]}" 'BEGIN {printf "%.3f", s}')" \
        "$(ratio "${T[$label]}" "${T[hg]}")" "$(ratio "${C[$label]}" "${C[hg]}")" "${R[$label]}" "$found"
  done
}
declare -A FORMAT=([hg]=hookguard [gs]=git-secrets [sl]=secretlint)
# Detection runs, once each, reports kept for found.py (git-secrets reports on stderr).
report_runs() {
  "$HG" pre-commit --format json 2> "$W/hg.report" || true
  [ "$have_gs" = 0 ] || git secrets --pre_commit_hook > /dev/null 2> "$W/gs.report" || true
  [ "$have_sl" = 0 ] || sh -c "$(secretlint_cmd)" > "$W/sl.report" 2>/dev/null || true
}

# Workload 1: typical commit.
clone_tmux "$W/typical" && cd "$W/typical"
git secrets --register-aws >/dev/null 2>&1 || true
make_typical_commit .
cmds=(quiet 'git diff --cached --quiet' hg "$HG pre-commit")
[ "$have_gs" = 0 ] || cmds+=(gs 'git secrets --pre_commit_hook')
[ "$have_sl" = 0 ] || cmds+=(sl "$(secretlint_cmd)")
measure "${cmds[@]}"
report_runs
add_rows "typical commit" "$W/typical.tsv" hg hookguard quiet "git diff --cached --quiet" gs git-secrets sl secretlint
typical_gs=$(ratio "${T[gs]:-0}" "${T[hg]}") typical_quiet=$(ratio "${T[hg]}" "${T[quiet]}")
unset T C R; declare -A T C R
rm -f "$W"/*.report

# Workload 2: big commit.
clone_tmux "$W/bigrepo" && cd "$W/bigrepo"
git secrets --register-aws >/dev/null 2>&1 || true
make_big_commit .
cmds=(diff 'git diff --cached > /dev/null' hg "$HG pre-commit")
[ "$have_gs" = 0 ] || cmds+=(gs 'git secrets --pre_commit_hook')
measure "${cmds[@]}"
if [ "$have_sl" = 1 ]; then RUNS=$SLOW_RUNS measure sl "$(secretlint_cmd)"; fi
report_runs
add_rows "big commit (${MB:-50} MB)" "$W/big.tsv" hg hookguard diff "git diff --cached" gs git-secrets sl "secretlint ($SLOW_RUNS runs)"
unset T C R; declare -A T C R
rm -f "$W"/*.report

# Workload 5: Dockerfiles. dockerfilelint 1.8 crashes (TypeError in is_valid_healthcheck) on
# `HEALTHCHECK CMD [...]`, aborting the whole batch, so both tools lint the files without one.
cd "$W"
python3 "$BENCH/gen_dockerfiles.py" "$W/df" "${DOCKERFILES:-10000}" 42
mkdir "$W/dfok" && grep -L HEALTHCHECK "$W"/df/*.Dockerfile | xargs mv -t "$W/dfok"
n_df=$(ls "$W/dfok" | wc -l)
cat > "$W/df.yaml" <<'YAML'
version: 1
detectors: [dockerfile]
rules:  # shellcheck runs a process per Dockerfile: not part of the lint comparison
  dockerfile-shellcheck-error: {enabled: false}
  dockerfile-shellcheck-warning: {enabled: false}
  dockerfile-shellcheck-info: {enabled: false}
  dockerfile-shellcheck-style: {enabled: false}
YAML
cmds=(cat "cat $W/dfok/* > /dev/null" hg "$HG scan --config $W/df.yaml --format json $W/dfok")
[ "$have_dfl" = 0 ] || cmds+=(dfl "$DFL -o json $W/dfok/*")
measure "${cmds[@]}"
"$HG" scan --config "$W/df.yaml" --format json "$W/dfok" > "$W/hg.json" 2>/dev/null || true
hg_issues=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['findings']))" "$W/hg.json")
dfl_issues=-
if [ "$have_dfl" = 1 ]; then
  sh -c "$DFL -o json $W/dfok/*" > "$W/dfl.json" 2>/dev/null || true
  dfl_issues=$(python3 -c "import json,sys; print(sum(f['issues_count'] for f in json.load(open(sys.argv[1]))['files']))" "$W/dfl.json" 2>/dev/null || echo crashed)
fi
add_rows "$n_df Dockerfiles" /dev/null hg hookguard cat "cat (same files)" dfl dockerfilelint
rows[-1]+=" (issues: $dfl_issues vs hookguard $hg_issues)"

echo "peers, same run, interleaved medians of $RUNS runs on $(nproc) cores; ratio = tool / hookguard (wall, CPU)"
printf '%-26s %-22s %9s %9s %8s %8s %8s %s\n' tool workload "wall s" "CPU s" "x hg" "x hg CPU" "peak MB" "planted found"
printf '%s\n' "${rows[@]}"
echo "typical commit with 10 planted secrets (the clean commit is bench_hooks.sh): git-secrets / hookguard ${typical_gs}x; hookguard / git diff --cached --quiet ${typical_quiet}x"
