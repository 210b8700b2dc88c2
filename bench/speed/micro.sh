#!/usr/bin/env bash
# Micro figures for issue 10's acceptance targets, on the NativeAOT build of this checkout:
#   (a) `bulwark scan --select B101` (one trivial rule) against CPython 3.13 reading and `ast.parse`-ing every file
#       (bench/speed/parse_all.py) over the 3.13 standard library          target: Bulwark >= 10x faster
#   (b) a full scan (all families, advisory store from /work/shared/advisory-db loaded) of the 3.13 standard
#       library                                                             target: < 3 s
#   (c) start-up of a one-file scan (samples/insecure-app/app/views.py, text report), median of 20 runs with
#       hyperfine (apt-get install -y hyperfine) or a timed loop without it; `bulwark version` as the floor
#                                                                           target: < 50 ms
#   (d) peak memory of the full scan of the 3.11 site-packages tree         target: < 500 MB
#       and, as a findings-heavy case, of its code rules under `--profile bandit` (B101 in test files too:
#       about 90,000 findings, as many as Bandit reports)
#
#   bench/speed/micro.sh [--runs N] [--bulwark PATH]
#
# Corpora and file lists as in run.sh (same files for both sides; `site-packages` below a standard library left
# out). (a), (b) and (d) alternate the commands over N rounds (default 3) under GNU time and print median
# (min-max) of wall time, CPU time (user+sys) and peak RSS. The machine and load average are stated; the last
# line sums up the four figures against their targets.
set -euo pipefail
source "$(dirname "$0")/common.sh"

runs=3
bulwark=
parse_runs_and_bulwark micro.sh "$@"
[ -x /usr/bin/time ] || { echo "micro.sh: GNU time is missing: apt-get install -y time" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$bulwark" ]; then
  publish_bulwark "$work/bin"
  bulwark=$work/bin/bulwark
fi
import_advisories "$bulwark" "$work/cache"
export BULWARK_CACHE_DIR=$work/cache

machine_line
echo "code: $(git -C "$repo_root" rev-parse --short HEAD), $("$bulwark" version), CPython $(py313 -c 'import platform; print(platform.python_version())')"
times=$work/times.tsv
: > "$times"

# figure FIELD CORPUS TOOL: "median (min-max)" of one measure of one command; FIELD: wall|cpu|rss (s, s, MB).
figure() {
  awk -F'\t' -v field="$1" -v corpus="$2" -v tool="$3" '$1 == corpus && $2 == tool {
      v = field == "wall" ? $4 : field == "cpu" ? $5 + $6 : $7 / 1024; print v }' "$times" | sort -g |
    awk -v f="$([ "$1" = rss ] && echo %.0f || echo %.2f)" '{ v[NR] = $1 }
      END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf f " (" f "-" f ")", m, v[1], v[NR] }'
}
median() { figure "$@" | cut -d' ' -f1; }

std313=$(corpus_root stdlib-3.13); corpus_list "$std313" "$work/std313"
sp311=$(corpus_root site-packages-3.11); corpus_list "$sp311" "$work/sp311"

echo
echo "(a) one trivial rule vs CPython 3.13 ast.parse: stdlib-3.13, $(list_size "$work/std313")"
warm_cache "$work/std313"
for run in $(seq 1 "$runs"); do
  measure "$times" std313 b101 "$run" '0|1' -- "$bulwark" scan "@$work/std313" --select B101 --isolated --no-progress -f json -o "$work/out.json"
  b101=$(py313 "$speed_dir/summarize.py" count bulwark "$work/out.json")
  measure "$times" std313 ast "$run" '0' -- env PYENV_VERSION=3.13.0 python "$speed_dir/parse_all.py" "$work/std313"
  parsed=$LAST_STDOUT
done
echo "  bulwark --select B101   wall $(figure wall std313 b101) s, CPU $(figure cpu std313 b101) s, peak RSS $(figure rss std313 b101) MB; findings/files: $(echo "$b101" | tr '\t' ' ')"
echo "  python3.13 ast.parse    wall $(figure wall std313 ast) s, CPU $(figure cpu std313 ast) s, peak RSS $(figure rss std313 ast) MB; $parsed"
ratio_a=$(awk -v a="$(median wall std313 ast)" -v b="$(median wall std313 b101)" 'BEGIN { printf "%.1f", a / b }')
cpu_a=$(awk -v a="$(median cpu std313 ast)" -v b="$(median cpu std313 b101)" 'BEGIN { printf "%.1f", a / b }')
echo "  ratio ast.parse/Bulwark: wall ${ratio_a}x, CPU ${cpu_a}x (target >= 10x)"

echo
echo "(b) full scan, all families, advisory store loaded: stdlib-3.13, $(list_size "$work/std313.all")"
for run in $(seq 1 "$runs"); do
  measure "$times" std313 full "$run" '0|1' -- "$bulwark" scan "@$work/std313.all" --isolated --no-progress -f json -o "$work/out.json"
done
full=$(py313 "$speed_dir/summarize.py" count bulwark "$work/out.json")
echo "  bulwark scan            wall $(figure wall std313 full) s, CPU $(figure cpu std313 full) s, peak RSS $(figure rss std313 full) MB; findings/files: $(echo "$full" | tr '\t' ' ') (target < 3 s)"

echo
one=$repo_root/samples/insecure-app/app/views.py
echo "(c) start-up: one-file scan of ${one#"$repo_root"/} (text report), 20 runs"
if command -v hyperfine > /dev/null; then
  hyperfine -N -i --warmup 3 --runs 20 --export-json "$work/hf.json" \
    "$bulwark version" "$bulwark scan $one --no-progress" > "$work/hf.txt" 2>&1 || { cat "$work/hf.txt" >&2; exit 1; }
  py313 - "$work/hf.json" > "$work/startup" <<'PY'
import json, statistics, sys
for r in json.load(open(sys.argv[1]))["results"]:
    t = [x * 1000 for x in r["times"]]
    name = "bulwark version" if r["command"].endswith(" version") else "bulwark scan ONE_FILE"
    cpu = (r["user"] + r["system"]) * 1000  # mean CPU time: less disturbed by other load than wall time
    print(f"{name}\t{statistics.median(t):.1f}\t{min(t):.1f}\t{max(t):.1f}\t{cpu:.1f}")
PY
  how="hyperfine $(hyperfine --version | cut -d' ' -f2)"
else
  # Timed from Python (perf_counter around each run) rather than a shell loop, whose `date` forks add ~10 ms per run.
  py313 - "$bulwark" "$one" > "$work/startup" <<'PY'
import statistics, subprocess, sys, time
bulwark, one = sys.argv[1], sys.argv[2]
for name, cmd in (("bulwark version", [bulwark, "version"]), ("bulwark scan", [bulwark, "scan", one, "--no-progress"])):
    t = []
    for i in range(23):
        s = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t.append((time.perf_counter() - s) * 1000)
    t = t[3:]  # three warm-up runs
    print(f"{name}\t{statistics.median(t):.1f}\t{min(t):.1f}\t{max(t):.1f}")
PY
  how="a timed Python loop (hyperfine not installed)"
fi
while IFS=$'\t' read -r name med lo hi cpu; do echo "  $name: median $med ms ($lo-$hi)${cpu:+, mean CPU $cpu ms} [$how]"; done < "$work/startup"
startup=$(awk -F'\t' '/scan/ { print $2 }' "$work/startup")

echo
echo "(d) peak memory, full scan: site-packages-3.11, $(list_size "$work/sp311.all")"
warm_cache "$work/sp311"
for run in $(seq 1 "$runs"); do
  measure "$times" sp311 full "$run" '0|1' -- "$bulwark" scan "@$work/sp311.all" --isolated --no-progress -f json -o "$work/out.json"
done
spc=$(py313 "$speed_dir/summarize.py" count bulwark "$work/out.json")
for run in $(seq 1 "$runs"); do
  measure "$times" sp311 bandit-profile "$run" '0|1' -- "$bulwark" scan "@$work/sp311" --select code --profile bandit --isolated --no-progress -f json -o "$work/out.json"
done
spb=$(py313 "$speed_dir/summarize.py" count bulwark "$work/out.json")
echo "  bulwark scan            wall $(figure wall sp311 full) s, CPU $(figure cpu sp311 full) s, peak RSS $(figure rss sp311 full) MB; findings/files: $(echo "$spc" | tr '\t' ' ') (target < 500 MB)"
echo "  ... --profile bandit    wall $(figure wall sp311 bandit-profile) s, CPU $(figure cpu sp311 bandit-profile) s, peak RSS $(figure rss sp311 bandit-profile) MB; findings/files: $(echo "$spb" | tr '\t' ' ')"
rss_d=$(median rss sp311 full | cut -d. -f1)
full_b=$(median wall std313 full)

echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "micro (medians): B101 scan vs ast.parse ${ratio_a}x (target >= 10x); full 3.13 stdlib scan ${full_b} s (< 3 s); one-file start-up ${startup} ms (< 50 ms); site-packages peak RSS ${rss_d} MB (< 500 MB; $(median rss sp311 bandit-profile | cut -d. -f1) MB with --profile bandit's ~90k findings)"
