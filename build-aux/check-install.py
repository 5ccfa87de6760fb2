#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Installs the build into a scratch DESTDIR and checks that everything is
where GNOME expects it, and that the installed files agree with each other.

    check-install.py BUILD_ROOT SOURCE_ROOT

Prints one TAP line per check.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

APP_ID = "io.github.policyexplorer.PolicyExplorer"

build, src = (os.path.abspath(a) for a in sys.argv[1:3])
results = []


def check(ok, what, detail=""):
    results.append(bool(ok))
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {what}" + (f" # {detail}" if detail and not ok else ""))
    return ok


def introspect(what):
    out = subprocess.run(["meson", "introspect", build, what], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


options = {o["name"]: o["value"] for o in introspect("--buildoptions")}
version = introspect("--projectinfo")["version"]
prefix = options["prefix"]
rel = {k: os.path.join(prefix, options[k]) if not os.path.isabs(options[k]) else options[k]
       for k in ("bindir", "libdir", "datadir", "localedir", "includedir")}
plugins = sorted(d for d in os.listdir(os.path.join(src, "plugins"))
                 if os.path.isfile(os.path.join(src, "plugins", d, d + ".plugin.desktop.in")))
linguas = open(os.path.join(src, "po", "LINGUAS")).read().split()

with tempfile.TemporaryDirectory() as dest:
    r = subprocess.run(["meson", "install", "-C", build, "--no-rebuild", "--destdir", dest],
                       capture_output=True, text=True)
    if not check(r.returncode == 0, "meson install --destdir", r.stderr[-2000:]):
        sys.exit(1)

    def at(*parts):
        return os.path.join(dest + parts[0], *parts[1:])

    bindir, libdir, datadir = (at(rel[k]) for k in ("bindir", "libdir", "datadir"))

    # --- binaries, libraries, plugins, SDK ------------------------------
    for exe in ("policy-explorer", "pex"):
        p = os.path.join(bindir, exe)
        check(os.path.isfile(p) and os.access(p, os.X_OK), f"bin/{exe} is installed and executable")
    for lib in ("policy-explorer-core-1", "policy-explorer-draw-1", "policy-explorer-gtk-1"):
        check(os.path.exists(os.path.join(libdir, f"lib{lib}.so")), f"lib{lib}.so in the libdir")
        check(os.path.exists(os.path.join(libdir, "pkgconfig", f"{lib}.pc")), f"{lib}.pc")
    for header in ("policy-explorer-core.h", "policy-explorer-draw.h", "policy-explorer-gtk.h"):
        check(os.path.isfile(os.path.join(at(rel["includedir"]), "policy-explorer-1", header)),
              f"{header} in include/policy-explorer-1")
    plugindir = os.path.join(libdir, "policy-explorer", "plugins")
    for name in plugins:
        check(os.path.isfile(os.path.join(plugindir, f"{name}.plugin"))
              and os.path.isfile(os.path.join(plugindir, f"lib{name}.so")),
              f"plugin {name}: {name}.plugin and lib{name}.so in lib/policy-explorer/plugins")
    if options.get("introspection"):
        for ns in ("Pe-1", "PeDraw-1", "PeGtk-1"):
            check(os.path.isfile(os.path.join(libdir, "girepository-1.0", f"{ns}.typelib"))
                  and os.path.isfile(os.path.join(datadir, "gir-1.0", f"{ns}.gir")),
                  f"{ns}.gir and {ns}.typelib")
    for lang in linguas:
        check(os.path.isfile(os.path.join(at(rel["localedir"]), lang, "LC_MESSAGES", "policy-explorer.mo")),
              f"the {lang} catalogue")

    # --- desktop integration ----------------------------------------------
    desktop = os.path.join(datadir, "applications", f"{APP_ID}.desktop")
    metainfo = os.path.join(datadir, "metainfo", f"{APP_ID}.metainfo.xml")
    schema = os.path.join(datadir, "glib-2.0", "schemas", f"{APP_ID}.gschema.xml")
    icon = os.path.join(datadir, "icons", "hicolor", "scalable", "apps", f"{APP_ID}.svg")
    symbolic = os.path.join(datadir, "icons", "hicolor", "symbolic", "apps", f"{APP_ID}-symbolic.svg")
    for path in (desktop, metainfo, schema, icon, symbolic):
        check(os.path.isfile(path), os.path.relpath(path, dest + prefix))

    entry = {}
    if os.path.isfile(desktop):
        section = None
        for line in open(desktop, encoding="utf-8"):
            line = line.strip()
            if line.startswith("["):
                section = line
            elif section == "[Desktop Entry]" and "=" in line:
                k, v = line.split("=", 1)
                entry[k] = v
        exe = entry.get("Exec", "").split()[0] if entry.get("Exec") else ""
        check(os.path.isfile(os.path.join(bindir, exe)), f"the desktop file's Exec ({exe}) is an installed binary")
        check(entry.get("Icon") == APP_ID, "the desktop file's Icon is the app id", entry.get("Icon", ""))
        check("Name[zh_CN]" in entry, "the desktop file is translated")
        r = subprocess.run(["desktop-file-validate", desktop], capture_output=True, text=True)
        check(r.returncode == 0 and not r.stdout.strip(), "desktop-file-validate: no error, warning or hint",
              r.stdout.strip())

    if os.path.isfile(metainfo):
        root = ET.parse(metainfo).getroot()
        check(root.findtext("id") == APP_ID, "the metainfo's id is the app id")
        launchable = root.find("launchable[@type='desktop-id']")
        check(launchable is not None and launchable.text == os.path.basename(desktop),
              "the metainfo launches the installed desktop file")
        check(root.find("description/p") is not None, "the metainfo has a description")
        shots = root.findall("screenshots/screenshot")
        check(shots and all(s.findtext("image", "").startswith("https://") for s in shots),
              "the metainfo has screenshots")
        check(root.find("content_rating[@type='oars-1.1']") is not None, "the metainfo has a content rating")
        releases = root.findall("releases/release")
        check(releases and releases[0].get("version") == version,
              f"the newest release in the metainfo is the project's version ({version})",
              releases[0].get("version") if releases else "no release")
        for b in root.findall("provides/binary"):
            check(os.path.isfile(os.path.join(bindir, b.text)), f"the metainfo's binary {b.text} is installed")
        r = subprocess.run(["appstreamcli", "validate", "--no-net", "--strict", metainfo],
                           capture_output=True, text=True)
        check(r.returncode == 0, "appstreamcli validate --strict", r.stdout.strip())
        if shutil.which("appstream-util"):
            r = subprocess.run(["appstream-util", "validate", "--nonet", metainfo], capture_output=True, text=True)
            check(r.returncode == 0, "appstream-util validate", r.stdout.strip())

    if os.path.isfile(schema):
        check(ET.parse(schema).getroot().find(f"schema[@id='{APP_ID}']") is not None,
              "the schema's id is the app id")
        r = subprocess.run(["glib-compile-schemas", "--strict", "--dry-run", os.path.dirname(schema)],
                           capture_output=True, text=True)
        check(r.returncode == 0 and not r.stderr.strip(), "glib-compile-schemas --strict on the installed schemas",
              r.stderr.strip())

    for path, size in ((icon, None), (symbolic, "16")):
        if os.path.isfile(path):
            svg = ET.parse(path).getroot()
            check(svg.tag.endswith("svg"), f"{os.path.basename(path)} is an SVG")
            if size:
                check(svg.get("width") == size and svg.get("height") == size,
                      f"{os.path.basename(path)} is {size}x{size}")

print(f"1..{len(results)}")
sys.exit(0 if all(results) else 1)
