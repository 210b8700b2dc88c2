"""Reads and parses every file of a list with CPython's `ast.parse` (the floor bench/speed/micro.sh compares against).

  parse_all.py LIST      -> "parsed=N failed=M bytes=B"
"""
import ast
import sys
import warnings

warnings.simplefilter("ignore")  # invalid escape sequences and the like: CPython warns, we only parse
parsed = failed = size = 0
for path in open(sys.argv[1]).read().split("\n"):
    if not path:
        continue
    with open(path, "rb") as f:
        source = f.read()
    size += len(source)
    try:
        ast.parse(source, filename=path)
        parsed += 1
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        failed += 1
print(f"parsed={parsed} failed={failed} bytes={size}")
