#!/usr/bin/env bash
# Regenerates the parser golden files from CPython 3.13 (run once after adding a case; results are committed).
#   Golden/NAME.py         -> Golden/NAME.dump   ast.dump(ast.parse(bytes), include_attributes=True)
#   Golden/errors/NAME.py  -> Golden/errors/NAME.err   message, line, offset of the SyntaxError
# 3.14-only forms (tstrings.py, except_no_parens.py) cannot come from 3.13: their .dump files were checked by hand
# and are left alone.
set -euo pipefail
cd "$(dirname "$0")/../../tests/Bulwark.Python.Tests/Golden"
PYENV_VERSION=3.13.0 python - <<'PY'
import ast, glob, os
HAND_CHECKED = {"tstrings.py", "except_no_parens.py"}
for path in sorted(glob.glob("*.py")):
    if path in HAND_CHECKED:
        continue
    tree = ast.parse(open(path, "rb").read())
    with open(path[:-3] + ".dump", "w", encoding="utf-8", newline="\n") as f:
        f.write(ast.dump(tree, include_attributes=True) + "\n")
for path in sorted(glob.glob("errors/*.py")):
    try:
        ast.parse(open(path, "rb").read())
        raise SystemExit(f"{path}: CPython accepts it")
    except SyntaxError as e:
        with open(path[:-3] + ".err", "w", encoding="utf-8", newline="\n") as f:
            f.write(f"{e.msg}\n{e.lineno}\n{e.offset}\n")
print("ok")
PY
