#!/bin/sh
# Builds a GitHub Enterprise Server pre-receive hook environment: a chroot tarball holding
# /bin/sh, hookguard, the shared libraries it links, the config and a warmed rule cache, plus the
# hook script to commit to the hook repository.
# Usage: install/ghes-environment.sh CONFIG   -> hookguard-env.tar.gz, hookguard-pre-receive.sh
set -eu
config=${1:?usage: $0 CONFIG}
bin=$(command -v hookguard)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/usr/local/bin" "$root/etc/hookguard" "$root/var/cache/hookguard" "$root/tmp"
copy_with_libs() {
  cp "$1" "$root$2"
  ldd "$1" | awk '/=> \// {print $3} /^\t\/lib/ {print $1}' | while read -r lib; do
    mkdir -p "$root$(dirname "$lib")" && cp -L "$lib" "$root$lib"
  done
}
copy_with_libs "$bin" /usr/local/bin/hookguard
copy_with_libs /bin/sh /bin/sh
cp "$config" "$root/etc/hookguard/config.yaml"
HOME=$root/tmp hookguard rules --config "$config" --cache-dir "$root/var/cache/hookguard" >/dev/null
tar -C "$root" -czf hookguard-env.tar.gz .
cat > hookguard-pre-receive.sh <<'HOOK'
#!/bin/sh
# GitHub Enterprise Server pre-receive hook (runs inside hookguard-env.tar.gz).
exec /usr/local/bin/hookguard pre-receive --config /etc/hookguard/config.yaml --cache-dir /var/cache/hookguard
HOOK
chmod +x hookguard-pre-receive.sh
echo "wrote hookguard-env.tar.gz and hookguard-pre-receive.sh"
