#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A stand-in for the GNOME Platform and Sdk, made from Debian's installed packages.

The Flatpak test builds the real manifest, but a machine without access to
Flathub cannot have the GNOME runtime. This script makes a runtime and an
SDK with the same layout (a tree mounted at /usr, with etc/ inside it) from
the packages installed on this Debian machine, commits them to a local
ostree repository and installs them into a Flatpak installation of its own:

    standin.py ensure CACHE_DIR    build (or reuse) CACHE_DIR/{repo,installation}
    standin.py key                 print what the cached stand-in is keyed on

The result is kept in CACHE_DIR and rebuilt only when the package set (the
names and versions of every package in it) or this script changes.

What it cannot be: GNOME's versions (Debian 12 has GTK 3.24.38, GLib 2.74),
its SDK extensions, its GL extension or its fonts. It proves the manifest,
the build in a sandbox, the install layout and the finish-args; not that the
code builds against GNOME's newer libraries.
"""
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

PLATFORM_ID = "org.local.Platform"
SDK_ID = "org.local.Sdk"
BRANCH = "bookworm"
REMOTE = "standin"

# What GNOME's Platform carries that the app uses, and a shell and coreutils
# (a Platform without them cannot run `sh -c ls`).
PLATFORM_PKGS = """
    libgtk-3-0 libpeas-1.0-0 libjson-glib-1.0-0 libcairo2 libpango-1.0-0
    librsvg2-common adwaita-icon-theme shared-mime-info fonts-dejavu-core
    libc-bin dash bash coreutils sed grep findutils
""".split()

# The Platform plus what the app's build uses: compiler, meson, headers,
# gettext, introspection, and what flatpak-builder runs in the SDK
# (appstream-compose, desktop-file-validate).
SDK_PKGS = PLATFORM_PKGS + """
    gcc libc6-dev make meson ninja-build pkgconf python3 binutils
    libgtk-3-dev libpeas-dev libjson-glib-dev libglib2.0-dev libglib2.0-dev-bin
    libcairo2-dev libpango1.0-dev gettext
    gobject-introspection libgirepository1.0-dev
    gir1.2-glib-2.0 gir1.2-gtk-3.0 gir1.2-peas-1.0 gir1.2-json-1.0
    appstream-util appstream desktop-file-utils
    diffutils mawk tar gzip xz-utils bzip2 patch
""".split()

# Packages a runtime has no use for, which the dependency closure would
# otherwise drag in: an init system, a system bus, the package manager.
EXCLUDE = set("""
    systemd systemd-sysv systemd-timesyncd libpam-systemd dbus dbus-system-bus-common
    dbus-daemon dbus-user-session dbus-session-bus-common dconf-service
    adduser passwd login dpkg debconf init-system-helpers usr-is-merged
    perl-base perl perl-modules-5.36 libperl5.36 ucf sensible-utils
    lsb-base sysvinit-utils mount util-linux
""".split())

# The SDK needs no GPU drivers (Mesa's DRI drivers and LLVM are 430 MB):
# a real Flatpak gets GL from the GL extension, and GTK 3 draws with cairo.
# Nor, for C, a C++ compiler, the sanitizers' runtimes or ICU's headers
# (harfbuzz-icu, which GTK does not use), another 130 MB.
SDK_EXCLUDE = EXCLUDE | set("""
    libgl1-mesa-dri libllvm15 libz3-4
    build-essential dpkg-dev libdpkg-perl g++ g++-12 libstdc++-12-dev
    libasan8 libtsan2 liblsan0 libubsan1 libicu-dev icu-devtools
""".split())

SKIP_PREFIXES = ("/usr/share/man/", "/usr/share/info/", "/usr/share/locale/",
                 "/usr/share/lintian/", "/usr/share/bug/", "/usr/share/doc-base/")

HOST_FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- As the freedesktop runtime does: the host's fonts, which flatpak mounts
     under /run/host, are fonts of the sandbox too. -->
<fontconfig>
  <include ignore_missing="yes">/run/host/font-dirs.xml</include>
  <dir>/run/host/fonts</dir>
  <dir>/run/host/local-fonts</dir>
  <dir>/run/host/user-fonts</dir>
</fontconfig>
"""


def log(msg):
    print(f"# standin: {msg}", flush=True)


def multiarch():
    return f"{platform.machine()}-linux-gnu"


def flatpak_arch():
    return subprocess.run(["flatpak", "--default-arch"], check=True,
                          capture_output=True, text=True).stdout.strip()


# --- the package database -------------------------------------------------

def strip_arch(name):
    return name.split(":", 1)[0].strip()


def parse_relations(field):
    """'a (>= 1) | b, c' -> [['a', 'b'], ['c']]"""
    groups = []
    for group in field.split(","):
        group = group.strip()
        if not group:
            continue
        groups.append([strip_arch(alt.strip().split(" ", 1)[0].split("(", 1)[0])
                       for alt in group.split("|")])
    return groups


def installed_packages():
    out = subprocess.run(
        ["dpkg-query", "-W", "-f",
         "${Package}\t${Architecture}\t${Version}\t${db:Status-Abbrev}\t"
         "${Pre-Depends}\t${Depends}\t${Provides}\n"],
        check=True, capture_output=True, text=True).stdout
    db, providers = {}, {}
    native = subprocess.run(["dpkg", "--print-architecture"], check=True,
                            capture_output=True, text=True).stdout.strip()
    for line in out.splitlines():
        name, arch, version, status, pre, deps, provides = line.split("\t")
        if not status.startswith("ii") or arch not in (native, "all"):
            continue
        db[name] = {"version": version, "arch": arch,
                    "deps": parse_relations(pre) + parse_relations(deps)}
        for group in parse_relations(provides):
            providers.setdefault(group[0], []).append(name)
    return db, providers


def closure(roots, exclude, db, providers):
    """The packages reached from roots through Depends and Pre-Depends,
    taking for each alternative the first one that is installed."""
    missing = [r for r in roots if r not in db]
    if missing:
        raise SystemExit(f"standin: these packages are not installed: {' '.join(missing)} "
                         "(build-aux/install-deps.sh test installs them)")
    seen, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name in seen or name in exclude:
            continue
        seen.add(name)
        for group in db[name]["deps"]:
            choice = None
            for alt in group:
                if alt in db:
                    choice = alt
                    break
                provided = [p for p in providers.get(alt, []) if p in db]
                if provided:
                    choice = provided[0]
                    break
            if choice is not None:
                todo.append(choice)
    return sorted(seen)


def package_files(name, arch):
    for candidate in (f"/var/lib/dpkg/info/{name}:{arch}.list", f"/var/lib/dpkg/info/{name}.list"):
        if os.path.exists(candidate):
            with open(candidate, encoding="utf-8", errors="surrogateescape") as f:
                return [line.rstrip("\n") for line in f if line.strip()]
    return []


# --- the tree -------------------------------------------------------------

def tree_path(files, path):
    """Where a host path goes in the runtime's files/ (mounted at /usr);
    Debian 12 is merged-/usr, so /lib/X is /usr/lib/X."""
    if path.startswith("/usr/"):
        return os.path.join(files, path[5:])
    for top in ("/lib/", "/lib64/", "/bin/", "/sbin/", "/etc/"):
        if path.startswith(top):
            return os.path.join(files, path[1:])
    return None


def wanted(path):
    if path.startswith("/usr/share/doc/"):
        return path.endswith("/copyright") or path.count("/") <= 4
    return not path.startswith(SKIP_PREFIXES)


def copy_packages(pkgs, db, files):
    n = 0
    for name in pkgs:
        for path in package_files(name, db[name]["arch"]):
            if not wanted(path):
                continue
            dest = tree_path(files, path)
            if dest is None or os.path.lexists(dest):
                continue
            if not os.path.lexists(path):
                continue   # listed but not on disk (dpkg's path filters)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            if os.path.islink(path):
                os.symlink(os.readlink(path), dest)
            elif os.path.isdir(path):
                os.makedirs(dest, exist_ok=True)
            else:
                # a hard link where the cache is on the same file system:
                # ostree reads the tree and nothing writes to these files
                # (write_file() below replaces a file, never writes into it)
                try:
                    os.link(path, dest)
                except OSError:
                    shutil.copy2(path, dest)
                n += 1
    return n


def add_alternatives(files):
    """update-alternatives links (cc -> gcc, awk -> mawk) are in no package's
    file list: recreate those whose target is in the tree."""
    for d in ("/usr/bin", "/usr/sbin"):
        for entry in os.scandir(d):
            if not entry.is_symlink() or not os.readlink(entry.path).startswith("/etc/alternatives/"):
                continue
            target = os.path.realpath(entry.path)
            dest, target_in_tree = tree_path(files, entry.path), tree_path(files, target)
            if target_in_tree and os.path.lexists(target_in_tree) and not os.path.lexists(dest):
                os.symlink(target, dest)


def write_file(path, text):
    """Writes a new file at path; the tree's files may be hard links to the
    host's, so an existing one is unlinked, never written into."""
    if os.path.lexists(path):
        os.unlink(path)
    with open(path, "w") as f:
        f.write(text)


def finish_tree(files):
    etc = os.path.join(files, "etc")
    os.makedirs(etc, exist_ok=True)
    # fontconfig's conf.d links are made by its maintainer scripts
    if os.path.isdir("/etc/fonts"):
        shutil.rmtree(os.path.join(etc, "fonts"), ignore_errors=True)
        shutil.copytree("/etc/fonts", os.path.join(etc, "fonts"), symlinks=True)
        write_file(os.path.join(etc, "fonts", "conf.d", "50-flatpak-host-fonts.conf"), HOST_FONTS_CONF)
    # an empty ld.so.conf makes flatpak write its own (with /app/lib), and
    # flatpak 1.14 makes the per-app ld.so.cache only if there is /usr/bin/ldconfig
    write_file(os.path.join(etc, "ld.so.conf"), "")
    # lib64 as a link to lib, as in the freedesktop runtime: meson then
    # takes /app/lib for the libdir, not /app/lib64
    lib64 = os.path.join(files, "lib64")
    if os.path.isdir(lib64) and not os.path.islink(lib64):
        for entry in os.listdir(lib64):
            dest = os.path.join(files, "lib", entry)
            if not os.path.lexists(dest):
                os.rename(os.path.join(lib64, entry), dest)
        shutil.rmtree(lib64)
        os.symlink("lib", lib64)
    ldconfig = os.path.join(files, "bin", "ldconfig")
    if os.path.exists(os.path.join(files, "sbin", "ldconfig")) and not os.path.lexists(ldconfig):
        os.makedirs(os.path.dirname(ldconfig), exist_ok=True)
        os.symlink("../sbin/ldconfig", ldconfig)


def rebuild_caches(files):
    """The caches that Debian's triggers make, made again with the tree at
    /usr so that the paths in them are those of the sandbox."""
    ma = multiarch()
    script = f"""
set -e
L=/usr/lib/{ma}
[ ! -d /usr/share/glib-2.0/schemas ] || $L/glib-2.0/glib-compile-schemas /usr/share/glib-2.0/schemas
[ ! -d $L/gio/modules ] || $L/glib-2.0/gio-querymodules $L/gio/modules
[ ! -x $L/gdk-pixbuf-2.0/gdk-pixbuf-query-loaders ] || $L/gdk-pixbuf-2.0/gdk-pixbuf-query-loaders --update-cache
[ ! -x $L/libgtk-3-0/gtk-query-immodules-3.0 ] || $L/libgtk-3-0/gtk-query-immodules-3.0 --update-cache
if command -v gtk-update-icon-cache >/dev/null; then
  for d in /usr/share/icons/*/; do
    [ ! -f "$d/index.theme" ] || gtk-update-icon-cache -q -f -t "$d"
  done
fi
[ ! -x /usr/bin/update-mime-database ] || update-mime-database /usr/share/mime
"""
    subprocess.run(
        ["bwrap", "--bind", files, "/usr",
         "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
         "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
         "--ro-bind", os.path.join(files, "etc"), "/etc",
         "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
         "--setenv", "PATH", "/usr/bin:/usr/sbin",
         "--setenv", "LD_LIBRARY_PATH", f"/usr/lib/{ma}:/usr/lib",
         "/bin/sh", "-c", script], check=True)


def make_runtime(top, ident, pkgs, db, arch):
    files = os.path.join(top, "files")
    os.makedirs(files)
    n = copy_packages(pkgs, db, files)
    add_alternatives(files)
    finish_tree(files)
    rebuild_caches(files)
    write_file(os.path.join(top, "metadata"),
               f"[Runtime]\nname={ident}\n"
               f"runtime={PLATFORM_ID}/{arch}/{BRANCH}\nsdk={SDK_ID}/{arch}/{BRANCH}\n")
    return n


# --- cache key, build, install ----------------------------------------------

def plan():
    db, providers = installed_packages()
    plat = closure(PLATFORM_PKGS, EXCLUDE, db, providers)
    sdk = closure(SDK_PKGS, SDK_EXCLUDE, db, providers)
    h = hashlib.sha256()
    with open(__file__, "rb") as f:
        h.update(f.read())
    for label, pkgs in (("platform", plat), ("sdk", sdk)):
        h.update(label.encode())
        for p in pkgs:
            h.update(f"{p}={db[p]['version']}\n".encode())
    h.update(subprocess.run(["flatpak", "--version"], capture_output=True, text=True).stdout.encode())
    return db, plat, sdk, h.hexdigest()


def flatpak(inst, *args, **kw):
    env = dict(os.environ, FLATPAK_USER_DIR=inst)
    return subprocess.run(["flatpak", "--user", *args], env=env, check=True, **kw)


def installed_refs(inst):
    if not os.path.isdir(inst):
        return set()
    env = dict(os.environ, FLATPAK_USER_DIR=inst)
    out = subprocess.run(["flatpak", "--user", "list", "--runtime", "--columns=ref"],
                         env=env, capture_output=True, text=True)
    return set(out.stdout.split())


def ensure(cache):
    db, plat, sdk, key = plan()
    arch = flatpak_arch()
    repo, inst, stamp = (os.path.join(cache, x) for x in ("repo", "installation", "key"))
    want = {f"{PLATFORM_ID}/{arch}/{BRANCH}", f"{SDK_ID}/{arch}/{BRANCH}"}
    try:
        with open(stamp) as f:
            cached = f.read().strip()
    except FileNotFoundError:
        cached = None
    if cached == key and want <= installed_refs(inst):
        log(f"reusing {cache} ({len(plat)} Platform and {len(sdk)} Sdk packages)")
        return
    log(f"building in {cache}: {len(plat)} Platform and {len(sdk)} Sdk packages"
        + (" (the package set changed)" if cached else ""))
    os.makedirs(cache, exist_ok=True)
    for d in (repo, inst, stamp):
        if os.path.isdir(d):
            shutil.rmtree(d)
        elif os.path.exists(d):
            os.unlink(d)
    t0 = time.monotonic()
    # an uncompressed repository: committing to it takes half the time of
    # an archive one (it stays, as the origin of the installed runtimes)
    subprocess.run(["ostree", "init", "--mode=bare-user-only", f"--repo={repo}"], check=True)
    with tempfile.TemporaryDirectory(dir=cache, prefix="tree-") as tmp:
        for ident, pkgs in ((PLATFORM_ID, plat), (SDK_ID, sdk)):
            top = os.path.join(tmp, ident)
            n = make_runtime(top, ident, pkgs, db, arch)
            log(f"{ident}: {n} files copied ({time.monotonic() - t0:.0f}s); committing")
            subprocess.run(["flatpak", "build-export", "--files=files", "--disable-sandbox",
                            "--no-update-summary", repo, top, BRANCH],
                           check=True, stdout=subprocess.DEVNULL)
            shutil.rmtree(top)
    subprocess.run(["flatpak", "build-update-repo", repo], check=True, stdout=subprocess.DEVNULL)
    log(f"committed ({time.monotonic() - t0:.0f}s); installing")
    flatpak(inst, "remote-add", "--if-not-exists", "--no-gpg-verify", REMOTE, "file://" + repo)
    flatpak(inst, "install", "-y", "--noninteractive", REMOTE, *sorted(want),
            stdout=subprocess.DEVNULL)
    with open(stamp, "w") as f:
        f.write(key + "\n")
    log(f"done ({time.monotonic() - t0:.0f}s)")


def main(argv):
    if len(argv) == 3 and argv[1] == "ensure":
        ensure(os.path.abspath(argv[2]))
    elif len(argv) == 2 and argv[1] == "key":
        _, plat, sdk, key = plan()
        print(key)
        print("platform:", " ".join(plat))
        print("sdk:", " ".join(sdk))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
