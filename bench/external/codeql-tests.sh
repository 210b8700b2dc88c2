#!/usr/bin/env bash
# Scores Bulwark's injection rules on the inline expectations of CodeQL's Python security query tests (see
# codeql_tests.py for the labels and what is left out).
# usage: bench/external/codeql-tests.sh SECURITY_DIR [BULWARK_BINARY] [-v]
#   SECURITY_DIR: python/ql/test/query-tests/Security of https://github.com/github/codeql, or some of its folders
#   (not part of this repository)
#   BULWARK_BINARY: publish Bulwark (NativeAOT, Release) when not given
#   -v: list every missed label and false alarm
# env: PYTHON (default python3). Prints a table per folder, then the overall figure last:
#   overall: TPR t FPR f (P positive, N negative labels in F folders)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
PYTHON=${PYTHON:-python3}
. "$here/common.sh"
parse_external_args codeql-tests.sh "bench/external/codeql-tests.sh SECURITY_DIR [BULWARK_BINARY] [-v]" "$@"
tests=$checkout
[ -d "$tests" ] || { echo "codeql-tests.sh: no directory $tests" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prepare_bulwark codeql-tests.sh "$work"
# The Python files alone, `test` in their names made `case`: Bulwark does not follow flows through test files.
mkdir -p "$work/suite"
(cd "$tests" && find . -type f -name '*.py' -print0) | while IFS= read -r -d '' f; do
  target="$work/suite/$(dirname "$f")/$(basename "$f" | sed 's/test/case/g')"
  mkdir -p "$(dirname "$target")"
  cp "$tests/$f" "$target"
done
(cd "$work/suite" && "$binary" scan . --select injection --format json -o "$work/report.json" --exit-zero > "$work/scan.log" 2>&1) \
  || { cat "$work/scan.log" >&2; exit 1; }
"$PYTHON" "$here/codeql_tests.py" "$work/suite" "$work/report.json" "${verbose[@]}"
