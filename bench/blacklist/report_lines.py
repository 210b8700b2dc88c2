"""Prints `DIR/path:line ID` for each finding of a Bulwark JSON report. usage: report_lines.py REPORT DIR"""
import json
import sys

report, root = sys.argv[1], sys.argv[2]
for finding in json.load(open(report, encoding="utf-8"))["findings"]:
    location = finding["location"]
    print(f"{root}/{location['path']}:{location['startLine']} {finding['ruleId']}")
