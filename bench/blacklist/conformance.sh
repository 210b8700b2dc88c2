#!/usr/bin/env bash
# Does Bulwark's `bandit` profile find every blacklist finding (B3xx, B4xx, B324) that Bandit 1.9 finds?
# usage: bench/blacklist/conformance.sh BANDIT_CHECKOUT [DIR...]   (default DIR: the checkout's examples/)
# Needs a CPython 3 (PYENV_VERSION=3.13.0 python by default) and a built bulwark CLI. Prints the figure last.
set -euo pipefail
checkout=$(realpath "$1"); shift
dirs=("$@"); [ ${#dirs[@]} -eq 0 ] && dirs=("$checkout/examples")
here=$(cd "$(dirname "$0")" && pwd); repo=$(cd "$here/../.." && pwd)
py=${PYTHON:-"env PYENV_VERSION=3.13.0 python"}
bulwark=${BULWARK:-"$repo/src/Bulwark.Cli/bin/Debug/net10.0/bulwark"}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

for d in "${dirs[@]}"; do
  d=$(realpath "$d")
  # Skip what Bulwark's discovery skips by default (virtual environments, VCS and tool directories).
  find "$d" \( -name .git -o -name .hg -o -name .svn -o -name .bzr -o -name .tox -o -name .nox -o -name .venv -o -name venv \
      -o -name .virtualenv -o -name site-packages -o -name dist-packages -o -name __pypackages__ -o -name node_modules \
      -o -name build -o -name dist -o -name .eggs -o -name '*.egg-info' \) -prune -o -name '*.py' -print0 | sort -z | xargs -0 $py "$here/bandit_oracle.py" "$checkout" >> "$work/bandit.raw"
  (cd "$d" && "$bulwark" scan . --profile bandit --select B3 --select B4 --ignore-nosec --isolated --no-gitignore \
      --no-progress --exit-zero --format json) > "$work/report.json"
  $py "$here/report_lines.py" "$work/report.json" "$d" >> "$work/bulwark.raw"
done
sort -u "$work/bandit.raw" > "$work/bandit"; sort -u "$work/bulwark.raw" > "$work/bulwark"
missing=$(comm -23 "$work/bandit" "$work/bulwark" | wc -l)
extra=$(comm -13 "$work/bandit" "$work/bulwark" | wc -l)
total=$(wc -l < "$work/bandit")
if [ "$missing" -gt 0 ]; then echo "Bandit findings Bulwark misses:"; comm -23 "$work/bandit" "$work/bulwark" | sed 's/^/  /'; fi
if [ "$extra" -gt 0 ]; then echo "Bulwark-only findings:"; comm -13 "$work/bandit" "$work/bulwark" | sed 's/^/  /'; fi
echo "blacklist conformance: $((total - missing))/$total Bandit (file, line, id) findings reproduced; $extra Bulwark-only"
