#!/usr/bin/env python3
"""Scores Bulwark on hand-labelled lines of deliberately vulnerable open-source web applications.

usage: apps.py LABELS.tsv APPS_DIR [-v]

LABELS.tsv (bench/external/apps.tsv) has one label per line: repository, commit, path, line, CWE, true|false, note.
APPS_DIR holds one checkout per repository, named `owner+name`, each with a Bulwark JSON report of its default scan
at `owner+name.json` beside it (apps.sh makes both). A label counts as reported when a finding with its CWE starts
on the labelled line or has a flow step there (a flaw is often labelled where request data enters, a finding sits
at the sink). A label whose checkout is at another commit stops the run: lines move between commits.

Prints, per application and overall, true positives, false negatives, true negatives, false positives and the
rates; the last line is the pooled figure.
"""
import collections
import json
import os
import subprocess
import sys

import _common


def fail(message):
    _common.fail("apps", message)


def read_labels(path):
    return _common.read_labels("apps", path, "repo, commit")


def reported_lines(report):
    """(path, line) -> CWEs a finding starts there or passes through there with."""
    at = collections.defaultdict(set)
    for f in report["findings"]:
        cwe = f.get("cwe")
        if not cwe:
            continue
        places = [f["location"]] + [s["location"] for s in f.get("flow", [])]
        for p in places:
            at[(p["path"], p["startLine"])].add(cwe)
    return at


def main(argv):
    labels_path, apps, verbose = _common.two_paths("apps", argv, "apps.py LABELS.tsv APPS_DIR [-v]")
    labels = read_labels(labels_path)
    by_repo = collections.OrderedDict()
    for label in labels:
        by_repo.setdefault(label[0], []).append(label)
    totals = collections.Counter()
    print(f"{'application':34} {'TP':>3} {'FN':>3} {'TN':>3} {'FP':>3}")
    for repo, rows in by_repo.items():
        checkout = os.path.join(apps, repo.replace("/", "+"))
        commit = rows[0][1]
        try:
            head = subprocess.run(["git", "-C", checkout, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            fail(f"{checkout} is not a git checkout of {repo}")
        if head != commit:
            fail(f"{checkout} is at {head[:12]}, the labels are for {commit[:12]}")
        try:
            with open(checkout + ".json", encoding="utf-8") as f:
                report = json.load(f)
        except (OSError, ValueError) as e:
            fail(f"cannot read the report {checkout}.json: {e}")
        at = reported_lines(report)
        counts = collections.Counter()
        for _, _, path, line, cwe, positive, note in rows:
            hit = cwe in at.get((path, line), ())
            kind = ("TP" if hit else "FN") if positive else ("FP" if hit else "TN")
            counts[kind] += 1
            if verbose and kind in ("FN", "FP"):
                print(f"  {kind} {repo} {path}:{line} CWE-{cwe}: {note}")
        totals.update(counts)
        print(f"{repo:34} {counts['TP']:3} {counts['FN']:3} {counts['TN']:3} {counts['FP']:3}")
    positives = totals["TP"] + totals["FN"]
    negatives = totals["TN"] + totals["FP"]
    tpr = totals["TP"] / positives if positives else 0.0
    fpr = totals["FP"] / negatives if negatives else 0.0
    print(f"overall: TPR {tpr:.3f} FPR {fpr:.3f} ({positives} positive, {negatives} negative labels in {len(by_repo)} applications)")


if __name__ == "__main__":
    main(sys.argv[1:])
