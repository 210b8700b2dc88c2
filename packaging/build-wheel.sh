#!/usr/bin/env bash
# Builds Bulwark's Python wheel: the NativeAOT binary as the wheel's `bulwark` script, no .NET needed to run it.
#
#   packaging/build-wheel.sh [--binary PATH] [--out DIR]      (default: publish the binary; write into artifacts/)
#
# The version is what the binary prints (`bulwark version`, from Directory.Build.props's <Version>, written in
# PEP 440 form in the wheel), the summary is the CLI project's <Description>, the long description is README.md.
# A licence is declared only when Directory.Build.props has <PackageLicenseExpression> and LICENSE exists (the
# .nupkg reads the same property). The platform tag comes from the glibc symbol versions the binary needs (see
# packaging/wheel.py). Runs offline: the wheel is written by packaging/wheel.py with Python's zipfile.
# Prints the wheel's path last.
set -euo pipefail
source "$(dirname "$0")/common.sh"

binary=
out=$repo_root/artifacts
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary=$(realpath "$2"); shift 2 ;;
    --out) out=$(realpath -m "$2"); shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-wheel.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$binary" ]; then
  publish_native "$work/bin"
  binary=$work/bin/bulwark
fi

version=$("$binary" version | sed -n 's/^bulwark //p')
[ "$version" = "$(build_property Version)" ] || {
  echo "build-wheel.sh: the binary says '$version', Directory.Build.props says '$(build_property Version)': rebuild it" >&2; exit 2; }
summary=$(sed -n 's|.*<Description>\(.*\)</Description>.*|\1|p' "$repo_root/src/Bulwark.Cli/Bulwark.Cli.csproj")
license=()
spdx=$(build_property PackageLicenseExpression)
if [ -n "$spdx" ] && [ -f "$repo_root/LICENSE" ]; then
  license=(--license-file "$repo_root/LICENSE" --license-expression "$spdx")
else
  echo "build-wheel.sh: note: no licence declared (no LICENSE file and <PackageLicenseExpression>)" >&2
fi

"$python" "$repo_root/packaging/wheel.py" --binary "$binary" --version "$version" --summary "$summary" \
  --readme "$repo_root/README.md" --out "$out" "${license[@]}"
