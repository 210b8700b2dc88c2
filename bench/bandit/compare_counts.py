"""Runs `bulwark scan --profile bandit` on each example of the expectations TSV and compares per-file counts.

usage: compare_counts.py BULWARK_BINARY EXAMPLES_DIR EXPECTATIONS_TSV
Prints one line per example that differs (expected vs actual, and the rules Bulwark reported), then the figure
`matching N/M example runs` last.
"""
import collections
import json
import os
import subprocess
import sys
import tempfile

def toml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return "[" + ", ".join(json.dumps(x) for x in v) + "]"
    return json.dumps(v)


def run(binary, path, nosec, ignore, options):
    args = [binary, "scan", "--profile", "bandit", "--format", "json", "--no-progress", "--no-gitignore", "--exit-zero"]
    if nosec:
        args.append("--ignore-nosec")
    for rule in ignore:
        args += ["--ignore", rule]
    config = None
    if options:
        sections = collections.defaultdict(list)
        for key, v in options.items():
            rule, name = key.split(".", 1)
            sections[rule].append(f"{name} = {toml_value(v)}")
        fd, config = tempfile.mkstemp(suffix=".toml")
        with os.fdopen(fd, "w") as f:
            for rule, lines in sections.items():
                f.write(f"[rule-options.{rule}]\n" + "\n".join(lines) + "\n")
        args += ["--config", config]
    else:
        args.append("--isolated")
    args.append(path)
    try:
        out = subprocess.run(args, capture_output=True, text=True, timeout=120)
    finally:
        if config:
            os.unlink(config)
    sev, conf, rules = collections.Counter(), collections.Counter(), collections.Counter()
    try:
        report = json.loads(out.stdout)
    except ValueError:
        print(f"  {path}: bulwark failed: {out.stderr.strip()[:200]}")
        return sev, conf, rules
    for finding in report.get("findings", []):
        sev[finding["severity"]] += 1
        conf[finding["confidence"]] += 1
        rules[finding["ruleId"]] += 1
    return sev, conf, rules


def main(binary, examples, tsv):
    total = matching = 0
    for row in open(tsv, encoding="utf-8"):
        if not row.strip() or row.startswith("#"):
            continue
        cols = row.rstrip("\n").split("\t")
        example, nosec = cols[0], cols[1] == "1"
        expected = [int(x) for x in cols[2:8]]
        ignore = [x for x in cols[8].split(",") if x] if len(cols) > 8 else []
        options = {}
        if len(cols) > 9 and cols[9]:
            for item in cols[9].split(";"):
                k, v = item.split("=", 1)
                options[k] = json.loads(v)
        path = os.path.join(examples, example)
        if not os.path.exists(path):
            continue
        sev, conf, rules = run(binary, path, nosec, ignore, options)
        actual = [sev["low"], sev["medium"], sev["high"] + sev["critical"], conf["low"], conf["medium"], conf["high"]]
        total += 1
        if actual == expected:
            matching += 1
        else:
            label = example + (" (--ignore-nosec)" if nosec else "") + (f" {options}" if options else "")
            print(f"DIFF {label}: expected sev L/M/H {expected[0:3]} conf {expected[3:6]}; "
                  f"bulwark sev {actual[0:3]} conf {actual[3:6]}; rules {dict(sorted(rules.items()))}")
    print(f"matching {matching}/{total} example runs")


if __name__ == "__main__":
    main(*sys.argv[1:4])
