#!/usr/bin/env python3
# Checks that every translatable string of the sources is translated in
# each catalogue of po/LINGUAS, with nothing fuzzy or untranslated, and
# that the catalogues compile.
import os
import re
import subprocess
import sys
import tempfile

root = sys.argv[1]
po_dir = os.path.join(root, "po")
files = [l.strip() for l in open(os.path.join(po_dir, "POTFILES.in")) if l.strip() and not l.startswith("#")]

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "all.pot")
    # the keywords of GLib's preset, plus Name and Description for .plugin files
    subprocess.run(["xgettext", "--from-code=UTF-8", "--add-comments", "-o", pot, "--directory", root,
                    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
                    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
                    "--keyword=Name", "--keyword=Description", "--flag=N_:1:pass-c-format"] + files, check=True)
    wanted = set()
    for m in re.finditer(r'^msgid ((?:".*"\n)+)', open(pot, encoding="utf-8").read(), re.M):
        s = "".join(re.findall(r'"(.*)"', m.group(1)))
        if s:
            wanted.add(s)

failed = False
for lang in open(os.path.join(po_dir, "LINGUAS")).read().split():
    po = os.path.join(po_dir, lang + ".po")
    out = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po],
                         capture_output=True, text=True)
    stats = out.stderr.strip()
    print(f"{lang}: {stats}")
    if out.returncode != 0 or "untranslated" in stats or "fuzzy" in stats:
        print(f"{lang}: the catalogue does not compile cleanly or is incomplete")
        failed = True
    text = open(po, encoding="utf-8").read()
    have = set()
    for m in re.finditer(r'^msgid ((?:".*"\n)+)(?:msgid_plural (?:".*"\n)+)?msgstr(?:\[0\])? ((?:".*"\n)+)', text, re.M):
        msgid = "".join(re.findall(r'"(.*)"', m.group(1)))
        msgstr = "".join(re.findall(r'"(.*)"', m.group(2)))
        if msgid and msgstr:
            have.add(msgid)
    missing = sorted(wanted - have)
    for s in missing:
        print(f"{lang}: not translated: {s!r}")
    failed |= bool(missing)

sys.exit(1 if failed else 0)
