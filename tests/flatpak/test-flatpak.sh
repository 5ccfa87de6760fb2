#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the real Flatpak manifest against a stand-in for the GNOME runtime
# (standin.py: Debian's packages, kept between runs), installs the app from a
# local repository and from a .flatpak bundle, runs it under its own Xvfb and
# checks that its window comes up and shows a plugin's page. Then builds the
# template plugin as a Flatpak extension against the installed app, installs
# it, and checks that the app finds it through the extension point.
#
#   test-flatpak.sh BUILD_ROOT SOURCE_ROOT
#
# Screenshots and logs go to BUILD_ROOT/tests/flatpak/. Exit 77 (skip) when
# the machine cannot make user namespaces, which Flatpak's sandbox needs.
set -euo pipefail

build=$(realpath "$1")
src=$(realpath "$2")
here="$src/tests/flatpak"
app=io.github.policyexplorer.PolicyExplorer
ext=$app.Plugin.Example
group=io/github/policyexplorer/PolicyExplorer   # the schema's path, as the keyfile backend names it
out="$build/tests/flatpak"
t0=$SECONDS

say() { echo "# [$((SECONDS - t0))s] $*"; }
fail() { echo "not ok: $*" >&2; exit 1; }

for tool in flatpak flatpak-builder bwrap Xvfb xdotool import eu-strip; do
  command -v "$tool" >/dev/null || fail "$tool is missing (build-aux/install-deps.sh test installs it)"
done
if ! bwrap --unshare-user --ro-bind / / true 2>/dev/null; then
  echo "# SKIP: this machine cannot make user namespaces (bwrap --unshare-user fails), which Flatpak's sandbox needs"
  exit 77
fi

: "${HOME:=$(getent passwd "$(id -u)" | cut -d: -f6)}"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/policy-explorer/flatpak-standin"
mkdir -p "$cache" "$out"
rm -f "$out"/*.png "$out"/*.log
# one test at a time uses the cached installation
exec 9>"$cache/lock"
flock 9

tmp=$(mktemp -d)
# nothing outside the test's own directories: a throw-away HOME, and the
# cached installation that holds the stand-in runtimes
export FLATPAK_USER_DIR="$cache/installation"
export HOME="$tmp/home" XDG_CACHE_HOME="$tmp/home/.cache" XDG_DATA_HOME="$tmp/home/.local/share"
export XDG_CONFIG_HOME="$tmp/home/.config"
unset DBUS_SESSION_BUS_ADDRESS
mkdir -p "$HOME"
fp() { flatpak --user "$@"; }
xvfb_pid=
cleanup() {
  set +e
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null
  # leave the cached installation with the stand-in runtimes alone
  fp uninstall -y --noninteractive "$ext//1" >/dev/null 2>&1
  fp uninstall -y --noninteractive "$app" >/dev/null 2>&1
  fp remote-delete --force local-app >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT

# the stand-in's own cache path was read above, before HOME changed
"$here/standin.py" ensure "$cache"
say "stand-in runtime and SDK ready"

arch=$(flatpak --default-arch)
sdk_files="$FLATPAK_USER_DIR/runtime/org.local.Sdk/$arch/bookworm/active/files"
cleanup_leftovers() {
  fp uninstall -y --noninteractive "$ext//1" >/dev/null 2>&1 || true
  fp uninstall -y --noninteractive "$app" >/dev/null 2>&1 || true
}
cleanup_leftovers

fuse_opt=()
[ -w /dev/fuse ] || fuse_opt=(--disable-rofiles-fuse)
builder() {
  flatpak-builder --user --force-clean --disable-updates --state-dir="$out/state" "${fuse_opt[@]}" "$@"
}

# --- build the app from the real manifest ---------------------------------
"$here/rewrite-manifest.py" "$src/flatpak/$app.json" "$tmp/$app.json" "$sdk_files"
repo="$out/repo"
rm -rf "$repo"
builder --default-branch=stable --repo="$repo" "$tmp/app-build" "$tmp/$app.json" \
  >"$out/build-app.log" 2>&1 || { tail -40 "$out/build-app.log" >&2; fail "the app did not build (log: $out/build-app.log)"; }
say "app built"
meta="$tmp/app-build/metadata"
grep -q '^\[Extension io.github.policyexplorer.PolicyExplorer.Plugin\]' "$meta" || fail "no extension point in $meta"
for f in bin/policy-explorer bin/pex lib/policy-explorer/plugins/manufacturing.plugin \
         share/applications/$app.desktop \
         share/icons/hicolor/scalable/apps/$app.svg share/icons/hicolor/symbolic/apps/$app-symbolic.svg \
         share/glib-2.0/schemas/$app.gschema.xml share/locale/zh_CN/LC_MESSAGES/policy-explorer.mo \
         lib/pkgconfig/policy-explorer-core-1.pc lib/libpolicy-explorer-draw-1.so extensions; do
  [ -e "$tmp/app-build/files/$f" ] || fail "the built app has no /app/$f"
done
# flatpak-builder 1.2 moves the metainfo to the older appdata name
[ -e "$tmp/app-build/files/share/metainfo/$app.metainfo.xml" ] ||
  [ -e "$tmp/app-build/files/share/appdata/$app.appdata.xml" ] || fail "the built app has no metainfo"
for f in share/applications/$app.desktop share/icons/hicolor/scalable/apps/$app.svg; do
  [ -e "$tmp/app-build/export/$f" ] || fail "flatpak exports no $f"
done
# no network, no home directory: the sandbox gets only the display
for perm in network home host; do
  grep -Eq "^(shared|filesystems)=.*\b$perm\b" "$meta" && fail "the app asks for $perm"
done
say "metadata: extension point, no network, no home; the install layout is complete"

# --- a display of our own ---------------------------------------------------
Xvfb -displayfd 7 -screen 0 1280x1024x24 -nolisten tcp -noreset 7>"$tmp/display" 2>"$out/xvfb.log" &
xvfb_pid=$!
for i in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || fail "Xvfb did not start (log: $out/xvfb.log)"
export DISPLAY=":$(cat "$tmp/display")"
export GDK_BACKEND=x11
unset WAYLAND_DISPLAY

keyfile="$HOME/.var/app/$app/config/glib-2.0/settings/keyfile"

# seed_settings KEY=VALUE...: the app's GSettings (the keyfile backend in the sandbox)
seed_settings() {
  rm -rf "$HOME/.var/app/$app"
  mkdir -p "$(dirname "$keyfile")"
  { echo "[$group]"; printf '%s\n' "$@"; } > "$keyfile"
}

# run_app NAME DOCUMENT: starts the app, waits for its window and for it to
# show DOCUMENT's page, or an explorer page such as page:overview (the app
# writes last-document when it shows a page),
# takes a screenshot, and quits it with Ctrl+Q.
run_app() {
  local name=$1 doc=$2 pid wid status=0 i
  flatpak run --user "$app" >"$out/run-$name.log" 2>&1 &
  pid=$!
  wid=$(timeout 30 xdotool search --sync --onlyvisible --name '^Policy Explorer$' | head -1) || true
  [ -n "$wid" ] || { cat "$out/run-$name.log" >&2; fail "$name: no window"; }
  for i in $(seq 100); do
    grep -qx "last-document='$doc'" "$keyfile" 2>/dev/null && break
    sleep 0.2
  done
  grep -qx "last-document='$doc'" "$keyfile" || {
    cat "$keyfile" "$out/run-$name.log" >&2; fail "$name: the window did not show the page of $doc"; }
  sleep 1   # let the page paint
  import -window "$wid" "$out/$name.png"
  xdotool windowfocus --sync "$wid" key --clearmodifiers ctrl+q
  for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then fp kill "$app"; fi
  wait "$pid" || status=$?
  [ "$status" -eq 0 ] || { cat "$out/run-$name.log" >&2; fail "$name: the app exited with $status"; }
  say "$name: window up, page of $doc shown ($out/$name.png), quit cleanly"
}

# the ids of the documents that pex finds inside the sandbox
pex_docs() {
  local json
  json=$(flatpak run --user --command=pex "$app" list --json)
  python3 -c "import json,sys; print(' '.join(sorted(d['id'] for d in json.loads(sys.argv[1]))))" "$json"
}

# --- from the repository ----------------------------------------------------
fp remote-add --if-not-exists --no-gpg-verify local-app "file://$repo"
fp install -y --noninteractive --reinstall local-app "$app//stable" >/dev/null
info=$(fp info "$app//stable")
grep -q "Runtime: org.local.Platform/$arch/bookworm" <<<"$info" || fail "the app is not on the stand-in runtime: $info"
docs=$(pex_docs)
[ "$(wc -w <<<"$docs")" -eq 13 ] || fail "pex in the sandbox lists $docs"
# drawing: pex opens the drawing library, in /app/lib, only for this
rm -f "$out/pex-chart.svg"
flatpak run --user --filesystem="$out" --command=pex "$app" chart manufacturing milestones \
  --out "$out/pex-chart.svg" >"$out/pex-chart.log" 2>&1 || { cat "$out/pex-chart.log" >&2; fail "pex in the sandbox could not draw a chart"; }
grep -q '<svg' "$out/pex-chart.svg" || fail "pex in the sandbox wrote no SVG"
say "pex in the sandbox draws a chart"
# no last page: home, the overview
seed_settings
run_app repo page:overview

# --- from a bundle ------------------------------------------------------------
flatpak build-bundle "$repo" "$out/$app.flatpak" "$app" stable
fp uninstall -y --noninteractive "$app" >/dev/null
fp install -y --noninteractive --bundle "$out/$app.flatpak" >/dev/null
say "installed from the bundle ($(du -h "$out/$app.flatpak" | cut -f1))"
# a last document that no plugin provides: the app falls back to the overview
seed_settings "last-document='example'"
run_app bundle page:overview

# --- a third-party plugin as an extension -----------------------------------------
"$here/rewrite-manifest.py" "$src/flatpak/$ext.json" "$tmp/$ext.json" "$sdk_files"
builder --repo="$repo" "$tmp/ext-build" "$tmp/$ext.json" \
  >"$out/build-extension.log" 2>&1 || { tail -40 "$out/build-extension.log" >&2; fail "the extension did not build (log: $out/build-extension.log)"; }
grep -q "^\[ExtensionOf\]" "$tmp/ext-build/metadata" || fail "the extension's metadata has no [ExtensionOf]"
fp install -y --noninteractive --reinstall local-app "$ext//1" >/dev/null
say "extension built and installed"
docs=$(pex_docs)
grep -qw example <<<"$docs" || fail "pex in the sandbox does not find the extension's plugin: $docs"
result=$(flatpak run --user --command=pex "$app" calc example cloud fee=120000 --json)
python3 -c "import json,sys; r=json.loads(sys.argv[1]); assert r['amount'] == 36000, r" "$result" ||
  fail "the extension's calculator did not compute: $result"
say "pex in the sandbox loads the extension's plugin and computes with it"
# the extension's document alone enabled, and the last page shown: its
# page opens again
seed_settings "active-plugins=['example']" "last-document='example'"
run_app extension example

# and without the extension, its plugin is gone
fp uninstall -y --noninteractive "$ext//1" >/dev/null
grep -qw example <<<"$(pex_docs)" && fail "the plugin is still found after the extension is uninstalled"

say "ok: built, installed from a repository and a bundle, ran, and loaded a plugin extension"
