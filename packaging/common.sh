# Shared by the packaging scripts (sourced). Every script works from the repository root.
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
python=${PYTHON:-python3}

# A property of Directory.Build.props (the one place the version is set), empty when absent.
build_property() {
  sed -n "s|.*<$1>\(.*\)</$1>.*|\1|p" "$repo_root/Directory.Build.props" | head -1
}

# Publishes the NativeAOT CLI into DIR, holding the shared build lock only for the publish.
publish_native() {
  local out=$1
  echo "publishing the NativeAOT binary into $out" >&2
  flock /tmp/bulwark-build.lock dotnet publish "$repo_root/src/Bulwark.Cli" -c Release -o "$out" -nologo -v q >&2
}
