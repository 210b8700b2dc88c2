#!/usr/bin/env python3
"""Scores a Bulwark JSON report against the inline expectations of CodeQL's Python security query tests.

usage: codeql_tests.py SUITE_DIR REPORT.json [-v]

SUITE_DIR holds folders of https://github.com/github/codeql `python/ql/test/query-tests/Security/` (one per query,
`CWE-078-CommandInjection`…), copied by codeql-tests.sh with `test` in file names made `case` (Bulwark follows no
flow through test files, and most of these are named `test_*.py`). A comment on a line labels it:

- a flaw the query must report: `$ Alert` (also `Alert[py/full-ssrf]`), `result=BAD`, `NOT OK`, or a `MISSING:`
  alert the query itself misses;
- a look-alike that must not be reported: `OK` (without `NOT`), or a `SPURIOUS:` alert the query reports wrongly.

Left out: the folders of queries that are not taint flows from requests (ReDoS complexity of constant patterns,
cookies, crypto, stack traces…: see FOLDERS), `Alert[py/partial-ssrf]` (CodeQL's second SSRF query, a fixed host
with request data in the path, which Bulwark does not report: the request goes where the program said), sources
(`$ Source`), and lines whose only label is in a comment of their own (the next line carries the same label, unless
the file uses inline `$ Alert` expectations that say otherwise for that line). A
positive counts as reported when an injection-family finding starts on the line or up to four lines above it (the
label sits on the last line of a call spread over several); a negative counts as a false alarm when one starts on
the line itself. The per-folder table comes first, the pooled rates last.
"""
import collections
import os
import re
import sys

import _common

# The queries measured: taint flows from request data to a sink, by folder name prefix.
FOLDERS = ("CWE-022-PathInjection", "CWE-022-TarSlip", "CWE-074-TemplateInjection", "CWE-078-CommandInjection",
           "CWE-079-ReflectedXss", "CWE-089-SqlInjection", "CWE-089-SQLAlchemyTextClauseInjection",
           "CWE-090-LdapInjection", "CWE-094-CodeInjection", "CWE-113-HeaderInjection", "CWE-117-LogInjection",
           "CWE-502-UnsafeDeserialization", "CWE-601-UrlRedirect", "CWE-611-Xxe", "CWE-643-XPathInjection",
           "CWE-730-RegexInjection", "CWE-918-ServerSideRequestForgery")

POSITIVE = re.compile(r"\$\s*Alert(?!\[py/partial-ssrf\])|result=BAD|NOT OK|MISSING:\s*Alert")
NEGATIVE = re.compile(r"\bOK\b|SPURIOUS:")
INLINE = re.compile(r"\$\s*(SPURIOUS:\s*|MISSING:\s*)?Alert")


def labels(path):
    """(line, positive) for every labelled code line of a file."""
    out = []
    pending = None
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read().splitlines()
    # A file written with inline expectations (`$ Alert`) says on each code line whether an alert is expected there;
    # its prose comments (`# NOT OK -- user has full control` above a line that only creates a session) carry over to
    # the next code line only where those expectations agree.
    inline = any(INLINE.search(line.partition("#")[2]) for line in text)
    for number, line in enumerate(text, 1):
        code, _, comment = line.partition("#")
        if "$ Source" in comment or "MISSING: Source" in comment:
            continue
        label = None
        if POSITIVE.search(comment) and "SPURIOUS" not in comment:
            label = True
        elif NEGATIVE.search(comment) and "NOT OK" not in comment:
            label = False
        if not code.strip():
            pending = label if label is not None else pending
            continue
        if label is None:
            label, pending = pending, None
            if inline and label is not None and label != bool(INLINE.search(comment) and "SPURIOUS" not in comment):
                label = None
        else:
            pending = None
        if label is not None:
            out.append((number, label))
    return out


def main():
    suite, report, verbose = _common.arguments("codeql_tests.py", sys.argv[1:], "codeql_tests.py SUITE_DIR REPORT.json [-v]")
    found = collections.defaultdict(set)
    for finding in report["findings"]:
        if finding.get("family") == "injection":
            found[os.path.normpath(finding["location"]["path"])].add(finding["location"]["startLine"])
    counts = collections.OrderedDict()
    misses = []
    for folder in sorted(os.listdir(suite)):
        if not folder.startswith(FOLDERS):
            continue
        c = counts.setdefault(folder, collections.Counter())
        for directory, _, files in os.walk(os.path.join(suite, folder)):
            for name in sorted(files):
                if not name.endswith(".py"):
                    continue
                full = os.path.join(directory, name)
                relative = os.path.normpath(os.path.relpath(full, suite))
                lines = found.get(relative, set())
                for number, positive in labels(full):
                    if positive:
                        hit = any(n in lines for n in range(number - 4, number + 1))
                        c["TP" if hit else "FN"] += 1
                        if not hit:
                            misses.append(f"miss        {relative}:{number}")
                    else:
                        hit = number in lines
                        c["FP" if hit else "TN"] += 1
                        if hit:
                            misses.append(f"false alarm {relative}:{number}")
    if verbose:
        for m in misses:
            print(m)
    total = collections.Counter()
    print(f"{'folder':40} {'TP':>4} {'FN':>4} {'TN':>4} {'FP':>4}")
    for folder, c in counts.items():
        total.update(c)
        print(f"{folder:40} {c['TP']:4} {c['FN']:4} {c['TN']:4} {c['FP']:4}")
    positives, negatives = total["TP"] + total["FN"], total["TN"] + total["FP"]
    if positives + negatives == 0:
        _common.fail("codeql_tests.py", f"no labelled line in {suite} (copy folders of python/ql/test/query-tests/Security)")
    tpr = total["TP"] / positives if positives else 0.0
    fpr = total["FP"] / negatives if negatives else 0.0
    print(f"overall: TPR {tpr:.3f} FPR {fpr:.3f} ({positives} positive, {negatives} negative labels in {len(counts)} folders)")


if __name__ == "__main__":
    main()
