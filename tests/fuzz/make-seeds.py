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
#   corpus/profile/    those cases as saved profiles, a few to a profile
#   corpus/batch-csv/  those cases as batch files, a document to a file
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


def profile_key(doc, calc_id, field_id):
    """The key a profile keeps a field's value under (pe_profile_key_for_field)."""
    calc = next(c for c in doc["calculators"] if c["id"] == calc_id)
    field = next((f for f in calc["fields"] if f["id"] == field_id), None)
    if field is not None and field.get("fact") and not field.get("fact_values"):
        return field["fact"]
    return "%s/%s/%s" % (doc["id"], calc_id, field_id)


def subject_of(doc, calc_id):
    calc = next(c for c in doc["calculators"] if c["id"] == calc_id)
    return "person" if calc.get("subject") == "person" else "enterprise"


def write_profiles(doc, cases):
    """Three cases to a profile, of one subject: small, yet the stacking of
    several calculators is in each."""
    by_subject = {}
    for case in cases:
        if case["calculator"] in [c["id"] for c in doc["calculators"]]:
            by_subject.setdefault(subject_of(doc, case["calculator"]), []).append(case)
    for subject, group in sorted(by_subject.items()):
        for start in range(0, min(len(group), 12), 3):
            chunk = group[start:start + 3]
            values = {}
            for case in chunk:
                for k, v in case.get("inputs", {}).items():
                    values[profile_key(doc, case["calculator"], k)] = str(v)
            profile = {"format": "policy-explorer-profile", "version": 1,
                       "name": "%s %d" % (doc["id"], start), "subject": subject,
                       "values": values}
            if "as_of" in chunk[0]:
                profile["as_of"] = chunk[0]["as_of"]
            if "issue_date" in chunk[0]:
                profile["issue_dates"] = {doc["id"]: chunk[0]["issue_date"]}
            write("profile", json.dumps(profile, ensure_ascii=False, indent=1))


def csv_cell(text):
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_batch(doc, cases):
    """Six cases of a document as rows of one batch file."""
    rows = [c for c in cases if c["calculator"] in [k["id"] for k in doc["calculators"]]][:6]
    if not rows:
        return
    keys = []
    for case in rows:
        for k in case.get("inputs", {}):
            key = profile_key(doc, case["calculator"], k)
            if key not in keys:
                keys.append(key)
    header = ["name", "subject", "as_of"] + keys
    lines = [",".join(csv_cell(h) for h in header)]
    for i, case in enumerate(rows):
        cells = {profile_key(doc, case["calculator"], k): str(v) for k, v in case.get("inputs", {}).items()}
        line = ["row %d" % i, subject_of(doc, case["calculator"]), case.get("as_of", "")]
        line += [cells.get(k, "") for k in keys]
        lines.append(",".join(csv_cell(c) for c in line))
    write("batch-csv", "\r\n".join(lines) + "\r\n")


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
    write_profiles(doc, cases)
    write_batch(doc, cases)
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
