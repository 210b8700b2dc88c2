#!/usr/bin/env bash
# Cost of the taint analysis: the whole scan (code rules + injection family) against the code-rule scan alone, on
# the pyenv 3.11 site-packages tree (its root scanned explicitly), in one run: the two scans alternate, RUNS times
# each; the median wall time of each and the peak RSS of every run are reported, the ratio last.
# usage: bench/taint/speed.sh [BULWARK_BINARY] [RUNS]   (default: a Release build of src/Bulwark.Cli, 3 runs each)
# BULWARK_TIMING=1 in the environment adds each scan's phase times (the taint project phase by step) on stderr.
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
echo "machine: $(nproc) cores, $(uname -sm), $(free -g | awk '/^Mem:/{print $2}') GiB; load at start $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: $root ($(find "$root" -name '*.py' | wc -l) Python files)"
scan() { # label, then scan options; appends "wall rss" to $out/<label>
  local label=$1; shift
  /usr/bin/time -f '%e %M' -o "$out/time" "$bin" scan "$root" --no-posture --exit-zero -f json -o "$out/$label.json" "$@" >/dev/null 2>"$out/$label.err" || {
    echo "scan failed ($label):" >&2; cat "$out/$label.err" >&2; exit 1; }
  grep '^timing' "$out/$label.err" >&2 || true
  cat "$out/time" >>"$out/$label"
  read -r wall rss <"$out/time"
  printf '  %-6s run: %7.2f s  %6d MiB  (load %s)\n' "$label" "$wall" $((rss / 1024)) "$(cut -d' ' -f1 /proc/loadavg)"
}
for _ in $(seq "$runs"); do
  scan code --select code
  scan taint --select code,injection
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
for label in code taint; do
  findings=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['findings']))" "$out/$label.json")
  warnings=$(python3 -c "import json,sys; print(sum('taint' in w for w in json.load(open(sys.argv[1]))['warnings']))" "$out/$label.json")
  printf '%-6s median %7.2f s, peak RSS max %6d MiB (median %d MiB), %d findings, %d taint warnings\n' "$label" \
    "$(cut -d' ' -f1 "$out/$label" | median)" $(( $(cut -d' ' -f2 "$out/$label" | sort -n | tail -1) / 1024 )) \
    $(( $(cut -d' ' -f2 "$out/$label" | median | cut -d. -f1) / 1024 )) "$findings" "$warnings"
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v a="$(cut -d' ' -f1 "$out/taint" | median)" -v c="$(cut -d' ' -f1 "$out/code" | median)" \
  -v am="$(cut -d' ' -f2 "$out/taint" | sort -n | tail -1)" -v cm="$(cut -d' ' -f2 "$out/code" | sort -n | tail -1)" \
  'BEGIN{printf "taint cost: %.2fx wall time (median %.2f s with taint vs %.2f s code rules alone), peak memory %d MiB vs %d MiB\n", a/c, a, c, am/1024, cm/1024}'
