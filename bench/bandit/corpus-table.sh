#!/usr/bin/env bash
# Per-rule finding counts of Bandit (the `bandit` on PATH, e.g. Debian's 1.6.2) next to Bulwark's
# `--profile bandit` on whole corpora, with wall times.
# usage: bench/bandit/corpus-table.sh [CORPUS...]   (default: CPython 3.13 stdlib and 3.11 site-packages)
# env: BULWARK=path/to/bulwark (skips the build), BANDIT_TIMEOUT=seconds (default 3600), PYTHON.
# Prints one Markdown table per corpus, then the overall totals line last.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
python=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ $# -eq 0 ]; then
  set -- /root/.pyenv/versions/3.13.0/lib/python3.13 /root/.pyenv/versions/3.11.7/lib/python3.11/site-packages
fi
command -v bandit >/dev/null || { echo "corpus-table: bandit not on PATH (apt-get install bandit)" >&2; exit 2; }
bulwark=${BULWARK:-}
if [ -z "$bulwark" ]; then
  dotnet publish "$repo/src/Bulwark.Cli" -c Release -v q -nologo -o "$work/bin" >/dev/null
  bulwark="$work/bin/bulwark"
fi
echo "bandit: $(bandit --version 2>&1 | head -1)"
echo "bulwark: $("$bulwark" --version 2>&1 | head -1)"
echo

now() { date +%s.%N; }
i=0
for corpus in "$@"; do
  [ -d "$corpus" ] || { echo "corpus-table: not a directory: $corpus" >&2; exit 2; }
  i=$((i + 1))
  # Bandit exits 1 when it finds something; only a missing report is a failure.
  t0=$(now)
  timeout "${BANDIT_TIMEOUT:-3600}" bandit -r "$corpus" -f json -o "$work/bandit-$i.json" -q \
    >"$work/bandit-$i.out" 2>"$work/bandit-$i.err" || true
  t1=$(now)
  [ -s "$work/bandit-$i.json" ] || { echo "corpus-table: bandit wrote no report for $corpus" >&2; tail -5 "$work/bandit-$i.err" >&2; exit 1; }
  "$bulwark" scan "$corpus" --profile bandit --no-gitignore --format json -o "$work/bulwark-$i.json" --exit-zero \
    >"$work/bulwark-$i.out" 2>&1
  t2=$(now)
  "$python" "$here/corpus_table.py" "$corpus" "$work/bandit-$i.json" "$(echo "$t1 - $t0" | bc)" "$work/bandit-$i.err" \
    "$work/bulwark-$i.json" "$(echo "$t2 - $t1" | bc)" "$work/totals.tsv"
done
awk -F'\t' '{ b += $2; w += $3; bs += $4; ws += $5 }
  END { printf "overall: Bandit %d findings in %.1f s, Bulwark %d findings in %.1f s (%.1fx faster)\n", b, bs, w, ws, bs / ws }' \
  "$work/totals.tsv"
