#!/bin/sh
# One-step setup on Debian bookworm: install the build dependencies, build hookguard in ./build.
# Usage: ./install/setup.sh   (then: build/hookguard scan .)
set -eu
cd "$(dirname "$0")/.."
PACKAGES="cmake g++ git pkg-config ninja-build libgit2-dev libre2-dev libhyperscan-dev libyaml-cpp-dev libfmt-dev doctest-dev"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build
echo "built: $(pwd)/build/hookguard"
