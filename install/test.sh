#!/bin/sh
# Runs every test: setup (dependencies + build), then unit and end-to-end tests through CTest,
# then hookguard scans its own repository (dogfooding: it must pass), then the hardening pass:
# the whole suite again under ASan+UBSan (clang-16, build-asan/) and each libFuzzer target for a
# fixed number of inputs from a fixed seed (HOOKGUARD_FUZZ_RUNS, default 4000; 0 skips fuzzing),
# so a CI verdict is reproducible; open-ended fuzzing is fuzz/run.sh's job, run by developers.
# Usage: ./install/test.sh
set -eu
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
# Test-only tools: the pre-commit framework and python3-jsonschema (SARIF schema checks).
# clang-16, its sanitizer runtimes and libFuzzer: the sanitized build and the fuzz targets
# (bookworm's clang-14 cannot compile libstdc++-12's ranges).
TEST_PACKAGES="pre-commit python3-jsonschema clang-16 libclang-rt-16-dev libfuzzer-16-dev"
for p in $TEST_PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $TEST_PACKAGES
    break
  fi
done
./install/setup.sh
ctest --test-dir build --output-on-failure -j2
./build/hookguard scan .
# ASan+UBSan: -O1 keeps the build and the run short. Leak checks are off: Debian's libraries
# are not instrumented and libgit2/yaml-cpp keep process-lifetime allocations.
CXX=clang++-16 cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=None "-DCMAKE_CXX_FLAGS=-O1 -gline-tables-only" \
  -DHOOKGUARD_SANITIZE=ON -DHOOKGUARD_FUZZ=ON >/dev/null
cmake --build build-asan
# Under ASan: the unit suite and the end-to-end tests that exercise the parsers and reporters.
# The git end-to-end suites (100,000-file commits, 20 parallel pushes, the pre-commit framework)
# already ran above with the release build; under ASan they would dominate CI's time.
ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 ctest --test-dir build-asan --output-on-failure -j2 \
  -R 'unit|e2e_test_scan|e2e_test_policy|e2e_test_reports|e2e_test_pii|e2e_test_hostile$'

if [ "${HOOKGUARD_FUZZ_RUNS:-4000}" != 0 ]; then
  HOOKGUARD_FUZZ_BUILD=build-asan HOOKGUARD_FUZZ_RUNS=${HOOKGUARD_FUZZ_RUNS:-4000} ./fuzz/run.sh 60
fi
