"""Reads `bulwark debug ast --jsonl` lines on stdin, parses each file with this CPython's ast.parse and compares.

Prints one line per differing file, then a summary whose last line is the identical-dump percentage.
A file CPython rejects (SyntaxError, ValueError for null bytes, RecursionError, MemoryError) counts as rejected."""
import ast, json, sys, warnings

warnings.simplefilter("ignore")
sys.setrecursionlimit(10000)
total = same = accept_both = reject_both = 0
bulwark_only_reject = []
cpython_only_reject = []
dump_diff = []
detail = sys.argv[1] if len(sys.argv) > 1 else None
out = open(detail, "w", encoding="utf-8") if detail else None

for line in sys.stdin:
    rec = json.loads(line)
    path = rec["path"]
    total += 1
    try:
        with open(path, "rb") as f:
            src = f.read()
        tree = ast.parse(src)
        expected = ast.dump(tree, include_attributes=True)
        cerr = None
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError) as e:
        expected = None
        cerr = f"{type(e).__name__}: {e}"
    if expected is None and not rec["ok"]:
        reject_both += 1
        same += 1
    elif expected is None:
        cpython_only_reject.append(path)
        print(f"ACCEPTED-BUT-CPYTHON-REJECTS {path}: {cerr}")
    elif not rec["ok"]:
        bulwark_only_reject.append(path)
        print(f"REJECTED-BUT-CPYTHON-ACCEPTS {path}: {rec['error']}")
    else:
        accept_both += 1
        got = rec["dump"]
        if got == expected:
            same += 1
        else:
            i = 0
            n = min(len(got), len(expected))
            while i < n and got[i] == expected[i]:
                i += 1
            dump_diff.append(path)
            print(f"DUMP-DIFFERS {path} at {i}: cpython ...{expected[max(0,i-120):i+80]!r}")
            print(f"{'':13} bulwark ...{got[max(0,i-120):i+80]!r}")
            if out:
                out.write(path + "\n")

print(f"files={total} both-accept={accept_both} both-reject={reject_both} "
      f"rejected-only-by-bulwark={len(bulwark_only_reject)} accepted-only-by-bulwark={len(cpython_only_reject)} "
      f"dump-differs={len(dump_diff)}")
print(f"identical: {same}/{total} = {100.0 * same / max(total, 1):.3f}%")
