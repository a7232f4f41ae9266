#!/bin/sh
# Installs hookguard's pre-receive hook into a plain bare repository.
# Usage: install/server-bare.sh REPO.git [CONFIG]   (an existing pre-receive is chained)
set -eu
[ $# -ge 1 ] || { echo "usage: $0 REPO.git [CONFIG]" >&2; exit 2; }
if [ $# -ge 2 ]; then exec hookguard install --server "$1" --config "$2"; fi
exec hookguard install --server "$1"
