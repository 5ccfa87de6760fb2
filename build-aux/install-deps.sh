#!/usr/bin/env bash
# Installs the Debian 12 packages Policy Explorer needs that are missing.
#   build-aux/install-deps.sh build   — to build and run the app
#   build-aux/install-deps.sh test    — also what the tests use
set -euo pipefail

build_pkgs=(
  gcc pkgconf meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-3-dev libpeas-dev libjson-glib-dev
  libcairo2-dev libpango1.0-dev
  desktop-file-utils appstream
  fonts-noto-cjk          # the documents are Chinese: a CJK font to show them
  gobject-introspection libgirepository1.0-dev python3-gi
  gir1.2-glib-2.0 gir1.2-gtk-3.0 gir1.2-peas-1.0 gir1.2-json-1.0
)
test_pkgs=(
  xvfb xauth dbus dbus-x11 at-spi2-core python3-dogtail gir1.2-gtk-3.0
  imagemagick poppler-utils
  # the Flatpak test: flatpak-builder runs the host's eu-strip (elfutils),
  # xdotool finds the window
  flatpak flatpak-builder elfutils xdotool
  # and what the stand-in runtime and SDK are made of, beyond the build
  # packages (tests/flatpak/standin.py: PLATFORM_PKGS, SDK_PKGS)
  appstream-util librsvg2-common adwaita-icon-theme shared-mime-info fonts-dejavu-core
  make binutils patch bzip2 xz-utils diffutils
  valgrind                # tests/valgrind: pex under memcheck
  clang libclang-rt-14-dev  # tests/fuzz: libFuzzer and the sanitizers' runtimes for clang
)

want=("${build_pkgs[@]}")
if [ "${1:-build}" = test ]; then
  want+=("${test_pkgs[@]}")
fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "These packages are missing and I am not root: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q -o DPkg::Lock::Timeout=300
$sudo apt-get install -y -q -o DPkg::Lock::Timeout=300 --no-install-recommends "${missing[@]}"
