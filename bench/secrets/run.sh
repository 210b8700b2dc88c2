#!/usr/bin/env bash
# Secrets benchmark. Prints the pathological-input timings (each bounded: exit 1 when one is exceeded), the
# secrets text pass over a corpus against reading it alone, and the end-to-end `bulwark scan --select secrets`
# wall time; the last line is the figure. Default corpus: the 3.11 site-packages of pyenv.
# Usage: bench/secrets/run.sh [CORPUS_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${1:-$(PYENV_VERSION=3.11.7 python -c "import site; print(site.getsitepackages()[0])")}
dotnet build bench/secrets -c Release -v q -nologo >/dev/null
dotnet build src/Bulwark.Cli -c Release -v q -nologo >/dev/null
dotnet bench/secrets/bin/Release/net10.0/Bulwark.Bench.Secrets.dll all "$corpus" | sed '$d' | tee /tmp/bulwark-secrets-bench.$$
out=$(mktemp --suffix=.json)
trap 'rm -f "$out" /tmp/bulwark-secrets-bench.$$' EXIT
start=$(date +%s.%N)
src/Bulwark.Cli/bin/Release/net10.0/bulwark scan "$corpus" --select secrets --no-progress -f json -o "$out" --exit-zero >/dev/null 2>&1
end=$(date +%s.%N)
python3 - "$out" <<'PY'
import json, sys, collections
d = json.load(open(sys.argv[1]))
c = collections.Counter((f["ruleId"], f.get("properties", {}).get("secretType", "-"), f["confidence"]) for f in d["findings"])
print(f"bulwark scan --select secrets: {len(d['findings'])} findings")
for (rule, kind, conf), n in c.most_common(15): print(f"  {n:5d}  {rule} {kind} ({conf} confidence)")
PY
echo "machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); corpus $corpus"
printf 'bulwark scan --select secrets over %s: %.1f s wall (includes parsing every Python file for BW105)\n' "$corpus" "$(echo "$end - $start" | bc)"
