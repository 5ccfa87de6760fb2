#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes N synthetic plugins, built against the build tree, for benchmarks.

    bench/make-plugins.py --count 200 --out DIR [--build _build]

Each plugin is a data-only plugin made as the real ones are (a .plugin
file, and a module with its document compiled into a GResource), with its
own document id: the document of a real plugin under another id and title,
so that it loads, searches and draws like a real one. DIR can then be put
on POLICY_EXPLORER_PLUGIN_PATH. Nothing here is installed or shipped.

A DIR already holding the same plugins, built from the same sources, is
left as it is.
"""
import argparse
import concurrent.futures
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)
PREFIX = "/io/github/policyexplorer/PolicyExplorer/plugins/"

GRESOURCE_XML = """<?xml version="1.0" encoding="UTF-8"?>
<gresources>
  <gresource prefix="{prefix}">
    <file compressed="true" alias="{name}.json">{name}.json</file>
  </gresource>
</gresources>
"""

PLUGIN_FILE = """[Plugin]
Module={name}
Loader=C
IAge=3
Name={title}
Description=A synthetic document for benchmarks, made from “{base}”
Authors=Policy Explorer benchmarks
X-Policy-Explorer-API=1
X-Policy-Explorer-Document={name}
X-Policy-Explorer-Order={order}
"""


def real_plugins(build):
    """The real plugins of the build tree: (name, document JSON path)."""
    names = []
    for entry in sorted(os.listdir(os.path.join(SOURCE, "plugins"))):
        data = os.path.join(SOURCE, "plugins", entry, "data", entry + ".json")
        if os.path.exists(data) and os.path.exists(os.path.join(build, "plugins", entry + ".plugin")):
            names.append((entry, data))
    if not names:
        sys.exit("make-plugins: no built plugins in %s/plugins: build first" % build)
    return names


def compile_flags(build):
    """The flags the build tree compiles and links its plugins with."""
    with open(os.path.join(build, "compile_commands.json")) as f:
        commands = json.load(f)
    for c in commands:
        if c["file"].endswith("plugins/common/pe-data-plugin.c"):
            args = shlex.split(c["command"])
            break
    else:
        sys.exit("make-plugins: %s has no plugin to learn the flags from" % build)
    cflags = []
    skip = False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MQ", "-c"):
            skip = True
            continue
        if a == "-MD" or a.startswith("-DPE_PLUGIN_RESOURCE=") or a.endswith(".c"):
            continue
        if a.startswith("-I") and not os.path.isabs(a[2:]):
            a = "-I" + os.path.normpath(os.path.join(build, a[2:]))
        cflags.append(a)
    core = os.path.join(build, "app", "core")
    libs = subprocess.check_output(["pkg-config", "--libs", "libpeas-1.0", "json-glib-1.0", "gio-2.0"],
                                   text=True).split()
    ldflags = ["-shared", "-L" + core, "-Wl,-rpath," + core, "-lpolicy-explorer-core-1"] + libs
    return args[0], cflags, ldflags


def stamp_of(count, build, bases):
    h = hashlib.sha256()
    h.update(str(count).encode())
    for path in [__file__, os.path.join(SOURCE, "plugins", "common", "pe-data-plugin.c")] + [d for _, d in bases]:
        with open(path, "rb") as f:
            h.update(f.read())
    core = os.path.join(build, "app", "core", "libpolicy-explorer-core-1.so")
    h.update(str(os.stat(core).st_mtime_ns if os.path.exists(core) else 0).encode())
    return h.hexdigest()


def make_one(i, base, out, cc, cflags, ldflags):
    base_name, base_data = base
    name = "synthetic-%03d" % i
    work = os.path.join(out, ".work", name)
    os.makedirs(work, exist_ok=True)
    with open(base_data, encoding="utf-8") as f:
        doc = json.load(f)
    doc["id"] = name
    for key in ("title", "short_title"):
        if isinstance(doc.get(key), dict):
            doc[key] = {lang: "%s (%d)" % (text, i) for lang, text in doc[key].items()}
    with open(os.path.join(work, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
    with open(os.path.join(work, name + ".gresource.xml"), "w") as f:
        f.write(GRESOURCE_XML.format(prefix=PREFIX + name, name=name))
    c_name = name.replace("-", "_")
    subprocess.check_call(["glib-compile-resources", "--generate-source", "--c-name", c_name,
                           "--sourcedir", work, "--target", os.path.join(work, "resources.c"),
                           os.path.join(work, name + ".gresource.xml")])
    resource = '-DPE_PLUGIN_RESOURCE="%s%s/%s.json"' % (PREFIX, name, name)
    objects = []
    for src, obj in ((os.path.join(SOURCE, "plugins", "common", "pe-data-plugin.c"), "plugin.o"),
                     (os.path.join(work, "resources.c"), "resources.o")):
        objects.append(os.path.join(work, obj))
        subprocess.check_call([cc] + cflags + [resource, "-c", src, "-o", objects[-1]])
    subprocess.check_call([cc] + objects + ["-o", os.path.join(out, "lib%s.so" % name)] + ldflags)
    with open(os.path.join(out, name + ".plugin"), "w", encoding="utf-8") as f:
        f.write(PLUGIN_FILE.format(name=name, title="Synthetic %d" % i, base=base_name, order=2000 + i))
    return name


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--count", type=int, required=True, help="how many plugins")
    p.add_argument("--out", required=True, help="the directory to write them to")
    p.add_argument("--build", default=os.path.join(SOURCE, "_build"), help="the build tree")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = p.parse_args()

    build = os.path.abspath(args.build)
    out = os.path.abspath(args.out)
    bases = real_plugins(build)
    stamp = stamp_of(args.count, build, bases)
    stamp_file = os.path.join(out, ".stamp")
    if os.path.exists(stamp_file) and open(stamp_file).read() == stamp:
        print(out)
        return
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    # the plugins are code a process loads: nobody else may write there
    os.chmod(out, 0o755)
    cc, cflags, ldflags = compile_flags(build)
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        jobs = [pool.submit(make_one, i, bases[i % len(bases)], out, cc, cflags, ldflags)
                for i in range(args.count)]
        for j in jobs:
            j.result()
    shutil.rmtree(os.path.join(out, ".work"))
    with open(stamp_file, "w") as f:
        f.write(stamp)
    print(out)


if __name__ == "__main__":
    main()
