#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes the seed corpora of the fuzz targets from the real documents and
# the real inputs:
#   corpus/document/   each document cut down to one calculator, the measures
#                      it cites and the document-wide charts: small files,
#                      so libFuzzer mutates them fast, yet every one valid
#   corpus/calc-args/  the hand-worked cases of tests/cases/, as command lines
#   corpus/field/      every distinct value those cases type, and the
#                      catalogue of docs/bad-input.md
# Files are named by the hash of their content: running it again adds what
# is new and changes nothing else. Usage: tests/fuzz/make-seeds.py
import glob
import hashlib
import json
import os
import re

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))


def write(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    d = os.path.join(here, "corpus", target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def cited_measures(obj, default):
    """The measures a calculator, its clauses and its $parameters need."""
    found = set()
    if isinstance(obj, dict):
        if "quote" in obj:
            found.add(obj.get("measure", default))
        for v in obj.values():
            found |= cited_measures(v, default)
    elif isinstance(obj, list):
        for v in obj:
            found |= cited_measures(v, default)
    return found


def excerpt(doc, calc):
    params = {p["id"]: m["id"] for m in doc["measures"] for p in m.get("parameters", [])}
    need = {calc["measure"]} | cited_measures(calc, calc["measure"])
    for expr in re.findall(r'"expr": "([^"]*)"', json.dumps(calc, ensure_ascii=False)):
        for p in re.findall(r"\$([A-Za-z0-9_-]+)", expr):
            need.add(params[p])
    for part in ("validity", "stacking"):
        if part in doc and "clause" in doc[part]:
            need.add(doc[part]["clause"].get("measure"))
    out = {k: v for k, v in doc.items() if k not in ("measures", "calculators", "charts")}
    out["measures"] = [m for m in doc["measures"] if m["id"] in need]
    for m in out["measures"]:
        m.pop("links", None)
    out["calculators"] = [calc]
    out["charts"] = [c for c in doc.get("charts", [])
                     if c["kind"] in ("targets", "timeline", "units")
                     or (c["kind"] == "step" and c.get("calculator") == calc["id"])]
    return json.dumps(out, ensure_ascii=False, indent=1)


values = set()
for path in sorted(glob.glob(os.path.join(root, "plugins", "*", "data", "*.json"))):
    doc = json.load(open(path, encoding="utf-8"))
    calcs = doc.get("calculators", [])
    # the first, the largest and the last calculator: the shapes differ most
    picked = {c["id"]: c for c in [calcs[0], max(calcs, key=lambda c: len(json.dumps(c))), calcs[-1]]} if calcs else {}
    for c in picked.values():
        write("document", excerpt(doc, c))

    cases_path = os.path.join(root, "tests", "cases", doc["id"] + ".json")
    if not os.path.exists(cases_path):
        continue
    cases = json.load(open(cases_path, encoding="utf-8"))
    seen = set()
    for case in cases:
        for v in case.get("inputs", {}).values():
            values.add(str(v))
        # one command line per calculator and verdict: the shapes that differ
        key = (case["calculator"], json.dumps(case.get("expect", {}).get("verdict")),
               "error" in case.get("expect", {}))
        if key in seen:
            continue
        seen.add(key)
        lines = [doc["id"] + " " + case["calculator"]]
        if "as_of" in case:
            lines.append("--as-of=" + case["as_of"])
        if "issue_date" in case:
            lines.append("--issue-date=" + case["issue_date"])
        lines += [k + "=" + str(v) for k, v in case.get("inputs", {}).items()]
        write("calc-args", "\n".join(lines))

# what the catalogue of bad input types, besides what the cases type
values |= {"１２３", "１２３万", "150万", "1.5万元", "2亿", "一万", "1,234,567", "12,34", "1.234,5",
           "-5", "0", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
           "2.5", "3000万元", "7%", "７％", "2023-02-29", "1899-12-31", "2201-01-01",
           "yes", "否", "star", "", " ", "1e6", "0x10", "1/3", "+5", "--5", "5-"}
for v in sorted(values):
    write("field", v)
