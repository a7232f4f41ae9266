#!/usr/bin/env bash
# The README's rule catalog (docs/rules.md) is generated from the rule files: it must be current.
. "$(dirname "$0")/lib.sh"
src=${HOOKGUARD_SOURCE_DIR:?}
cp "$src/docs/rules.md" "$T/committed.md"
mkdir -p "$T/copy/docs"
cp "$src/docs/update.sh" "$T/copy/docs/"
(cd "$T/copy" && HOOKGUARD="$HOOKGUARD" sh docs/update.sh)
if diff -u "$T/committed.md" "$T/copy/docs/rules.md" > "$T/diff"; then pass "docs/rules.md matches the catalog"
else fail "docs/rules.md is stale: run docs/update.sh"; head -40 "$T/diff" >&2; fi
n=$(grep -c '^| `' "$T/committed.md" || true)
[ "$n" -ge 400 ] && pass "catalog lists $n rules" || fail "catalog lists only $n rules"
finish
