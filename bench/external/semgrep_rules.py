#!/usr/bin/env python3
"""Scores a Bulwark JSON report against the labelled test files of Semgrep's Flask and Django injection rules.

usage: semgrep_rules.py SUITE_DIR REPORT.json [-v]

SUITE_DIR holds the `flask/` and `django/` folders of https://github.com/semgrep/semgrep-rules (python/), scanned
without their .yaml rule files. In those test files `# ruleid: RULE` (or `# todoruleid: RULE`, a flaw the rule
misses) above a line says the line is a real flaw, and `# ok: RULE` (or `# todook: RULE`, one it reports wrongly)
that it is not. The weakness comes from the test
file's path (`sql` is CWE-89, `subprocess`/`command` CWE-78, `open-redirect` CWE-601…); files of other weaknesses
(CSV injection, mass assignment, e-mail…) are left out. Only the injection family is scanned (the Bandit-compatible
rules report any `subprocess` call under CWE-78, whatever its argument). A label counts as reported when a finding with that CWE
starts on the labelled line or has a flow step there: Semgrep labels the line a match starts, which for its
source-to-sink rules is often where the request data is read, not where it is used.

The figures are indicative, not a benchmark in the strict sense: many of those rules are patterns (any formatted
string passed to `execute`), and their test files are often not valid programs (models used without importing
them, `request.get(...)`), so a taint analysis cannot reach some positives by design. The last line is the pooled
true-positive and false-positive rates.
"""
import collections
import os
import re
import sys

import _common

WEAKNESSES = [
    ("sql", {89}), ("subprocess", {78, 77}), ("command", {78, 77}), ("os-system", {78}), ("system", {78}),
    ("html", {79}), ("reflected", {79}), ("url-host", {918}), ("ssrf", {918}), ("redirect", {601}),
    ("path-traversal", {22}), ("fileresponse", {22}), ("request-data-write", {22}), ("/code/", {94, 95}),
    ("eval", {94, 95}), ("exec", {94, 95}), ("pickle", {502}), ("yaml", {502}), ("deserial", {502}),
]
LABEL = re.compile(r"\s*#\s*(ruleid|ok|todoruleid|todook):")


def fail(message):
    _common.fail("semgrep_rules", message)


def weakness(path):
    p = path.lower()
    for key, cwes in WEAKNESSES:
        if key in p:
            return key, cwes
    return None


def main(argv):
    root, report, verbose = _common.arguments("semgrep_rules", argv, "semgrep_rules.py SUITE_DIR REPORT.json [-v]")
    lines_by_file = collections.defaultdict(list)
    for finding in report.get("findings", []):
        spots = {finding["location"]["startLine"]} | {s["location"]["startLine"] for s in finding.get("flow") or []}
        lines_by_file[os.path.normpath(finding["location"]["path"])].append((int(finding.get("cwe") or 0), spots))

    counts = collections.defaultdict(lambda: [0, 0, 0, 0])  # TP FN TN FP
    misses = []
    for folder, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            if not name.endswith(".py"):
                continue
            rel = os.path.relpath(os.path.join(folder, name), root)
            found = weakness(rel)
            if found is None:
                continue
            key, cwes = found
            text = open(os.path.join(root, rel), encoding="utf-8", errors="replace").read().splitlines()
            for i, line in enumerate(text):
                m = LABEL.match(line)
                if not m:
                    continue
                j = i + 1
                while j < len(text) and (not text[j].strip() or text[j].strip().startswith("#")):
                    j += 1
                labelled = j + 1
                hit = any(cwe in cwes and labelled in spots for cwe, spots in lines_by_file.get(os.path.normpath(rel), []))
                # `todoruleid`: a real flaw the Semgrep rule misses; `todook`: a safe line it reports.
                real = m.group(1) in ("ruleid", "todoruleid")
                c = counts[f"{rel.split(os.sep)[0]}:{key}"]
                if real and hit:
                    c[0] += 1
                elif real:
                    c[1] += 1
                    misses.append(f"missed {rel}:{labelled}")
                elif hit:
                    c[3] += 1
                    misses.append(f"false alarm {rel}:{labelled}")
                else:
                    c[2] += 1
    if not counts:
        fail(f"no labelled test files under {root} (expected flask/ and django/ of semgrep-rules/python)")
    print(f"{'framework:weakness':28} {'TP':>4} {'FN':>4} {'TN':>4} {'FP':>4}")
    total = [0, 0, 0, 0]
    for key in sorted(counts):
        c = counts[key]
        total = [a + b for a, b in zip(total, c)]
        print(f"{key:28} {c[0]:4} {c[1]:4} {c[2]:4} {c[3]:4}")
    if verbose:
        print("\n".join(misses))
    tp, fn, tn, fp = total
    print(f"overall: TPR {tp / max(1, tp + fn):.3f} FPR {fp / max(1, fp + tn):.3f} ({tp + fn} positive, {tn + fp} negative labels)")


if __name__ == "__main__":
    main(sys.argv[1:])
