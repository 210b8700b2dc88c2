#!/usr/bin/env bash
# Scores Bulwark's injection rules (the taint analysis) on the labelled test files of Semgrep's Flask and Django rules
# (indicative figures; see semgrep_rules.py for what the labels mean and why).
# usage: bench/external/semgrep-rules.sh RULES_DIR [BULWARK_BINARY] [-v]
#   RULES_DIR: a checkout of https://github.com/semgrep/semgrep-rules (not part of this repository)
#   BULWARK_BINARY: publish Bulwark (NativeAOT, Release) when not given
#   -v: list every missed label and false alarm
# env: PYTHON (default python3). Prints a table per framework and weakness, then the overall figure last:
#   overall: TPR t FPR f (P positive, N negative labels)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
PYTHON=${PYTHON:-python3}
. "$here/common.sh"
parse_external_args semgrep-rules.sh "bench/external/semgrep-rules.sh RULES_DIR [BULWARK_BINARY] [-v]" "$@"
rules=$checkout
[ -d "$rules/python/flask" ] && [ -d "$rules/python/django" ] || { echo "semgrep-rules.sh: $rules has no python/flask and python/django (clone semgrep/semgrep-rules)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prepare_bulwark semgrep-rules.sh "$work"
# The test files alone: Bulwark scans YAML too, and the rule files are not part of what is measured.
mkdir -p "$work/suite"
cp -r "$rules/python/flask" "$rules/python/django" "$work/suite/"
find "$work/suite" -name '*.yaml' -delete
(cd "$work/suite" && "$binary" scan . --select injection --format json -o "$work/report.json" --exit-zero > "$work/scan.log" 2>&1) \
  || { cat "$work/scan.log" >&2; exit 1; }
"$PYTHON" "$here/semgrep_rules.py" "$work/suite" "$work/report.json" "${verbose[@]}"
