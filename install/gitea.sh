#!/bin/sh
# Installs hooks/pre-receive.d/hookguard into every Gitea/Forgejo repository under ROOT (Gitea's
# own hooks/pre-receive dispatcher runs every executable in that directory).
# Usage: install/gitea.sh /var/lib/gitea/data/gitea-repositories [CONFIG]   (run as the gitea user)
set -eu
root=${1:?usage: $0 REPOSITORY_ROOT [CONFIG]}
find "$root" -mindepth 2 -maxdepth 2 -type d -name '*.git' | while read -r repo; do
  mkdir -p "$repo/hooks/pre-receive.d"
  if [ $# -ge 2 ]; then hookguard install --server "$repo" --config "$2"; else hookguard install --server "$repo"; fi
done
