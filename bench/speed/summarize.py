"""Helpers of bench/speed: count a tool's findings from its report, and print the timing table and ratios.

  summarize.py count bulwark|bandit REPORT      -> "findings<TAB>files<TAB>note"
  summarize.py count ruff "STDOUT LINE"         -> the same, from ruff-s.mjs's summary line
  summarize.py table TIMES.tsv COUNTS.tsv SIZES.tsv  -> per corpus: median and min-max of each measure; ratios;
                                                    the headline is the last line
"""
import json
import re
import statistics
import sys

TOOLS = [
    ("bulwark-code", "Bulwark --select code"),
    ("bulwark-bandit", "Bulwark code rules, --profile bandit"),
    ("bulwark-all", "Bulwark, all families + advisories"),
    ("bandit", "Bandit -r"),
    ("ruff-wasm", "Ruff S rules (WebAssembly)"),
]
LABEL = dict(TOOLS)


def count(tool, arg):
    if tool == "bulwark":
        s = json.load(open(arg))["summary"]
        return s["findings"], s["filesScanned"], f"{s['filesSkipped']} skipped"
    if tool == "bandit":
        d = json.load(open(arg))
        files = sum(1 for k in d.get("metrics", {}) if k != "_totals")
        return len(d["results"]), files, f"{len(d.get('errors', []))} errors"
    if tool == "ruff":
        m = dict(re.findall(r"([a-z-]+)=(\d+)", arg))
        return int(m["findings"]), int(m["files"]), f"{m['syntax-errors']} with syntax errors, {m['unreadable']} unreadable"
    raise SystemExit(f"unknown tool {tool}")


def spread(values, fmt):
    return f"{fmt(statistics.median(values))} ({fmt(min(values))}-{fmt(max(values))})"


def table(times_path, counts_path, sizes_path):
    times = {}
    for line in open(times_path):
        corpus, tool, _run, wall, user, sys_, rss = line.rstrip("\n").split("\t")
        t = times.setdefault(corpus, {}).setdefault(tool, {"wall": [], "cpu": [], "rss": []})
        t["wall"].append(float(wall))
        t["cpu"].append(float(user) + float(sys_))
        t["rss"].append(int(rss) / 1024)
    counts = {}
    for line in open(counts_path):
        corpus, tool, _run, findings, files, note = line.rstrip("\n").split("\t")
        counts.setdefault((corpus, tool), set()).add((int(findings), int(files), note))
    sizes = dict(line.rstrip("\n").split("\t", 1) for line in open(sizes_path))

    headline = []
    for corpus, tools in times.items():
        print(f"\n== {corpus}: {sizes.get(corpus, '?')}")
        print(f"{'tool':36} {'wall s':>20} {'CPU s (user+sys)':>20} {'peak RSS MB':>18}  findings / files")
        for tool, _ in TOOLS:
            if tool not in tools:
                continue
            t = tools[tool]
            c = counts.get((corpus, tool), set())
            found = "; ".join(f"{f} / {n} ({note})" for f, n, note in sorted(c)) or "?"
            if len(c) > 1:
                found += "  [DIFFERS between runs]"
            print(f"{LABEL[tool]:36} {spread(t['wall'], lambda v: f'{v:.2f}'):>20} "
                  f"{spread(t['cpu'], lambda v: f'{v:.2f}'):>20} {spread(t['rss'], lambda v: f'{v:.0f}'):>18}  {found}")
        ratios = []
        for mine, other in (("bulwark-code", "bandit"), ("bulwark-code", "ruff-wasm"), ("bulwark-bandit", "bandit")):
            if mine not in tools or other not in tools:
                continue
            base, o = tools[mine], tools[other]
            med = statistics.median(o["wall"]) / statistics.median(base["wall"])
            lo = min(o["wall"]) / max(base["wall"])
            hi = max(o["wall"]) / min(base["wall"])
            cpu = statistics.median(o["cpu"]) / statistics.median(base["cpu"])
            name = "Bandit" if other == "bandit" else "Ruff-wasm"
            which = "code rules" if mine == "bulwark-code" else "--profile bandit"
            print(f"ratio {name}/Bulwark ({which}): wall {med:.1f}x (range {lo:.1f}-{hi:.1f}x), CPU {cpu:.1f}x")
            if mine == "bulwark-code":
                ratios.append(f"{name}/Bulwark {med:.1f}x")
        if ratios:
            headline.append(f"{corpus} " + ", ".join(ratios))
    return headline


def main(argv):
    if len(argv) >= 3 and argv[0] == "count":
        findings, files, note = count(argv[1], argv[2])
        print(f"{findings}\t{files}\t{note}")
    elif len(argv) == 4 and argv[0] == "table":
        headline = table(*argv[1:])
        print()
        print("headline (median wall time, code-rule scan; targets: Bandit/Bulwark >= 100x, Ruff-wasm/Bulwark >= 3x): "
              + ("; ".join(headline) if headline else "no ratio (Bulwark's code-rule scan not measured)"))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
