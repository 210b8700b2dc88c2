#!/usr/bin/env bash
# Coverage-guided fuzzing of Bulwark's untrusted-input readers with SharpFuzz and AFL++.
#
#   bench/fuzz/run.sh [SECONDS]      # each target fuzzed for SECONDS (default 60)
#   FUZZ_TARGETS="python osv" bench/fuzz/run.sh 30
#
# Builds bench/fuzz/Bulwark.Fuzz, instruments Bulwark.Core.dll and Bulwark.Python.dll with the SharpFuzz
# command-line tool, seeds each target from the test fixtures, runs afl-fuzz per target and prints, per target,
# executions and crashes (unique, as AFL++ counts them); the last line is the totals. Crashing inputs are copied
# to bench/fuzz/out/crashes/TARGET/ for turning into regression tests.
#
# Needs: the .NET SDK, AFL++ (`apt-get install -y afl++`), and the SharpFuzz.CommandLine tool (installed here into
# .tools/ from NuGet on first run).
set -euo pipefail
SECONDS_PER_TARGET="${1:-60}"
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"
TOOLS="$ROOT/.tools/sharpfuzz"
TARGETS="${FUZZ_TARGETS:-python requirements manifest osv baseline config}"

command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install -y afl++" >&2; exit 2; }
if [ ! -x "$TOOLS/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$TOOLS" >/dev/null
fi

rm -rf "$OUT/bin" && mkdir -p "$OUT"
flock /tmp/bulwark-build.lock dotnet publish "$HERE/Bulwark.Fuzz/Bulwark.Fuzz.csproj" -c Release -o "$OUT/bin" -v quiet -nologo >/dev/null
for dll in Bulwark.Core.dll Bulwark.Python.dll; do "$TOOLS/sharpfuzz" "$OUT/bin/$dll" >/dev/null; done

# Seed corpora from the tests' fixtures (small files only: AFL wants them small).
seed() { # target, then files
  local dir="$OUT/seeds/$1"; shift
  rm -rf "$dir" && mkdir -p "$dir"
  local n=0
  for f in "$@"; do
    [ -f "$f" ] && [ "$(stat -c %s "$f")" -le 4096 ] || continue
    cp "$f" "$dir/seed$n"; n=$((n + 1))
    [ $n -ge 40 ] && break
  done
  [ $n -gt 0 ] || printf 'x' > "$dir/seed0"
}
prefixed() { # target, prefix byte (octal), files: each seed is the byte then the file
  local dir="$OUT/seeds/$1" prefix="$2"; shift 2
  local n=$(ls "$dir" 2>/dev/null | wc -l)
  for f in "$@"; do
    [ -f "$f" ] && [ "$(stat -c %s "$f")" -le 4096 ] || continue
    { printf "\\$prefix"; cat "$f"; } > "$dir/p$n"; n=$((n + 1))
  done
}
T="$ROOT/tests"
seed python "$T"/Bulwark.Python.Tests/Golden/*.py "$T"/Bulwark.Python.Tests/Golden/errors/*.py
seed requirements $(find "$T/Bulwark.Tests/Dependencies/Fixtures" -name 'requirements*.txt' -o -name 'constraints*.txt' | sort)
mkdir -p "$OUT/seeds/manifest" && rm -f "$OUT/seeds/manifest"/*
# Prefix bytes select the kind in Program.Manifest: 0 pyproject, 1 poetry.lock, 2 Pipfile, 3 Pipfile.lock, 4 uv.lock, 5 pylock.
prefixed manifest 000 $(find "$T/Bulwark.Tests/Dependencies/Fixtures" -name pyproject.toml | sort)
prefixed manifest 001 $(find "$T/Bulwark.Tests/Dependencies/Fixtures" -name poetry.lock | sort)
prefixed manifest 002 $(find "$T/Bulwark.Tests/Dependencies/Fixtures" -name Pipfile | sort)
prefixed manifest 003 $(find "$T/Bulwark.Tests/Dependencies/Fixtures" -name Pipfile.lock | sort)
prefixed manifest 004 $(find "$T/Bulwark.Tests/Dependencies/Fixtures" -name uv.lock | sort)
prefixed manifest 005 $(find "$T/Bulwark.Tests/Dependencies/Fixtures" -name 'pylock*.toml' | sort)
mkdir -p "$OUT/seeds/osv" && rm -f "$OUT/seeds/osv"/*
prefixed osv 000 $(find "$T/Bulwark.Tests/Dependencies/Fixtures/osv" -name '*.json' | sort | head -20)
prefixed osv 001 $(find "$T/Bulwark.Tests/Dependencies/Fixtures/osv" -name '*.yaml' -o -name '*.yml' | sort | head -20)
[ -n "$(ls "$OUT/seeds/osv")" ] || printf '\000{"id": "X", "modified": "2024-01-01T00:00:00Z"}' > "$OUT/seeds/osv/s0"
mkdir -p "$OUT/seeds/baseline" && rm -f "$OUT/seeds/baseline"/*
printf '{"version": 1, "tool": "bulwark 0.1.0", "findings": [{"fingerprint": "ab12", "ruleId": "B602", "path": "a.py", "line": 3, "message": "m"}]}' > "$OUT/seeds/baseline/s0"
mkdir -p "$OUT/seeds/config" && rm -f "$OUT/seeds/config"/*
printf '\000select = ["B6", "dependencies"]\nexclude = ["tests/**"]\nseverity = "medium"\n[rules.B101]\nallow-in-tests = true\n[per-file-ignores]\n"tests/*" = ["B101"]\n' > "$OUT/seeds/config/s0"
printf '\001[project]\nname = "x"\n[tool.bulwark]\nignore = ["B101"]\nprofile = "bandit"\n' > "$OUT/seeds/config/s1"

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
total_execs=0; total_crashes=0; total_hangs=0
printf '%-13s %10s %8s %6s %s\n' target executions crashes hangs seconds
for t in $TARGETS; do
  rm -rf "$OUT/findings/$t" && mkdir -p "$OUT/findings"
  # -t: a .NET start-up per exec is slow; -m none: the runtime reserves far more address space than it uses.
  timeout --preserve-status $((SECONDS_PER_TARGET + 30)) afl-fuzz -V "$SECONDS_PER_TARGET" -t 5000 -m none \
    -i "$OUT/seeds/$t" -o "$OUT/findings/$t" -- dotnet "$OUT/bin/Bulwark.Fuzz.dll" "$t" > "$OUT/afl-$t.log" 2>&1 || true
  stats="$OUT/findings/$t/default/fuzzer_stats"
  if [ ! -f "$stats" ]; then echo "$t: afl-fuzz did not start (see $OUT/afl-$t.log)"; continue; fi
  execs=$(awk -F: '/^execs_done/ {gsub(/ /, "", $2); print $2}' "$stats")
  crashes=$(awk -F: '/^saved_crashes|^unique_crashes/ {gsub(/ /, "", $2); print $2}' "$stats" | head -1)
  hangs=$(awk -F: '/^saved_hangs|^unique_hangs/ {gsub(/ /, "", $2); print $2}' "$stats" | head -1)
  run=$(awk -F: '/^run_time/ {gsub(/ /, "", $2); print $2}' "$stats")
  printf '%-13s %10s %8s %6s %s\n' "$t" "$execs" "$crashes" "$hangs" "${run:-$SECONDS_PER_TARGET}"
  if [ "${crashes:-0}" -gt 0 ]; then mkdir -p "$OUT/crashes/$t" && cp "$OUT/findings/$t"/default/crashes/id* "$OUT/crashes/$t/" 2>/dev/null || true; fi
  total_execs=$((total_execs + ${execs:-0})); total_crashes=$((total_crashes + ${crashes:-0})); total_hangs=$((total_hangs + ${hangs:-0}))
done
echo "machine: $(nproc) cores, $(uname -sm); corpus: test fixtures; ${SECONDS_PER_TARGET}s per target"
echo "total: executions $total_execs, crashes $total_crashes, hangs $total_hangs"
