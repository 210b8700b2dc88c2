#!/usr/bin/env bash
# Cost of the taint analysis: the whole scan (code rules + injection family) against the code-rule scan alone, on
# the pyenv 3.11 site-packages tree (its root scanned explicitly), in one run, with wall time and peak memory.
# usage: bench/taint/speed.sh [BULWARK_BINARY] [RUNS]   (default binary: a Release build of src/Bulwark.Cli)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-}
runs=${2:-3}
if [[ -z "$bin" ]]; then
  flock /tmp/bulwark-build.lock dotnet build src/Bulwark.Cli -c Release -v q -nologo >/dev/null
  bin=src/Bulwark.Cli/bin/Release/net10.0/bulwark
fi
root=$(PYENV_VERSION=3.11.7 python -c "import site; print(site.getsitepackages()[0])")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "machine: $(nproc) cores, $(uname -sm), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: $root ($(find "$root" -name '*.py' | wc -l) Python files)"
measure() { # label, then scan options; prints the best wall time of $runs runs and the peak RSS of that run
  local label=$1; shift
  local best="" mem=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$out/time" "$bin" scan "$root" --no-posture --exit-zero -f json -o "$out/report.json" "$@" >/dev/null 2>&1
    read -r wall rss <"$out/time"
    if [[ -z "$best" ]] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; mem=$rss; fi
  done
  findings=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['findings']))" "$out/report.json")
  printf '%-28s %7.2f s  %6d MiB  %6d findings\n' "$label" "$best" $((mem / 1024)) "$findings" >&2
  echo "$best $mem"
}
read -r code code_mem < <(measure "code rules alone" --select code)
read -r all all_mem < <(measure "code rules + injection" --select code,injection)
awk -v a="$all" -v c="$code" -v am="$all_mem" -v cm="$code_mem" \
  'BEGIN{printf "taint cost: %.2fx wall time (%.2f s vs %.2f s), %.2fx peak memory (%d MiB vs %d MiB)\n", a/c, a, c, am/cm, am/1024, cm/1024}'
