#!/usr/bin/env bash
# Installs Policy Explorer into a scratch prefix, builds the template plugin
# outside the tree with pkg-config alone, installs it in the user's plugin
# directory, and uses it from the installed pex. Then checks that a plugin
# built for another API version is refused with a clear message.
set -euo pipefail
build=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

meson install -C "$build" --no-rebuild --destdir "$tmp/dest" >/dev/null
prefix=$(meson introspect "$build" --buildoptions | python3 -c "import json,sys; print([o['value'] for o in json.load(sys.stdin) if o['name']=='prefix'][0])")
libdir=$(meson introspect "$build" --buildoptions | python3 -c "import json,sys; print([o['value'] for o in json.load(sys.stdin) if o['name']=='libdir'][0])")
root="$tmp/dest$prefix"
# the .pc files name the real prefix; point them at the scratch copy
mkdir -p "$tmp/pc"
for pc in "$root/$libdir/pkgconfig"/policy-explorer-*.pc; do
  sed "s|^prefix=.*|prefix=$root|" "$pc" > "$tmp/pc/$(basename "$pc")"
done
export PKG_CONFIG_PATH="$tmp/pc${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export LD_LIBRARY_PATH="$root/$libdir"
export XDG_DATA_HOME="$tmp/home/.local/share"
unset POLICY_EXPLORER_PLUGIN_PATH
plugins="$XDG_DATA_HOME/policy-explorer/plugins"

pkg-config --exists policy-explorer-core-1
pkg-config --exists policy-explorer-gtk-1
echo "# SDK $(pkg-config --modversion policy-explorer-core-1), API $(pkg-config --variable=apiversion policy-explorer-core-1)"

meson setup "$tmp/template-build" "$src/docs/plugin-template" -Dplugindir="$plugins" >/dev/null
ninja -C "$tmp/template-build" install >"$tmp/ninja.log" 2>&1 || { cat "$tmp/ninja.log" >&2; exit 1; }
test -f "$plugins/libexample.so"
test -f "$plugins/example.plugin"

pex="$root/bin/pex"
out=$("$pex" list --json)
echo "$out" | python3 -c "
import json, sys
docs = {d['id']: d for d in json.load(sys.stdin)}
assert 'example' in docs, docs.keys()
assert docs['example']['calculators'] == 1, docs['example']
print('# the template plugin is found in the user plugin directory')"

"$pex" calc example cloud fee=120000 --json | python3 -c "
import json, sys
r = json.load(sys.stdin)
assert r['amount'] == 36000 and r['is_maximum'], r
print('# and computes: 30% of 120000 = 36000, up to')"

# the same plugin declared for API version 2 is refused, and says why
sed -i 's/^X-Policy-Explorer-API=1/X-Policy-Explorer-API=2/' "$plugins/example.plugin"
set +e
err=$("$pex" calc example cloud fee=1 2>&1 >/dev/null)
status=$?
set -e
test "$status" -ne 0
list_err=$("$pex" list 2>&1 >/dev/null || true)
case "$err$list_err" in
  *"built for API version 2, but this Policy Explorer has API version 1"*) echo "# API version 2 refused: ok" ;;
  *) echo "expected a clear API version message, got: $err $list_err" >&2; exit 1 ;;
esac
echo "ok"
