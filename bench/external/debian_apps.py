#!/usr/bin/env python3
"""Scores Bulwark JSON reports of Debian-packaged web code against hand labels.

usage: debian_apps.py LABELS.tsv REPORTS_DIR [-v]

LABELS.tsv (bench/external/debian-apps.tsv): package, version, path, line, CWE, true|false, note. REPORTS_DIR holds
one report per package, `PACKAGE.json` (debian-apps.sh makes them). A positive label counts as reported when a
finding with its CWE starts on the line or has a flow step there; a negative one counts as a false alarm when such a
finding starts on the line. Findings on lines no label names are counted apart (the labels were made from what two
versions of Bulwark reported, so a new finding is one nobody has judged yet): -v lists them.

Prints, per package, true positives, false negatives, true negatives, false positives and unlabelled findings; the
last line is the pooled figure.
"""
import collections
import json
import os
import sys

import _common


def fail(message):
    _common.fail("debian_apps", message)


def main(argv):
    labels_path, reports, verbose = _common.two_paths("debian_apps", argv, "debian_apps.py LABELS.tsv REPORTS_DIR [-v]")
    labels = collections.defaultdict(list)
    for package, _, path, line, cwe, positive, _ in _common.read_labels("debian_apps", labels_path, "package, version"):
        labels[package].append((path, line, cwe, positive))
    packages = sorted(name[:-5] for name in os.listdir(reports) if name.endswith(".json"))
    if not packages:
        fail(f"no reports in {reports}")
    total = collections.Counter()
    notes = []
    print(f"{'package':32} {'TP':>4} {'FN':>4} {'TN':>4} {'FP':>4} {'unlabelled':>10}")
    for package in packages:
        with open(os.path.join(reports, package + ".json"), encoding="utf-8") as f:
            report = json.load(f)
        starts = collections.defaultdict(set)
        steps = collections.defaultdict(set)
        for finding in report["findings"]:
            cwe = int(finding.get("cwe") or 0)
            starts[(finding["location"]["path"], finding["location"]["startLine"])].add(cwe)
            for step in finding.get("flow") or []:
                steps[(step["location"]["path"], step["location"]["startLine"])].add(cwe)
        c = collections.Counter()
        named = set()
        for path, line, cwe, positive in labels.get(package, []):
            named.add((path, line, cwe))
            if positive:
                hit = cwe in starts[(path, line)] or cwe in steps[(path, line)]
                c["TP" if hit else "FN"] += 1
                if not hit:
                    notes.append(f"miss        {package} {path}:{line} CWE-{cwe}")
            else:
                hit = cwe in starts[(path, line)]
                c["FP" if hit else "TN"] += 1
                if hit:
                    notes.append(f"false alarm {package} {path}:{line} CWE-{cwe}")
        for (path, line), cwes in sorted(starts.items()):
            for cwe in sorted(cwes):
                if (path, line, cwe) not in named:
                    c["unlabelled"] += 1
                    notes.append(f"unlabelled  {package} {path}:{line} CWE-{cwe}")
        total.update(c)
        print(f"{package:32} {c['TP']:4} {c['FN']:4} {c['TN']:4} {c['FP']:4} {c['unlabelled']:10}")
    if verbose:
        for note in notes:
            print(note)
    positives, negatives = total["TP"] + total["FN"], total["TN"] + total["FP"]
    tpr = total["TP"] / positives if positives else 0.0
    fpr = total["FP"] / negatives if negatives else 0.0
    print(f"overall: TPR {tpr:.3f} FPR {fpr:.3f} ({positives} positive, {negatives} negative labels; {total['unlabelled']} findings on unlabelled lines)")


if __name__ == "__main__":
    main(sys.argv[1:])
