#!/usr/bin/env bash
# Scores Bulwark's injection family (taint rules) on the labelled suite in bench/taint/suite.
# usage: bench/taint/score.sh [-v] [BULWARK_BINARY]   build Bulwark Release unless a binary is given, scan, score
#        bench/taint/score.sh [-v] --bandit           score Bandit (the `bandit` on PATH) as a baseline
#        bench/taint/score.sh [-v] --bandit-profile [BULWARK_BINARY]
#                                                     score Bulwark's Bandit-compatible rules (`--profile bandit`)
#        bench/taint/score.sh --selftest              check the scorer against a hand-made report
#        bench/taint/score.sh --counts                validate the suite and print its case counts
# -v lists every miss, false alarm and off-label finding with the case's case.txt.
# env: PYTHON (default: pyenv's 3.11.7 when present, else python3).
# Prints per-CWE and per-framework tables, then the overall figure last:
#   overall: TPR t FPR f J j (N cases, M labels)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
suite="$here/suite"
if [ -z "${PYTHON:-}" ]; then
  if [ -x /root/.pyenv/versions/3.11.7/bin/python3 ]; then PYTHON=/root/.pyenv/versions/3.11.7/bin/python3; else PYTHON=python3; fi
fi

verbose=()
mode=bulwark
binary=
for arg in "$@"; do
  case "$arg" in
    -v|--verbose) verbose=(-v) ;;
    --bandit) mode=bandit ;;
    --bandit-profile) mode=patterns ;;
    --selftest) mode=selftest ;;
    --counts) mode=counts ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "score.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
    *) [ -z "$binary" ] || { echo "score.sh: more than one binary given" >&2; exit 2; }; binary=$arg ;;
  esac
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

machine() { echo "machine: $(nproc) cores, $(uname -sm), load $(cut -d' ' -f1-3 /proc/loadavg)"; }

case "$mode" in
  counts)
    "$PYTHON" "$here/score.py" --suite "$suite" --check
    ;;
  selftest)
    # A tiny labelled suite and hand-made Bulwark and Bandit reports whose scores were worked out by
    # hand (see bench/taint/selftest/README.md); the scorer's output must match the expected text.
    st="$here/selftest"
    status=0
    sed "s|@ROOT@|$st/suite|" "$st/bulwark-report.json" > "$work/bulwark.json"
    "$PYTHON" "$here/score.py" --suite "$st/suite" --bulwark "$work/bulwark.json" -v > "$work/bulwark.out"
    sed "s|$st/suite|SUITE|" "$work/bulwark.out" | diff -u "$st/expected-bulwark.txt" - || status=1
    (cd "$st/suite" && "$PYTHON" "$here/score.py" --suite . --bandit "$st/bandit-report.json" > "$work/bandit.out")
    sed "s|$st/suite|SUITE|" "$work/bandit.out" | diff -u "$st/expected-bandit.txt" - || status=1
    # Malformed input must be a one-line error with exit code 2, never a traceback.
    for bad in "$st/broken/bad-label" "$st/broken/no-case-txt"; do
      if "$PYTHON" "$here/score.py" --suite "$bad" --check > "$work/bad.out" 2>&1; then
        echo "selftest: $bad was accepted"; status=1
      elif [ "$(wc -l < "$work/bad.out")" -ne 1 ] || ! grep -q '^score: ' "$work/bad.out"; then
        echo "selftest: $bad did not give a one-line error:"; cat "$work/bad.out"; status=1
      fi
    done
    echo '{"schemaVersion": 2}' > "$work/wrong.json"
    if "$PYTHON" "$here/score.py" --suite "$st/suite" --bulwark "$work/wrong.json" > /dev/null 2>&1; then
      echo "selftest: a report of the wrong schema was accepted"; status=1
    fi
    if [ $status -eq 0 ]; then echo "selftest: passed (2 reports, 3 malformed inputs)"; else echo "selftest: FAILED"; fi
    exit $status
    ;;
  bandit)
    command -v bandit > /dev/null || { echo "score.sh: bandit not on PATH (apt-get install bandit)" >&2; exit 2; }
    machine
    echo "bandit: $(bandit --version 2>&1 | head -1)"
    # Bandit exits 1 when it finds something; only a missing report is a failure.
    (cd "$suite" && bandit -r . -f json -o "$work/bandit.json" -q > "$work/bandit.log" 2>&1) || true
    [ -s "$work/bandit.json" ] || { echo "score.sh: bandit wrote no report" >&2; tail -5 "$work/bandit.log" >&2; exit 1; }
    "$PYTHON" -c 'import json,sys; e=json.load(open(sys.argv[1]))["errors"]; print(f"bandit parse errors: {len(e)}")' "$work/bandit.json"
    (cd "$suite" && "$PYTHON" "$here/score.py" --suite . --bandit "$work/bandit.json" "${verbose[@]}")
    ;;
  bulwark|patterns)
    if [ -z "$binary" ]; then
      echo "building Bulwark (Release)..."
      flock /tmp/bulwark-build.lock dotnet build "$repo/src/Bulwark.Cli" -c Release -v q -nologo -o "$work/bin" > "$work/build.log" 2>&1 \
        || { tail -20 "$work/build.log" >&2; echo "score.sh: build failed" >&2; exit 1; }
      binary="$work/bin/bulwark"
    fi
    [ -x "$binary" ] || { echo "score.sh: not an executable: $binary" >&2; exit 2; }
    machine
    echo "bulwark: $("$binary" version 2>&1 | head -1)"
    if [ "$mode" = patterns ]; then
      "$binary" scan "$suite" --profile bandit --format json -o "$work/report.json" --exit-zero > "$work/scan.log" 2>&1 \
        || { cat "$work/scan.log" >&2; exit 1; }
      "$PYTHON" "$here/score.py" --suite "$suite" --patterns "$work/report.json" "${verbose[@]}"
      exit $?
    fi
    if ! "$binary" scan "$suite" --select injection --format json -o "$work/report.json" --exit-zero > "$work/scan.log" 2>&1; then
      if grep -q "unknown rule or family 'injection'" "$work/scan.log"; then
        # No injection rule exists yet: scan everything; the scorer keeps only injection findings (none).
        echo "note: this Bulwark has no injection rules; scoring an unfiltered scan"
        "$binary" scan "$suite" --format json -o "$work/report.json" --exit-zero > "$work/scan.log" 2>&1 \
          || { cat "$work/scan.log" >&2; exit 1; }
      else
        cat "$work/scan.log" >&2; exit 1
      fi
    fi
    "$PYTHON" "$here/score.py" --suite "$suite" --bulwark "$work/report.json" "${verbose[@]}"
    ;;
esac
