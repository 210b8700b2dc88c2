#!/usr/bin/env bash
# Scores Bulwark on the OWASP Benchmark for Python, an external suite of 1,230 Flask test cases the team did not
# write (true and false positives for 14 categories), the way the benchmark's scorecards do.
# usage: bench/external/owasp-python.sh SUITE_DIR [BULWARK_BINARY] [-v]
#   SUITE_DIR: a checkout of https://github.com/OWASP-Benchmark/BenchmarkPython (not part of this repository)
#   BULWARK_BINARY: publish Bulwark (NativeAOT, Release) when not given
#   -v: list every missed case and false alarm by category
# env: PYTHON (default python3). Prints a table per category, then the overall figure last:
#   overall: score J (mean J over N categories); TPR t FPR f (M cases)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
PYTHON=${PYTHON:-python3}
. "$here/common.sh"
parse_external_args owasp-python.sh "bench/external/owasp-python.sh SUITE_DIR [BULWARK_BINARY] [-v]" "$@"
suite=$checkout
ls "$suite"/expectedresults-*.csv > /dev/null 2>&1 || { echo "owasp-python.sh: $suite has no expectedresults-*.csv (clone OWASP-Benchmark/BenchmarkPython)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prepare_bulwark owasp-python.sh "$work"
echo "suite: $suite ($(ls "$suite"/testcode/BenchmarkTest*.py | wc -l) test files)"
# The default profile, every family: the benchmark mixes injection, weak hashing, weak randomness and cookies.
start=$(date +%s%N)
"$binary" scan "$suite" --format json -o "$work/report.json" --exit-zero > "$work/scan.log" 2>&1 || { cat "$work/scan.log" >&2; exit 1; }
elapsed=$(( ($(date +%s%N) - start) / 10000000 ))
printf 'scan: %d.%02d s\n' $((elapsed / 100)) $((elapsed % 100))
"$PYTHON" "$here/owasp_python.py" "$suite" "$work/report.json" "${verbose[@]}"
