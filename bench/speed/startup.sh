#!/usr/bin/env bash
# Start-up of the NativeAOT build (issue 10: a one-file scan under 50 ms), without hyperfine: each command is run
# N times (default 20) after 3 warm-up runs, alternating the commands, from a small Python driver (wall clock by
# perf_counter, CPU time user+sys from wait4's rusage); prints the median (min-max) of both per command:
#   bulwark version                         the floor: process start and exit
#   bulwark --help                          the command line built and printed
#   bulwark scan ONE_FILE                   a one-file scan with every default rule (samples/insecure-app/app/views.py,
#                                           text report to a temporary file), no manifest: the advisory store unread
#   bulwark scan ONE_FILE --select B101     the same with one trivial rule
#   bulwark scan DIR                        samples/insecure-app (12 files and a requirements file: advisory store read
#                                           from BULWARK_CACHE_DIR, imported from /work/shared/advisory-db when present)
#
#   bench/speed/startup.sh [--runs N] [--bulwark PATH]
#
# Without --bulwark the NativeAOT CLI of this checkout is published first (under the shared build lock). Wall time
# on a loaded machine is noisy: the machine line states the load, and CPU time is the steadier figure. The last
# line is the median wall time of the one-file scan with every rule.
set -euo pipefail
source "$(dirname "$0")/common.sh"

runs=20
bulwark=
parse_runs_and_bulwark startup.sh "$@"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$bulwark" ]; then
  publish_bulwark "$work/bin"
  bulwark=$work/bin/bulwark
fi
export BULWARK_CACHE_DIR=$work/cache
if [ -d /work/shared/advisory-db ]; then import_advisories "$bulwark" "$work/cache" > /dev/null; fi

machine_line
echo "code: $("$bulwark" version), $runs runs per command after 3 warm-up runs"
one=$repo_root/samples/insecure-app/app/views.py
app=$repo_root/samples/insecure-app
py313 - "$runs" "$bulwark" "$one" "$app" "$work/out.txt" <<'PY'
import os, statistics, subprocess, sys, time
runs, bulwark, one, app, out = int(sys.argv[1]), *sys.argv[2:]
commands = {
    "version": [bulwark, "version"],
    "--help": [bulwark, "--help"],
    "scan ONE_FILE": [bulwark, "scan", one, "--isolated", "--no-progress", "-o", out],
    "... --select B101": [bulwark, "scan", one, "--isolated", "--no-progress", "--select", "B101", "-o", out],
    "scan insecure-app": [bulwark, "scan", app, "--isolated", "--no-progress", "-o", out],
}
wall = {n: [] for n in commands}
cpu = {n: [] for n in commands}
for i in range(runs + 3):  # alternating the commands; the first 3 rounds warm up
    for name, argv in commands.items():
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        t1 = time.perf_counter()
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            sys.exit(f"startup.sh: {' '.join(argv)} exited with {code}")
        if i >= 3:
            wall[name].append((t1 - t0) * 1000)
            cpu[name].append((usage.ru_utime + usage.ru_stime) * 1000)
def fig(v): return f"{statistics.median(v):6.1f} ms ({min(v):.1f}-{max(v):.1f})"
for name in commands:
    print(f"  {name:20} wall median {fig(wall[name])}, CPU median {fig(cpu[name])}")
with open(out + ".median", "w") as f:
    f.write(f"{statistics.median(wall['scan ONE_FILE']):.1f}")
PY
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "one-file scan start-up, every rule: median $(cat "$work/out.txt.median") ms wall (target < 50 ms)"
