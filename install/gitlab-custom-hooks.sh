#!/bin/sh
# Builds custom_hooks.tar for GitLab server hooks: custom_hooks/pre-receive.d/hookguard.
# Usage: install/gitlab-custom-hooks.sh [CONFIG]; then, on the Gitaly node:
#   gitaly hooks set --storage default --repository @hashed/..../xyz.git --config /etc/gitaly/config.toml < custom_hooks.tar
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/custom_hooks/pre-receive.d"
if [ $# -ge 1 ]; then hookguard install --server "$work/custom_hooks/pre-receive.d" --config "$1" >/dev/null
else hookguard install --server "$work/custom_hooks/pre-receive.d" >/dev/null; fi
tar -C "$work" -cf custom_hooks.tar custom_hooks
echo "wrote $(pwd)/custom_hooks.tar (custom_hooks/pre-receive.d/hookguard)"
