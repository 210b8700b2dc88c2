#!/usr/bin/env bash
# Builds the release artefacts of this checkout into artifacts/ (or --out DIR) and writes their checksums:
#   bulwark-<version>-linux-<arch>.tar.gz    the NativeAOT binary with README.md (and LICENSE once there is one)
#   Bulwark.Tool.<version>.nupkg             the .NET tool package (`dotnet tool install --add-source DIR Bulwark.Tool`)
#   bulwark-<version>-py3-none-<tag>.whl     the Python wheel (packaging/build-wheel.sh)
#   SHA256SUMS                               `sha256sum -c SHA256SUMS` checks them
#
#   packaging/release.sh [--out DIR]
#
# One version for all: Directory.Build.props's <Version>. Archives are reproducible (fixed timestamps from
# SOURCE_DATE_EPOCH, default: the last commit's time; sorted names; no owner names). Prints the checksums last.
set -euo pipefail
source "$(dirname "$0")/common.sh"

out=$repo_root/artifacts
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$(realpath -m "$2"); shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "release.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
version=$(build_property Version)
[ -n "$version" ] || { echo "release.sh: no <Version> in Directory.Build.props" >&2; exit 2; }
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$repo_root" log -1 --format=%ct)}
case "$(uname -m)" in x86_64) arch=x64 ;; aarch64) arch=arm64 ;; *) arch=$(uname -m) ;; esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
rm -f "$out/SHA256SUMS"

# 1. The plain binary.
publish_native "$work/bin"
[ "$("$work/bin/bulwark" version)" = "bulwark $version" ] || { echo "release.sh: the binary's version is not $version" >&2; exit 1; }
name=bulwark-$version-linux-$arch
mkdir -p "$work/$name"
cp "$work/bin/bulwark" "$repo_root/README.md" "$work/$name/"
[ -f "$repo_root/LICENSE" ] && cp "$repo_root/LICENSE" "$work/$name/"
tar -C "$work" --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner -cf - "$name" |
  gzip -9n > "$out/$name.tar.gz"

# 2. The .NET tool package.
rm -f "$out/Bulwark.Tool.$version.nupkg"
flock /tmp/bulwark-build.lock dotnet pack "$repo_root/src/Bulwark.Cli" -c Release -o "$out" -nologo -v q >&2
[ -f "$out/Bulwark.Tool.$version.nupkg" ] || { echo "release.sh: dotnet pack wrote no Bulwark.Tool.$version.nupkg" >&2; exit 1; }

# 3. The wheel, from the same binary.
wheel=$("$repo_root/packaging/build-wheel.sh" --binary "$work/bin/bulwark" --out "$out" | tail -1)

cd "$out"
sha256sum "$name.tar.gz" "Bulwark.Tool.$version.nupkg" "$(basename "$wheel")" > SHA256SUMS
echo "release artefacts in $out:"
cat SHA256SUMS
