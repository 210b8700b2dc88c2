"""Scores a Bulwark JSON report (or a Bandit JSON report) against the labelled taint suite.

usage: score.py [-v] --suite DIR (--bulwark REPORT | --bandit REPORT | --patterns REPORT)
       score.py --suite DIR --check        (validate the suite, print case counts)

Labels are inline comments on the first line of a sink call:
    # expect: CWE-89            a finding with this CWE must be reported on this line
    # safe: CWE-89              a finding with this CWE must NOT be reported on this line
    # expect-low: CWE-78        a lower-trust source (os.environ): reported or not, it is not scored
Several labels share one comment, comma-separated: `# expect: CWE-79, safe: CWE-89`.
Standard library only; runs on Python 3.8+.
"""

import argparse
import collections
import io
import json
import os
import re
import sys
import tokenize

CWE_NAMES = {
    22: "path traversal",
    78: "OS command",
    79: "reflected XSS",
    89: "SQL injection",
    90: "LDAP injection",
    94: "code injection",
    113: "header injection",
    117: "log injection",
    501: "trust boundary",
    502: "deserialisation",
    601: "open redirect",
    611: "XXE",
    643: "XPath injection",
    918: "SSRF",
    1336: "template injection",
}

# CWE-95 (eval injection) is scored as CWE-94 (code injection): engines report either for eval/exec.
CWE_ALIASES = {95: 94}

# Bandit test ids scored as a claim of the weakness on the line Bandit reports. Bandit has no taint
# analysis, so each id stands for "this sink is dangerous here". Ids that do not describe an injection
# sink are left out: imports (B4xx), B103/B108 (permissions, temp files), B113 (timeouts), B201
# (debug mode), B701 (see below).
BANDIT_CWE = {
    # SQL: string-built SQL and Django's raw SQL APIs.
    "B608": 89, "B610": 89, "B611": 89,
    # OS command: shell=True anywhere, os.system/popen (B605), os.exec*/spawn* without a shell (B606),
    # wildcards in shell commands (B609). B603 (subprocess without a shell) and B607 (partial
    # executable path) are counted too: Bandit reports them as "possible execution of untrusted input".
    "B602": 78, "B603": 78, "B604": 78, "B605": 78, "B606": 78, "B607": 78, "B609": 78,
    # Code: eval (B307), exec (B102).
    "B307": 94, "B102": 94,
    # Deserialisation: pickle/dill/shelve/jsonpickle calls (B301), marshal (B302), yaml.load (B506).
    "B301": 502, "B302": 502, "B506": 502,
    # XSS: mark_safe (B308 blacklist, B703), Markup (B704). B701 (Jinja2 autoescape=False) is left out:
    # it flags the Environment construction, which is never the line where tainted HTML leaves the app.
    "B308": 79, "B703": 79, "B704": 79,
    # SSRF: B310 (urllib urlopen with any scheme) is Bandit's only URL-fetch check.
    "B310": 918,
    # XXE: the xml.* / lxml parse-call blacklist (B313-B320).
    "B313": 611, "B314": 611, "B315": 611, "B316": 611, "B317": 611, "B318": 611, "B319": 611, "B320": 611,
    # Path traversal: tarfile extraction without member checks (Bandit 1.7.5+).
    "B202": 22,
}

LABEL_ITEM = re.compile(r"^(expect|expect-low|safe)\s*:\s*CWE-(\d+)$")
LABEL_HINT = re.compile(r"^#\s*(expect|expect-low|safe)\b")


class SuiteError(Exception):
    pass


def cwe_class(cwe):
    return CWE_ALIASES.get(cwe, cwe)


def parse_label_comment(text, where):
    """Labels in one comment token, or [] when the comment is not a label comment."""
    if not LABEL_HINT.match(text):
        return []
    body = text[1:].strip()
    out = []
    kind = None
    for raw in body.split(","):
        item = raw.strip()
        m = LABEL_ITEM.match(item)
        if m:
            kind = m.group(1)
            out.append((kind, int(m.group(2))))
        elif kind and re.fullmatch(r"CWE-\d+", item):
            out.append((kind, int(item[4:])))
        else:
            raise SuiteError(f"{where}: malformed label {text!r}")
    return out


def read_labels(path, rel):
    """{line: {cwe_class: kind}} for one Python file."""
    labels = {}
    with open(path, "rb") as fh:
        data = fh.read()
    try:
        tokens = list(tokenize.tokenize(io.BytesIO(data).readline))
    except (tokenize.TokenError, SyntaxError) as exc:
        raise SuiteError(f"{rel}: cannot tokenize: {exc}")
    for tok in tokens:
        if tok.type != tokenize.COMMENT:
            continue
        line = tok.start[0]
        for kind, cwe in parse_label_comment(tok.string, f"{rel}:{line}"):
            c = cwe_class(cwe)
            if c not in CWE_NAMES:
                raise SuiteError(f"{rel}:{line}: CWE-{cwe} is not a weakness class of this suite")
            slot = labels.setdefault(line, {})
            if c in slot and slot[c] != kind:
                raise SuiteError(f"{rel}:{line}: CWE-{cwe} labelled both {slot[c]} and {kind}")
            slot[c] = kind
    return labels


class Suite:
    def __init__(self, root):
        self.root = os.path.abspath(root)
        self.cases = {}  # case dir (relative) -> description
        self.labels = {}  # (file, line) -> {cwe: kind}
        self.case_labels = collections.defaultdict(list)  # case dir -> [(file, line, cwe, kind)]
        if not os.path.isdir(self.root):
            raise SuiteError(f"no suite directory at {root}")
        for fw in sorted(os.listdir(self.root)):
            fdir = os.path.join(self.root, fw)
            if not os.path.isdir(fdir):
                continue
            for case in sorted(os.listdir(fdir)):
                cdir = os.path.join(fdir, case)
                if not os.path.isdir(cdir):
                    continue
                rel_case = f"{fw}/{case}"
                txt = os.path.join(cdir, "case.txt")
                if not os.path.isfile(txt):
                    raise SuiteError(f"{rel_case}: no case.txt")
                with open(txt, encoding="utf-8") as fh:
                    lines = [l for l in fh.read().splitlines() if l.strip()]
                if len(lines) != 1:
                    raise SuiteError(f"{rel_case}/case.txt: must be exactly one line")
                self.cases[rel_case] = lines[0].strip()
                pys = sorted(n for n in os.listdir(cdir) if n.endswith(".py"))
                if not 1 <= len(pys) <= 4:
                    raise SuiteError(f"{rel_case}: has {len(pys)} .py files (1-4 allowed)")
                for name in pys:
                    rel = f"{rel_case}/{name}"
                    for line, cwes in read_labels(os.path.join(cdir, name), rel).items():
                        self.labels[(rel, line)] = cwes
                        for cwe, kind in cwes.items():
                            self.case_labels[rel_case].append((rel, line, cwe, kind))
                if not self.case_labels[rel_case]:
                    raise SuiteError(f"{rel_case}: no labels")
        if not self.cases:
            raise SuiteError(f"no cases under {root}")

    def case_of(self, rel_file):
        return "/".join(rel_file.split("/")[:2])


def load_json(path, what):
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except OSError as exc:
        raise SuiteError(f"cannot read the {what} report {path}: {exc.strerror}")
    except ValueError as exc:
        raise SuiteError(f"the {what} report {path} is not JSON: {exc}")


def bulwark_findings(report_path, suite):
    """{(file, line, cwe_class)} reported by Bulwark's injection family, files relative to the suite."""
    doc = load_json(report_path, "Bulwark")
    if not isinstance(doc, dict) or doc.get("schemaVersion") != 1 or not isinstance(doc.get("findings"), list):
        raise SuiteError(f"{report_path}: not a Bulwark JSON report (schemaVersion 1)")
    root = doc.get("root") or suite.root
    out = set()
    for f in doc["findings"]:
        if f.get("family") != "injection" or f.get("cwe") is None:
            continue
        loc = f.get("location") or {}
        rel = os.path.relpath(os.path.join(root, loc.get("path", "")), suite.root).replace(os.sep, "/")
        out.add((rel, int(loc.get("startLine", 0)), cwe_class(int(f["cwe"]))))
    return out


def pattern_findings(report_path, suite):
    """Bulwark findings of Bandit-compatible rules (e.g. a `--profile bandit` scan), mapped like Bandit's ids."""
    doc = load_json(report_path, "Bulwark")
    if not isinstance(doc, dict) or doc.get("schemaVersion") != 1 or not isinstance(doc.get("findings"), list):
        raise SuiteError(f"{report_path}: not a Bulwark JSON report (schemaVersion 1)")
    root = doc.get("root") or suite.root
    out = set()
    for f in doc["findings"]:
        cwe = BANDIT_CWE.get(f.get("ruleId"))
        if cwe is None:
            continue
        loc = f.get("location") or {}
        rel = os.path.relpath(os.path.join(root, loc.get("path", "")), suite.root).replace(os.sep, "/")
        out.add((rel, int(loc.get("startLine", 0)), cwe))
    return out


def bandit_findings(report_path, suite):
    doc = load_json(report_path, "Bandit")
    if not isinstance(doc, dict) or not isinstance(doc.get("results"), list):
        raise SuiteError(f"{report_path}: not a Bandit JSON report")
    out = set()
    for r in doc["results"]:
        cwe = BANDIT_CWE.get(r.get("test_id"))
        if cwe is None:
            continue
        rel = os.path.relpath(os.path.abspath(r["filename"]), suite.root).replace(os.sep, "/")
        out.add((rel, int(r["line_number"]), cwe))
    return out


class Tally:
    __slots__ = ("tp", "fn", "fp_safe", "fp_unlabelled", "tn")

    def __init__(self):
        self.tp = self.fn = self.fp_safe = self.fp_unlabelled = self.tn = 0

    @property
    def fp(self):
        return self.fp_safe + self.fp_unlabelled

    def rates(self):
        pos = self.tp + self.fn
        neg = self.fp + self.tn
        tpr = self.tp / pos if pos else 0.0
        fpr = self.fp / neg if neg else 0.0
        return tpr, fpr, tpr - fpr


def score(suite, reported):
    by_cwe = collections.defaultdict(Tally)
    by_fw = collections.defaultdict(Tally)
    total = Tally()
    misses, false_alarms, off_label, low = [], [], [], []
    for (rel, line), cwes in sorted(suite.labels.items()):
        fw = rel.split("/")[0]
        for cwe, kind in sorted(cwes.items()):
            hit = (rel, line, cwe) in reported
            if kind == "expect-low":
                low.append((rel, line, cwe, hit))
                continue
            for t in (by_cwe[cwe], by_fw[fw], total):
                if kind == "expect":
                    if hit:
                        t.tp += 1
                    else:
                        t.fn += 1
                elif hit:
                    t.fp_safe += 1
                else:
                    t.tn += 1
            if kind == "expect" and not hit:
                misses.append((rel, line, cwe))
            if kind == "safe" and hit:
                false_alarms.append((rel, line, cwe, "safe label"))
    for rel, line, cwe in sorted(reported):
        cwes = suite.labels.get((rel, line))
        if cwes is None:
            fw = rel.split("/")[0]
            for t in (by_cwe[cwe], by_fw[fw], total):
                t.fp_unlabelled += 1
            false_alarms.append((rel, line, cwe, "unlabelled line"))
        elif cwe not in cwes:
            off_label.append((rel, line, cwe))
    return by_cwe, by_fw, total, misses, false_alarms, off_label, low


def fmt_row(name, t, width):
    tpr, fpr, j = t.rates()
    return (f"{name:<{width}} {t.tp:>4} {t.fn:>4} {t.fp_safe:>5} {t.fp_unlabelled:>6} {t.tn:>4}"
            f"   {tpr:.3f} {fpr:.3f} {j:>6.3f}")


def print_table(title, rows, width):
    print(f"{title:<{width}} {'TP':>4} {'FN':>4} {'FP':>5} {'FP-unl':>6} {'TN':>4}   {'TPR':>5} {'FPR':>5} {'J':>6}")
    for name, t in rows:
        print(fmt_row(name, t, width))


def describe(suite, rel):
    return suite.cases.get(suite.case_of(rel), "")


def report(suite, reported, tool, verbose):
    by_cwe, by_fw, total, misses, false_alarms, off_label, low = score(suite, reported)
    n_labels = sum(len(c) for c in suite.labels.values())
    print(f"{tool} on {len(suite.cases)} cases, {n_labels} labels ({suite.root})")
    print()
    w = 26
    print_table("CWE", [(f"CWE-{c} {CWE_NAMES[c]}", by_cwe[c]) for c in sorted(by_cwe)], w)
    print()
    print_table("framework", [(fw, by_fw[fw]) for fw in sorted(by_fw)], w)
    print()
    print("FP counts safe labels reported (FP) plus findings on lines with no label (FP-unl); FPR uses both.")
    if low:
        print(f"expect-low (not scored): {sum(1 for *_, h in low if h)} of {len(low)} reported")
    if off_label:
        print(f"off-label (not scored): {len(off_label)} findings on labelled lines with a CWE the line does not label")
    if verbose:
        if misses:
            print("\nmisses (expected, not reported):")
            for rel, line, cwe in misses:
                print(f"  {rel}:{line} CWE-{cwe}  -- {describe(suite, rel)}")
        if false_alarms:
            print("\nfalse alarms:")
            for rel, line, cwe, why in false_alarms:
                print(f"  {rel}:{line} CWE-{cwe} ({why})  -- {describe(suite, rel)}")
        if off_label:
            print("\noff-label findings:")
            for rel, line, cwe in off_label:
                print(f"  {rel}:{line} CWE-{cwe}  -- {describe(suite, rel)}")
        if low:
            print("\nexpect-low labels:")
            for rel, line, cwe, hit in low:
                print(f"  {rel}:{line} CWE-{cwe} {'reported' if hit else 'not reported'}  -- {describe(suite, rel)}")
    tpr, fpr, j = total.rates()
    print()
    print(f"overall: TPR {tpr:.3f} FPR {fpr:.3f} J {j:.3f} ({len(suite.cases)} cases, {n_labels} labels)")


def counts(suite):
    """Case and label counts per framework and CWE (for the README)."""
    fws = sorted({c.split("/")[0] for c in suite.cases})
    per = collections.defaultdict(lambda: [0, 0])  # (fw, cwe) -> [expect, safe]
    case_count = collections.Counter(c.split("/")[0] for c in suite.cases)
    low = 0
    for (rel, _line), cwes in suite.labels.items():
        fw = rel.split("/")[0]
        for cwe, kind in cwes.items():
            if kind == "expect":
                per[(fw, cwe)][0] += 1
            elif kind == "safe":
                per[(fw, cwe)][1] += 1
            else:
                low += 1
    tp_cases = sum(1 for c, ls in suite.case_labels.items() if any(k == "expect" for *_, k in ls))
    print(f"{len(suite.cases)} cases ({tp_cases} with an expected finding, {len(suite.cases) - tp_cases} without one)")
    print("cases per framework: " + ", ".join(f"{fw} {case_count[fw]}" for fw in fws))
    print()
    head = "| CWE | " + " | ".join(fws) + " | total |"
    print(head)
    print("|" + "---|" * (len(fws) + 2))
    cwes = sorted({c for _, c in per})
    col_tot = collections.defaultdict(lambda: [0, 0])
    for cwe in cwes:
        cells, tot = [], [0, 0]
        for fw in fws:
            e, s = per.get((fw, cwe), [0, 0])
            cells.append(f"{e} / {s}" if e or s else "")
            tot[0] += e
            tot[1] += s
            col_tot[fw][0] += e
            col_tot[fw][1] += s
        print(f"| {cwe} {CWE_NAMES[cwe]} | " + " | ".join(cells) + f" | {tot[0]} / {tot[1]} |")
    all_e = sum(v[0] for v in col_tot.values())
    all_s = sum(v[1] for v in col_tot.values())
    print("| all | " + " | ".join(f"{col_tot[fw][0]} / {col_tot[fw][1]}" for fw in fws) + f" | {all_e} / {all_s} |")
    print(f"\n(expect / safe labels; {low} expect-low labels not scored)")


def main(argv):
    ap = argparse.ArgumentParser(description="Score a taint-analysis report against the labelled suite.")
    ap.add_argument("--suite", required=True)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--bulwark", metavar="REPORT")
    g.add_argument("--bandit", metavar="REPORT")
    g.add_argument("--patterns", metavar="REPORT", help="a Bulwark report scored by its Bandit-compatible rule ids")
    g.add_argument("--check", action="store_true", help="validate the suite and print case counts")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    try:
        suite = Suite(args.suite)
        if args.check:
            counts(suite)
            return 0
        if args.bulwark:
            report(suite, bulwark_findings(args.bulwark, suite), "Bulwark (injection family)", args.verbose)
        elif args.patterns:
            report(suite, pattern_findings(args.patterns, suite), "Bulwark --profile bandit (rule ids mapped to CWEs)", args.verbose)
        else:
            report(suite, bandit_findings(args.bandit, suite), "Bandit (test ids mapped to CWEs)", args.verbose)
    except SuiteError as exc:
        print(f"score: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, without a traceback at interpreter exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
