#!/usr/bin/env bash
# Compares Bulwark's `--profile bandit` findings with Bandit's own functional-test expectations.
# usage: bench/bandit/compare-examples.sh BANDIT_CHECKOUT   (a clone of github.com/PyCQA/bandit, e.g. at tag 1.9.4)
# The expected per-file counts are derived at run time from BANDIT_CHECKOUT/tests/functional/test_functional.py;
# nothing of Bandit is copied into this repository. Prints differing files, then `matching N/M example runs` last.
set -euo pipefail
bandit_dir=${1:?usage: compare-examples.sh BANDIT_CHECKOUT}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
python=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build "$repo/src/Bulwark.Cli" -c Release -v q -nologo -o "$work/bin" >/dev/null
"$python" "$here/extract_expectations.py" "$bandit_dir/tests/functional/test_functional.py" > "$work/expectations.tsv"
echo "expectations: $(wc -l < "$work/expectations.tsv") example runs from $bandit_dir/tests/functional/test_functional.py"
"$python" "$here/compare_counts.py" "$work/bin/bulwark" "$bandit_dir/examples" "$work/expectations.tsv"
