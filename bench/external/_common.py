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


def read_labels(script, path, first_columns):
    """The rows of a hand-label file: `FIRST, SECOND, path, line, cwe, true|false, note` (tab-separated; `#` comments).

    Each row comes back as (first, second, path, line, cwe, positive, note); `first_columns` names the first two
    columns in the error a malformed row stops the run with.
    """
    labels = []
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip() or line.startswith("#"):
                    continue
                cells = line.rstrip("\n").split("\t")
                if len(cells) < 6 or cells[5] not in ("true", "false") or not cells[3].isdigit() or not cells[4].isdigit():
                    fail(script, f"{path}:{n}: expected {first_columns}, path, line, cwe, true|false, note")
                labels.append((cells[0], cells[1], cells[2], int(cells[3]), int(cells[4]), cells[5] == "true",
                               cells[6] if len(cells) > 6 else ""))
    except OSError as e:
        fail(script, f"cannot read {path}: {e}")
    return labels


def two_paths(script, argv, usage):
    """`FIRST SECOND [-v]`: the two paths and whether -v was given."""
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    if len(args) != 2:
        fail(script, f"usage: {usage}")
    return args[0], args[1], verbose
