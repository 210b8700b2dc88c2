#!/usr/bin/env bash
# Hostile-repository probes with time and memory bounds (issue 8). Each probe builds its input in a temporary
# directory, runs `bulwark scan` under /usr/bin/time, prints wall time and peak memory, and checks the bound.
#
#   bench/hardening/run.sh                 # builds src/Bulwark.Cli (Release) and runs every probe
#   BULWARK=/path/to/bulwark bench/hardening/run.sh   # another build (e.g. an older one, for before/after figures)
#
# Probes: a 25 KB Poetry constraint (against the advisory database in shared/advisory-db when present, else
# the test fixtures' OSV records), a 73-byte `.gitignore` line of `**/` segments, 1,000 nested directories,
# a 10 MB file with 500,000 findings (text and JSON reports), and FIFOs/devices named like code and manifests.
# Exit status 1 when a bound is exceeded. The last line is the summary.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
LIMIT="${PROBE_TIMEOUT:-120}"
if [ -z "${BULWARK:-}" ]; then
  flock /tmp/bulwark-build.lock dotnet build "$ROOT/src/Bulwark.Cli" -c Release -v quiet -nologo >/dev/null || exit 2
  BULWARK="$ROOT/src/Bulwark.Cli/bin/Release/net10.0/bulwark"
fi
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
failures=0

# probe NAME MAX_SECONDS MAX_MB -- command...   (runs in $WORK; exit codes 0-2 are fine, a timeout is not)
probe() {
  local name="$1" max_s="$2" max_mb="$3"; shift 4
  local t0 t1 rc
  /usr/bin/time -f "%e %M" -o "$WORK/time.$name" timeout "$LIMIT" "$@" >"$WORK/out.$name" 2>"$WORK/err.$name"; rc=$?
  read -r secs kb < <(tail -n 1 "$WORK/time.$name") || { secs="?"; kb=0; }
  [[ "$kb" =~ ^[0-9]+$ ]] || kb=0
  local mb=$((kb / 1024)) verdict=ok
  if [ "$rc" -eq 124 ] || [ "$rc" -gt 2 ]; then verdict="FAIL (exit $rc$([ "$rc" -eq 124 ] && echo ", timed out after ${LIMIT}s"))"; failures=$((failures + 1))
  elif awk -v s="$secs" -v m="$max_s" 'BEGIN { exit !(s > m) }'; then verdict="FAIL (over ${max_s}s)"; failures=$((failures + 1))
  elif [ "$mb" -gt "$max_mb" ]; then verdict="FAIL (over ${max_mb} MB)"; failures=$((failures + 1)); fi
  printf '%-34s %8ss %7s MB   bound %4ss %5s MB   %s\n' "$name" "$secs" "$mb" "$max_s" "$max_mb" "$verdict"
}

# 1. A 25 KB Poetry constraint of distinct caret clauses on a package with many advisories.
mkdir -p "$WORK/poetry"
python3 - "$WORK/poetry/pyproject.toml" <<'PY'
import sys
c = " ".join("^1.%d" % i for i in range(4000))[:25000].rsplit(" ", 1)[0]
same = " ".join(["^1.0"] * 5000)[:25000].rsplit(" ", 1)[0]
open(sys.argv[1], "w").write('[tool.poetry]\nname = "x"\nversion = "1"\n[tool.poetry.dependencies]\npython = "^3.8"\n'
    'django = "%s"\nflask = "%s"\n' % (same, c))
PY
SRC="$ROOT/tests/Bulwark.Tests/Dependencies/Fixtures/osv"
for d in "$ROOT/../shared/advisory-db" "$ROOT/../../shared/advisory-db"; do [ -d "$d" ] && { SRC="$d"; break; }; done
"$BULWARK" db import "$SRC" -o "$WORK/advisories.bwdb" >/dev/null 2>&1
probe poetry-constraint-25KB 5 1024 -- "$BULWARK" scan "$WORK/poetry" --isolated --select dependencies --vuln-db "$WORK/advisories.bwdb"

# 2. A 73-byte .gitignore line of `**/` segments over a tree 40 directories deep with 400 files.
mkdir -p "$WORK/gitignore" && (cd "$WORK/gitignore" && git init -q . 2>/dev/null || mkdir .git)
python3 - "$WORK/gitignore" <<'PY'
import os, sys
root = sys.argv[1]
open(os.path.join(root, ".gitignore"), "w").write("**/" * 24 + "x\n")
d = root
for i in range(40):
    d = os.path.join(d, "abcdefgh")
    os.makedirs(d, exist_ok=True)
    for j in range(10):
        open(os.path.join(d, "m%d.py" % j), "w").write("import os\n")
PY
probe gitignore-double-star-73B 5 1024 -- "$BULWARK" scan "$WORK/gitignore" --isolated

# 3. 1,000 nested directories.
python3 - "$WORK/nested" <<'PY'
import os, sys
os.makedirs(sys.argv[1])
os.chdir(sys.argv[1])
for i in range(1000):  # relative steps: the absolute path is longer than PATH_MAX
    os.mkdir("d")
    os.chdir("d")
open("x.py", "w").write("eval(input())\n")
PY
probe nested-1000-directories 5 1024 -- "$BULWARK" scan "$WORK/nested" --isolated

# 4. 500,000 findings in one 10 MB file: memory per finding and streamed reports.
mkdir -p "$WORK/many" && python3 -c "
import sys; open(sys.argv[1], 'w').write(''.join('assert value_%06d\n' % i for i in range(500000)))" "$WORK/many/a.py"
probe findings-500k-text 60 1200 -- "$BULWARK" scan "$WORK/many" --isolated --format text -o "$WORK/many.txt"
probe findings-500k-json 60 1200 -- "$BULWARK" scan "$WORK/many" --isolated --format json -o "$WORK/many.json"
probe findings-500k-sarif 60 1200 -- "$BULWARK" scan "$WORK/many" --isolated --format sarif -o "$WORK/many.sarif"

# 5. FIFOs named like code, manifests and .gitignore, and a character device named z.py (when permitted).
mkdir -p "$WORK/special" && echo 'x = 1' > "$WORK/special/a.py"
for n in t.py requirements.txt .gitignore poetry.lock pyproject.toml; do mkfifo "$WORK/special/$n"; done
mknod "$WORK/special/z.py" c 1 5 2>/dev/null || true
probe fifo-and-device-names 5 1024 -- "$BULWARK" scan "$WORK/special" --isolated

load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%d GiB", $2/1048576}' /proc/meminfo), load $load (figures are noisy under load); bulwark: $BULWARK"
echo "hardening probes: $((7 - failures))/7 within bounds"
[ "$failures" -eq 0 ]
