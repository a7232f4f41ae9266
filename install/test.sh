#!/bin/sh
# Runs every test: setup (dependencies + build), then unit and end-to-end tests through CTest,
# then hookguard scans its own repository (dogfooding: it must pass).
# Usage: ./install/test.sh
set -eu
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
# Test-only tools: the pre-commit framework and python3-jsonschema (SARIF schema checks).
for p in pre-commit python3-jsonschema; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends pre-commit python3-jsonschema
    break
  fi
done
./install/setup.sh
ctest --test-dir build --output-on-failure -j2
./build/hookguard scan .
