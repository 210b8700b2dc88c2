#!/usr/bin/env python3
"""Per-rule count table: Bandit's JSON report next to Bulwark's (`--profile bandit`) for one corpus.

usage: corpus_table.py NAME BANDIT_JSON BANDIT_SECONDS BANDIT_STDERR BULWARK_JSON BULWARK_SECONDS [TOTALS_TSV]

Prints a Markdown table (rule | Bandit | Bulwark | difference) and the corpus figures. With TOTALS_TSV,
appends one line of per-corpus totals to it so the shell driver can print the overall line last.
"""
import json
import re
import sys
from collections import Counter


def rule_key(rule_id):
    # B101 < B324 < B610: sort by the number so families stay together
    m = re.match(r"([A-Z]+)(\d+)", rule_id)
    return (m.group(1), int(m.group(2))) if m else (rule_id, 0)


def main(argv):
    if len(argv) not in (7, 8):
        sys.exit(__doc__.strip().splitlines()[2])
    name, bandit_json, bandit_s, bandit_err, bulwark_json, bulwark_s = argv[1:7]
    bandit_s, bulwark_s = float(bandit_s), float(bulwark_s)

    with open(bandit_json, encoding="utf-8") as f:
        bandit = json.load(f)
    with open(bulwark_json, encoding="utf-8") as f:
        bulwark = json.load(f)

    bandit_counts = Counter(r["test_id"] for r in bandit.get("results", []))
    bulwark_counts = Counter(f["ruleId"] for f in bulwark["findings"])
    # Bandit's `metrics` has one entry per file it opened plus `_totals`.
    bandit_files = sum(1 for k in bandit.get("metrics", {}) if k != "_totals")
    bandit_errors = bandit.get("errors", [])
    unparsed = sum(1 for e in bandit_errors if "syntax error" in e.get("reason", "") or "parsing" in e.get("reason", ""))
    # A crash inside a Bandit plugin is logged on stderr with a traceback, not in the report.
    try:
        with open(bandit_err, encoding="utf-8", errors="replace") as f:
            stderr_errors = f.read().count("Traceback (most recent call last)")
    except OSError:
        stderr_errors = 0

    print(f"## {name}")
    print()
    print("| Rule | Bandit 1.6.2 | Bulwark --profile bandit | Difference |")
    print("|---|---:|---:|---:|")
    for rule in sorted(set(bandit_counts) | set(bulwark_counts), key=rule_key):
        b, w = bandit_counts.get(rule, 0), bulwark_counts.get(rule, 0)
        print(f"| {rule} | {b} | {w} | {w - b:+d} |")
    tb, tw = sum(bandit_counts.values()), sum(bulwark_counts.values())
    print(f"| **total** | **{tb}** | **{tw}** | **{tw - tb:+d}** |")
    print()
    print(f"- files scanned: Bandit {bandit_files}, Bulwark {bulwark['summary']['filesScanned']}")
    print(f"- files Bandit 1.6.2 could not parse: {unparsed} (report errors: {len(bandit_errors)}, "
          f"plugin crashes logged on stderr: {stderr_errors})")
    ratio = bandit_s / bulwark_s if bulwark_s > 0 else float("inf")
    print(f"- wall time: Bandit {bandit_s:.1f} s, Bulwark {bulwark_s:.1f} s (Bulwark {ratio:.1f}x faster)")
    print()

    if len(argv) == 8:
        with open(argv[7], "a", encoding="utf-8") as f:
            f.write(f"{name}\t{tb}\t{tw}\t{bandit_s}\t{bulwark_s}\n")


if __name__ == "__main__":
    main(sys.argv)
