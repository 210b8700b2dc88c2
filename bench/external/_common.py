"""Shared by the scorers in bench/external: one-line errors, arguments, the report."""
import json
import sys


def fail(script, message):
    print(f"{script}: {message}", file=sys.stderr)
    sys.exit(2)


def arguments(script, argv, usage):
    """`SUITE REPORT [-v]`: the suite, the report (a Bulwark JSON report, read) and whether -v was given."""
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    if len(args) != 2:
        fail(script, f"usage: {usage}")
    suite, report_path = args
    try:
        with open(report_path, encoding="utf-8") as f:
            report = json.load(f)
    except (OSError, ValueError) as e:
        fail(script, f"cannot read {report_path}: {e}")
    if not isinstance(report, dict) or "findings" not in report:
        fail(script, f"{report_path} is not a Bulwark JSON report")
    return suite, report, verbose
