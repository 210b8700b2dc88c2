#!/usr/bin/env bash
# Issue 13's rules on two real corpora, for precision review: the pyenv 3.11 site-packages tree and Debian's Django
# (python3-django, /usr/lib/python3/dist-packages/django), each root scanned explicitly. Lists every finding of the
# configuration family and the AUTH, CRY, LOG and BW805 rules with its message, then the counts by rule (last).
# usage: bench/config/corpus.sh [BULWARK_BINARY]   (default: a Release build of src/Bulwark.Cli)
# needs: PYENV 3.11.7; `apt-get install -y python3-django` for the second corpus (skipped with a note when absent).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-}
if [[ -z "$bin" ]]; then
  flock /tmp/bulwark-build.lock dotnet build src/Bulwark.Cli -c Release -v q -nologo >/dev/null
  bin=src/Bulwark.Cli/bin/Release/net10.0/bulwark
fi
select=configuration,AUTH001,AUTH002,AUTH003,AUTH004,CRY001,CRY002,CRY003,LOG001,BW805,B305
sp=$(PYENV_VERSION=3.11.7 python -c "import site; print(site.getsitepackages()[0])")
django=/usr/lib/python3/dist-packages/django
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "machine: $(nproc) cores, $(uname -sm), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "rules: $select"
summary=""
for root in "$sp" "$django"; do
  if [[ ! -d "$root" ]]; then echo "corpus $root: missing (apt-get install -y python3-django)"; continue; fi
  name=$(basename "$(dirname "$root")")/$(basename "$root")
  /usr/bin/time -f '%e %M' -o "$out/time" "$bin" scan "$root" --select "$select" --no-posture --exit-zero -f json -o "$out/report.json" >/dev/null 2>"$out/err" \
    || { cat "$out/err"; exit 1; }
  read -r wall rss <"$out/time"
  echo
  echo "corpus: $root ($(find "$root" -name '*.py' | wc -l) Python files), ${wall} s, $((rss / 1024)) MiB"
  summary+=$(python3 - "$out/report.json" "$name" <<'PY'
import collections, json, sys
report = json.load(open(sys.argv[1]))
by_rule = collections.Counter()
for f in report["findings"]:
    loc = f["location"]
    by_rule[f["ruleId"]] += 1
    print(f"  {f['ruleId']} {f.get('confidence', '?'):6} {loc['path']}:{loc['startLine']}  {f['message'][:150]}", file=sys.stderr)
counts = ", ".join(f"{r} {n}" for r, n in sorted(by_rule.items()))
print(f"{sys.argv[2]}: {sum(by_rule.values())} findings ({counts or 'none'})")
PY
)$'\n'
done
echo
printf '%s' "$summary"
