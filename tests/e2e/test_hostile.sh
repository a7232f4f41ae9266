#!/usr/bin/env bash
# Hostile files through the real binary: each ends with a tested exit code and a message naming
# the file (and line), within bounded wall time and peak RSS (GNU time -v); plus output hygiene
# (no secret, no raw terminal escape in any output).
. "$(dirname "$0")/lib.sh"
cd "$T"
mkdir proj && cd proj
write_test_rules rules.yaml
printf 'secrets:\n  extra_rules: rules.yaml\n' > .hookguard.yaml
TOKEN=$(fake_token hostile)
"$HOOKGUARD" scan .hookguard.yaml >/dev/null  # compile the rule cache once: the limits below are warm runs

# --- size and shape ------------------------------------------------------------------------
truncate -s 1G huge.bin
measured 0 5 100 "a 1 GB sparse file is skipped by size, without reading it" -- "$HOOKGUARD" scan huge.bin
expect_grep "huge.bin:1:1: policy-file-not-scanned" "$T/out" "the oversize file is named with its rule"
rm huge.bin

{ head -c 9000000 /dev/zero | tr '\0' 'a'; printf ' %s\n' "$TOKEN"; } > oneline.txt
measured 1 10 200 "a 9 MB single line with a token at its end" -- "$HOOKGUARD" scan oneline.txt
expect_grep "oneline.txt:1:9000002: secret-test-token" "$T/out" "the token is found at its byte column"
rm oneline.txt

head -c 5000000 /dev/zero > nul.bin
measured 0 5 150 "5 MB of NUL bytes" -- "$HOOKGUARD" scan nul.bin
expect_grep "1 binary skipped" "$T/out" "a NUL file is counted as binary"
rm nul.bin

printf '\xff\xfe\xc3\n\x80\xed\xa0\x80 key = %s \xc0\xaf\n' "$TOKEN" > badutf8.txt
measured 1 5 100 "invalid UTF-8 around a token" -- "$HOOKGUARD" scan badutf8.txt
expect_grep "badutf8.txt:2:[0-9]*: secret-test-token" "$T/out" "invalid UTF-8 keeps line numbers"
rm badutf8.txt

printf 'key = %s\n' "$TOKEN" | iconv -f UTF-8 -t UTF-16 > utf16.txt
measured 0 5 100 "a UTF-16 file" -- "$HOOKGUARD" scan utf16.txt
expect_grep "1 binary skipped" "$T/out" "a UTF-16 file (NUL bytes) is reported as a binary skip, not passed silently"
rm utf16.txt

printf 'a\r\nb\r\nkey = %s\r\n' "$TOKEN" > crlf.txt
measured 1 5 100 "CRLF line ends" -- "$HOOKGUARD" scan crlf.txt
expect_grep "crlf.txt:3:7: secret-test-token" "$T/out" "CRLF: line and column as in the editor"
printf 'a\rb\rkey = %s\n' "$TOKEN" > cr.txt
measured 1 5 100 "lone CR line ends" -- "$HOOKGUARD" scan cr.txt
expect_grep "cr.txt:[0-9]*:[0-9]*: secret-test-token" "$T/out" "lone CR: the token is still found"
rm crlf.txt cr.txt

# --- YAML / JSON manifests -----------------------------------------------------------------
{
  printf 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n'
  prev=a
  for l in b c d e f g h i j; do printf '  %s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n' $l $l $prev $prev $prev $prev $prev $prev $prev $prev $prev; prev=$l; done
} > bomb.yaml
measured 0 5 150 "a YAML alias bomb (audited: manifest-yaml-limit is medium)" -- "$HOOKGUARD" scan bomb.yaml
expect_grep "bomb.yaml:[0-9]*:[0-9]*: manifest-yaml-limit" "$T/out" "the alias bomb is a finding naming file and line"
python3 -c "print('apiVersion: v1\nkind: ConfigMap\ndata: ' + '[' * 100000 + ']' * 100000)" > deep.yaml
measured 0 10 200 "100,000-deep YAML nesting" -- "$HOOKGUARD" scan deep.yaml
expect_grep "deep.yaml:3:[0-9]*: manifest-yaml-limit" "$T/out" "deep YAML nesting names file and line"
python3 -c "print('{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": ' + '{\"a\": ' * 100000 + '1' + '}' * 100000 + '}')" > deep.json
measured 0 15 200 "100,000-deep JSON nesting" -- "$HOOKGUARD" scan deep.json
expect_grep "deep.json:[0-9]*:[0-9]*: manifest-yaml-limit" "$T/out" "deep JSON nesting names file and line"
rm bomb.yaml deep.yaml deep.json

# --- Dockerfile of 100,000 continuation lines ----------------------------------------------
{ printf 'FROM debian:12\nRUN echo start \\\n'; for i in $(seq 100000); do printf '  && echo %d \\\n' "$i"; done; printf '  && echo end\n'; } > Dockerfile
measured 0 15 300 "a Dockerfile of 100,000 continuation lines" -- "$HOOKGUARD" scan Dockerfile
expect_grep "^Dockerfile:[0-9]*:[0-9]*: " "$T/out" "the long Dockerfile is linted with file and line"

# --- limits.file_time: fail closed by default, open when configured -------------------------
printf 'secrets:\n  extra_rules: rules.yaml\nlimits:\n  file_time: 0ms\n' > slow.yaml
measured 1 15 300 "a file over limits.file_time blocks by default" -- "$HOOKGUARD" scan --config slow.yaml Dockerfile
expect_grep "Dockerfile:1:1: policy-file-not-scanned" "$T/out" "the file over its time is named"
expect_grep "limits.file_time" "$T/out" "the message names the limit"
printf 'secrets:\n  extra_rules: rules.yaml\nlimits:\n  file_time: 0ms\nrules:\n  policy-file-not-scanned: {severity: low}\n' > open.yaml
printf 'FROM debian:12@sha256:%064d\nUSER app\n' 0 > Dockerfile
"$HOOKGUARD" scan --format json --config open.yaml Dockerfile >"$T/out" 2>&1 || true
expect_grep '"policy-file-not-scanned"' "$T/out" "fail open is configured per rule and still reported"
rm Dockerfile slow.yaml open.yaml

# --- names: symlinks, newlines, non-ASCII, terminal escapes -------------------------------
mkdir names outside
printf 'key = %s\n' "$TOKEN" > outside/secret.txt
ln -s ../outside/secret.txt names/link.txt
ln -s /etc/shadow names/shadow
measured 0 5 100 "symlinks are not followed out of the scanned tree" -- "$HOOKGUARD" scan names
printf 'key = %s\n' "$TOKEN" > "names/new
line.txt"
printf 'key = %s\n' "$TOKEN" > "names/naïve-ü.txt"
printf 'key = %s \033]0;pwned\007\033[2J\n' "$TOKEN" > $'names/\e[2J\e[31mevil'
measured 1 5 100 "odd file names" -- "$HOOKGUARD" scan names
expect_grep "names/naïve-ü.txt:1:7: secret-test-token" "$T/out" "non-ASCII names are shown as UTF-8"
if grep -q $'\x1b' "$T/out" "$T/err"; then fail "a raw ESC reached the terminal output"; else pass "escape sequences in names and content are neutralised"; fi
if grep -qx 'line.txt:1:7: .*' "$T/out"; then fail "a newline in a name split a report line"; else pass "a newline in a name cannot forge a report line"; fi
expect_grep "evil" "$T/out" "the file with escapes in its name is still reported"
rm -r outside

# --- no full secret in any output format (unless --no-redact) -------------------------------
for format in text json sarif junit asff; do
  "$HOOKGUARD" scan --format "$format" names >"$T/out" 2>&1 || true
  expect_no_grep "$TOKEN" "$T/out" "no full secret in the $format report"
done
"$HOOKGUARD" scan --no-redact names >"$T/out" 2>&1 || true
expect_grep "$TOKEN" "$T/out" "--no-redact shows the secret (explicit request)"
rm -r names

# --- configs: unreadable, a directory, hostile content ------------------------------------
printf 'clean\n' > clean.txt
mkdir cfgdir
expect_rc 2 "a config that is a directory fails closed" -- "$HOOKGUARD" scan --config cfgdir clean.txt
expect_grep "cfgdir" "$T/err" "the directory config is named"
printf 'version: 1\n' > locked.yaml && chmod 000 locked.yaml
if [ -r locked.yaml ]; then
  echo "skip: unreadable config (running as root: chmod 000 does not stop root from reading)"
else
  expect_rc 2 "an unreadable config fails closed" -- "$HOOKGUARD" scan --config locked.yaml clean.txt
  expect_grep "locked.yaml" "$T/err" "the unreadable config is named"
fi
mkdir -p noaccess && printf 'version: 1\n' > noaccess/c.yaml && chmod 000 noaccess
if [ -r noaccess/c.yaml ]; then
  echo "skip: config in an unreadable directory (root can read it)"
else
  expect_rc 2 "a config in an unreadable directory fails closed" -- "$HOOKGUARD" scan --config noaccess/c.yaml clean.txt
fi
chmod 700 noaccess
python3 -c "print('version: 1\npaths: ' + '[' * 100000 + ']' * 100000)" > deepcfg.yaml
measured 2 10 200 "a 100,000-deep config" -- "$HOOKGUARD" scan --config deepcfg.yaml clean.txt
expect_grep "deepcfg.yaml:" "$T/err" "the deep config error names the file"

# --- a corrupt rule cache is detected and rebuilt ------------------------------------------
"$HOOKGUARD" scan clean.txt >/dev/null
cache=$(find "$XDG_CACHE_HOME" -type f | head -50)
[ -n "$cache" ] && pass "the rule cache was written" || fail "no rule cache under $XDG_CACHE_HOME"
for f in $cache; do head -c 4096 /dev/urandom > "$f"; done
printf 'key = %s\n' "$TOKEN" > leak.txt
measured 1 180 300 "a corrupt rule cache is rebuilt, not trusted" -- "$HOOKGUARD" scan leak.txt
expect_grep "leak.txt:1:7: secret-test-token" "$T/out" "scanning still works after cache corruption"
for f in $cache; do : > "$f"; done
expect_rc 1 "an empty (truncated) cache file is rebuilt" -- "$HOOKGUARD" scan leak.txt
# One flipped byte in the rule set (our checksum) or in a pattern database (Hyperscan's CRC).
for at in 200 -3000; do
  for f in $(find "$XDG_CACHE_HOME" -name 'rules-*' -type f); do
    python3 -c "import sys; p, at = sys.argv[1], int(sys.argv[2]); b = bytearray(open(p, 'rb').read()); b[at] ^= 0x5a; open(p, 'wb').write(b)" "$f" "$at"
  done
  expect_rc 1 "a cache with a flipped byte at $at is rebuilt" -- "$HOOKGUARD" scan -v leak.txt
  expect_grep "is corrupt or stale: rebuilding it" "$T/out" "the flipped byte at $at is noticed"
done

finish
