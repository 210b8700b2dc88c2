#!/usr/bin/env bash
# Scores Bulwark on hand-labelled lines of deliberately vulnerable open-source web applications (bench/external/apps.tsv:
# DSVW, DVPWA, we45's Vulnerable Flask App, Let's Be Bad Guys, django.nV, Vulpy, PyGoat, DVGA), each at a pinned commit.
# usage: bench/external/apps.sh APPS_DIR [BULWARK_BINARY] [-v]
#   APPS_DIR: one checkout per application, named owner+name (`git clone https://github.com/stamparm/DSVW
#             APPS_DIR/stamparm+DSVW && git -C APPS_DIR/stamparm+DSVW checkout COMMIT`; commits in apps.tsv)
#   BULWARK_BINARY: publish Bulwark (NativeAOT, Release) when not given
#   -v: list every missed label and false alarm
# Each application is scanned with the default profile and every family; its report is written beside its checkout
# (APPS_DIR/owner+name.json). Prints a line per application, then the overall figure last:
#   overall: TPR t FPR f (P positive, N negative labels in A applications)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
PYTHON=${PYTHON:-python3}
. "$here/common.sh"
parse_external_args apps.sh "bench/external/apps.sh APPS_DIR [BULWARK_BINARY] [-v]" "$@"
apps=$checkout
[ -d "$apps" ] || { echo "apps.sh: no directory $apps" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prepare_bulwark apps.sh "$work"
for repo in $(grep -v '^#' "$here/apps.tsv" | cut -f1 | sort -u); do
  dir="$apps/${repo/\//+}"
  [ -d "$dir" ] || { echo "apps.sh: no checkout of $repo at $dir (see --help)" >&2; exit 2; }
  (cd "$dir" && "$binary" scan . --format json -o "$dir.json" --exit-zero > "$work/scan.log" 2>&1) \
    || { cat "$work/scan.log" >&2; exit 1; }
done
"$PYTHON" "$here/apps.py" "$here/apps.tsv" "$apps" "${verbose[@]}"
