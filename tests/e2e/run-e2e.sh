#!/usr/bin/env bash
# The end-to-end suite: the real app over AT-SPI, driven as a person would,
# on its own X server and session bus. Screenshots go to $2.
set -euo pipefail
build=$1
shots=${2:-$build/tests/e2e-screenshots}
mkdir -p "$shots"

for n in $(seq 97 140); do
  [ -e "/tmp/.X$n-lock" ] || { display=":$n"; break; }
done
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp -noreset >/dev/null 2>&1 &
xvfb_pid=$!
tmp=$(mktemp -d)
trap 'kill $xvfb_pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done

mkdir -p "$tmp/config/gtk-3.0" "$tmp/runtime" "$tmp/data"
chmod 700 "$tmp/runtime"
printf '[Settings]\ngtk-enable-animations=false\n' > "$tmp/config/gtk-3.0/settings.ini"

export DISPLAY="$display" XDG_CONFIG_HOME="$tmp/config" XDG_RUNTIME_DIR="$tmp/runtime" XDG_DATA_HOME="$tmp/data"
export GSETTINGS_BACKEND=memory GDK_BACKEND=x11 LC_ALL=C.UTF-8
export POLICY_EXPLORER_PLUGIN_PATH="$build/plugins"
export GSETTINGS_SCHEMA_DIR="$build/resources"
export POLICY_EXPLORER_LOCALEDIR="$build/po"
export PE_APP="$build/app/policy-explorer" PE_SHOTS="$shots"
unset NO_AT_BRIDGE GTK_MODULES AT_SPI_BUS_ADDRESS DBUS_SESSION_BUS_ADDRESS
# what the accessibility stack prints of itself is not TAP: as comments
dbus-run-session -- /usr/bin/python3 "${PE_E2E_SCRIPT:-$(dirname "$0")/scenarios.py}" |
  sed -u -E '/^(ok |not ok |1\.\.|#|Bail out)/!s/^/# /' 
