#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a copy of a Flatpak manifest that builds against the stand-in.

    rewrite-manifest.py MANIFEST OUT SDK_FILES_DIR

- the GNOME runtime and SDK become the stand-in's (org.local.*//bookworm);
- a module whose sources must be downloaded is dropped when the stand-in
  SDK already has what it builds (its pkg-config file is in SDK_FILES_DIR),
  and is an error otherwise: nothing can be downloaded here;
- relative source paths become absolute, so the copy can live anywhere.

Everything else (finish-args, add-extensions, cleanup, config-opts, the
app's own module) is kept as it is: that is what the test is about.
"""
import glob
import json
import os
import sys

STANDIN_RUNTIME = "org.local.Platform"
STANDIN_SDK = "org.local.Sdk"
STANDIN_BRANCH = "bookworm"

# A dropped module and the pkg-config name that says the stand-in has it.
PROVIDED = {
    "libpeas": "libpeas-1.0",
}

REMOTE_TYPES = {"archive", "git", "file", "bzr", "svn", "extra-data"}


def note(msg):
    print(f"# rewrite: {msg}", flush=True)


def is_remote(source):
    return isinstance(source, dict) and source.get("type") in REMOTE_TYPES and "url" in source


def absolutize(source, base):
    if not isinstance(source, dict):
        return os.path.join(base, source)   # a file of sources
    if "path" in source and not os.path.isabs(source["path"]):
        source["path"] = os.path.normpath(os.path.join(base, source["path"]))
    if "paths" in source:
        source["paths"] = [p if os.path.isabs(p) else os.path.normpath(os.path.join(base, p))
                           for p in source["paths"]]
    return source


def has_pc(sdk_files, name):
    return bool(glob.glob(os.path.join(sdk_files, "lib", "*", "pkgconfig", name + ".pc"))
                or glob.glob(os.path.join(sdk_files, "lib", "pkgconfig", name + ".pc"))
                or glob.glob(os.path.join(sdk_files, "share", "pkgconfig", name + ".pc")))


def rewrite_modules(modules, base, sdk_files):
    out = []
    for module in modules:
        if isinstance(module, str):
            path = module if os.path.isabs(module) else os.path.join(base, module)
            with open(path) as f:
                module = json.load(f)
            module_base = os.path.dirname(path)
        else:
            module_base = base
        name = module.get("name", "?")
        remote = [s for s in module.get("sources", []) if is_remote(s)]
        if remote:
            pc = PROVIDED.get(name)
            if pc is None or not has_pc(sdk_files, pc):
                raise SystemExit(f"rewrite: module {name} downloads {remote[0]['url']}, and the "
                                 "stand-in SDK does not provide it; nothing can be downloaded here")
            note(f"module {name} dropped: its sources are downloaded ({remote[0]['url']}); "
                 f"the stand-in SDK has {pc} from Debian's packages")
            continue
        module["sources"] = [absolutize(s, module_base) for s in module.get("sources", [])]
        if "modules" in module:
            module["modules"] = rewrite_modules(module["modules"], module_base, sdk_files)
        out.append(module)
    return out


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    src, dst, sdk_files = argv[1:]
    with open(src) as f:
        manifest = json.load(f)
    base = os.path.dirname(os.path.abspath(src))

    if manifest.get("runtime", "").startswith("org.gnome."):
        note(f"runtime {manifest['runtime']}//{manifest.get('runtime-version')} -> "
             f"{STANDIN_RUNTIME}//{STANDIN_BRANCH}")
        manifest["runtime"] = STANDIN_RUNTIME
        manifest["runtime-version"] = STANDIN_BRANCH
    sdk = manifest.get("sdk", "")
    if sdk.startswith("org.gnome."):
        # an extension names the SDK's branch itself: its runtime is the app
        new = STANDIN_SDK + (f"//{STANDIN_BRANCH}" if "//" in sdk else "")
        note(f"sdk {sdk} -> {new}")
        manifest["sdk"] = new
    for key in ("sdk-extensions", "add-build-extensions", "base", "base-version"):
        if key in manifest:
            note(f"{key} dropped: the stand-in has none")
            del manifest[key]

    manifest["modules"] = rewrite_modules(manifest["modules"], base, sdk_files)
    with open(dst, "w") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
