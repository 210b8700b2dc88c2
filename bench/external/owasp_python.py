#!/usr/bin/env python3
"""Scores a Bulwark JSON report against the OWASP Benchmark for Python's expected results.

usage: owasp_python.py SUITE_DIR REPORT.json [-v]

The suite (https://github.com/OWASP-Benchmark/BenchmarkPython) has one file per test case,
testcode/BenchmarkTestNNNNN.py, and expectedresults-*.csv saying for each case its category, whether it is a
real vulnerability and its CWE. A case counts as reported when the report has a finding in its file whose CWE is
one of the category's (a weak hash reported as CWE-327 or CWE-328 counts for `hash`, and so on), the way the
benchmark's own scorecards read a tool's results. Per category: true-positive rate, false-positive rate and their
difference (Youden's J, the benchmark's score). The last line is the mean J over categories, as the benchmark's
scorecard averages it, then the pooled rates.
"""
import collections
import csv
import glob
import os
import sys

import _common

# The CWEs a finding may carry to count for a category (the benchmark's CWE first).
ACCEPT = {
    "cmdi": {78, 77},
    "codeinj": {94, 95},
    "deserialization": {502},
    "hash": {328, 327, 916},
    "ldapi": {90},
    "pathtraver": {22, 23, 36},
    "redirect": {601},
    "securecookie": {614},
    "sqli": {89},
    "trustbound": {501},
    "weakrand": {330, 338},
    "xpathi": {643},
    "xss": {79, 80},
    "xxe": {611},
}


def fail(message):
    _common.fail("owasp_python", message)


def main(argv):
    suite, report, verbose = _common.arguments("owasp_python", argv, "owasp_python.py SUITE_DIR REPORT.json [-v]")
    expected = sorted(glob.glob(os.path.join(suite, "expectedresults-*.csv")))
    if not expected:
        fail(f"no expectedresults-*.csv in {suite}")

    cwes_by_case = collections.defaultdict(set)
    for finding in report["findings"]:
        name = os.path.basename(finding["location"]["path"])
        if name.startswith("BenchmarkTest") and name.endswith(".py") and finding.get("cwe"):
            cwes_by_case[name[:-3]].add(int(finding["cwe"]))

    counts = collections.defaultdict(lambda: [0, 0, 0, 0])  # TP FN TN FP
    misses = collections.defaultdict(list)
    with open(expected[-1], encoding="utf-8") as f:
        for row in csv.reader(f):
            if not row or row[0].startswith("#"):
                continue
            case, category, real = row[0].strip(), row[1].strip(), row[2].strip() == "true"
            if category not in ACCEPT:
                fail(f"unknown category {category!r} in {expected[-1]}")
            hit = bool(cwes_by_case.get(case, set()) & ACCEPT[category])
            c = counts[category]
            if real and hit:
                c[0] += 1
            elif real:
                c[1] += 1
                misses[category + " missed"].append(case)
            elif hit:
                c[3] += 1
                misses[category + " false alarm"].append(case)
            else:
                c[2] += 1

    print(f"{'category':16} {'TP':>4} {'FN':>4} {'TN':>4} {'FP':>4} {'TPR':>6} {'FPR':>6} {'J':>7}")
    scores = []
    total = [0, 0, 0, 0]
    for category in sorted(counts):
        tp, fn, tn, fp = counts[category]
        tpr = tp / (tp + fn) if tp + fn else 0.0
        fpr = fp / (fp + tn) if fp + tn else 0.0
        scores.append(tpr - fpr)
        total = [a + b for a, b in zip(total, counts[category])]
        print(f"{category:16} {tp:4} {fn:4} {tn:4} {fp:4} {tpr:6.3f} {fpr:6.3f} {tpr - fpr:+7.3f}")
    if verbose:
        for key in sorted(misses):
            print(f"{key}: {' '.join(misses[key])}")
    tp, fn, tn, fp = total
    print(f"overall: score {sum(scores) / len(scores):+.3f} (mean J over {len(scores)} categories); "
          f"TPR {tp / (tp + fn):.3f} FPR {fp / (fp + tn):.3f} ({tp + fn + tn + fp} cases)")


if __name__ == "__main__":
    main(sys.argv[1:])
