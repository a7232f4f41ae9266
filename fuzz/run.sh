#!/bin/sh
# Runs every libFuzzer target (or the ones named) for a bounded time each, from the seed corpora
# (tests/corpus, config/, fuzz/seeds), after replaying the saved crash inputs in fuzz/regressions.
# Builds build-fuzz with clang-16 first when needed. Exit 1 on any crash; its input is kept in
# build-fuzz/crashes/<target>/ (add it to fuzz/regressions/<target>/ and a unit test once fixed).
# Usage: fuzz/run.sh [SECONDS_PER_TARGET (default 300)] [TARGET...]
# HOOKGUARD_FUZZ_RUNS=N: at most N inputs per target from seed 1 (reproducible, for CI); the
# time limit still applies.
set -eu
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-300}
[ $# -gt 0 ] && shift
TARGETS=${*:-"dockerfile manifest config rule_file patterns added_lines"}
BUILD=${HOOKGUARD_FUZZ_BUILD:-build-fuzz}
if [ ! -f "$BUILD/build.ninja" ]; then
  CXX=clang++-16 cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=None "-DCMAKE_CXX_FLAGS=-O1 -gline-tables-only" \
    -DHOOKGUARD_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
fi
ninja -C "$BUILD" $(for t in $TARGETS; do printf 'fuzz_%s ' "$t"; done)

seeds() {
  case $1 in
    dockerfile) echo tests/corpus/dockerfile ;;
    manifest) echo tests/corpus/manifest ;;
    config) echo config fuzz/seeds/config ;;
    rule_file) echo config/rules fuzz/seeds/rule_file ;;
    patterns) echo tests/corpus/pii tests/corpus/dockerfile ;;
    added_lines) echo fuzz/seeds/added_lines ;;
  esac
}

# Leaks in Debian's uninstrumented libraries are not ours to fix; memory use is capped instead.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
status=0
for t in $TARGETS; do
  bin="$BUILD/fuzz/fuzz_$t"
  if [ -d "fuzz/regressions/$t" ]; then
    "$bin" -rss_limit_mb=2048 fuzz/regressions/$t/* >/dev/null 2>&1 || { echo "fuzz_$t: a saved regression input crashes again"; status=1; }
  fi
  work="$BUILD/corpus/$t" crashes="$BUILD/crashes/$t"
  mkdir -p "$work" "$crashes"
  echo "fuzz_$t: ${HOOKGUARD_FUZZ_RUNS:+$HOOKGUARD_FUZZ_RUNS inputs, }${SECONDS_EACH}s at most"
  if ! "$bin" ${HOOKGUARD_FUZZ_RUNS:+-runs=$HOOKGUARD_FUZZ_RUNS -seed=1} -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$crashes/" "$work" $(seeds "$t") >"$BUILD/fuzz_$t.log" 2>&1; then
    echo "fuzz_$t: CRASH (input in $crashes/, log $BUILD/fuzz_$t.log)"
    tail -40 "$BUILD/fuzz_$t.log"
    status=1
  else
    grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$BUILD/fuzz_$t.log" | tail -1
  fi
  rmdir "$crashes" 2>/dev/null || true
done
exit $status
