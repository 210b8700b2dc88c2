#!/usr/bin/env bash
# Tests the Python wheel the way users install it: into fresh virtual environments with pip (no index, so
# nothing comes from the network), with pipx, and with `uv tool install` when those are present.
#
#   packaging/test-wheel.sh [WHEEL]      (default: build one with packaging/build-wheel.sh)
#
# For each pyenv Python named in $PYTHONS (default: 3.13.0 and 3.8.18, the newest and the oldest that
# Requires-Python admits) it checks: pip accepts the wheel's platform tag; `bulwark` lands on the venv's PATH,
# executable; `bulwark version` matches the wheel's version; a scan of samples/insecure-app exits 1, reports the
# known shell-injection finding and the same findings as the binary inside the wheel; `pip uninstall` removes the
# binary again (RECORD is right). Prints "wheel tests: N passed, N failed" last; exits 1 on any failure.
set -euo pipefail
source "$(dirname "$0")/common.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wheel=${1:-}
if [ -z "$wheel" ]; then
  wheel=$("$repo_root/packaging/build-wheel.sh" --out "$work/dist" | tail -1)
fi
wheel=$(realpath "$wheel")
echo "wheel: $(basename "$wheel") ($(du -h "$wheel" | cut -f1))"

passed=0 failed=0
check() { # check DESCRIPTION COMMAND...: runs COMMAND, counts and prints the outcome
  local what=$1; shift
  if "$@" > "$work/check.log" 2>&1; then
    passed=$((passed + 1)); echo "  ok: $what"
  else
    failed=$((failed + 1)); echo "  FAILED: $what"; sed 's/^/    /' "$work/check.log" | tail -15
  fi
}

# The wheel's own binary, for the reference report.
mkdir -p "$work/unpacked"
"$python" -m zipfile -e "$wheel" "$work/unpacked"
version=$(sed -n 's/^Version: //p' "$work"/unpacked/*.dist-info/METADATA)
reference_binary=$(echo "$work"/unpacked/*.data/scripts/bulwark)
chmod +x "$reference_binary"
sample=$repo_root/samples/insecure-app
"$reference_binary" scan "$sample" --no-progress -f json -o "$work/reference.json" > /dev/null 2>&1 || true

findings_of() { "$python" -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1]))["findings"], sort_keys=True))' "$1"; }

scan_matches() { # scan_matches BULWARK: exit 1, the known finding, the same findings as the reference binary
  local bulwark=$1 code=0
  (cd "$sample" && "$bulwark" scan . --no-progress --color never) > "$work/scan.txt" 2>&1 || code=$?
  [ "$code" = 1 ] || { echo "exit code $code, expected 1"; cat "$work/scan.txt"; return 1; }
  # The command injection of app/views.py (paths are relative to the repository root, this checkout's).
  grep -Eq '^(.*/)?app/views\.py:17:14  INJ002 ' "$work/scan.txt" || { echo "the INJ002 finding in app/views.py is missing"; cat "$work/scan.txt"; return 1; }
  "$bulwark" scan "$sample" --no-progress -f json -o "$work/installed.json" > /dev/null 2>&1 || true
  [ "$(findings_of "$work/installed.json")" = "$(findings_of "$work/reference.json")" ] || { echo "findings differ from the wheel's binary"; return 1; }
}

version_is() { [ "$("$1" version)" = "bulwark $2" ] || { echo "got '$("$1" version)'"; return 1; }; }

for py in ${PYTHONS:-3.13.0 3.8.18}; do
  echo "Python $py, pip install --no-index:"
  venv=$work/venv-$py
  PYENV_VERSION=$py python -m venv "$venv"
  check "pip installs the wheel ($("$venv/bin/pip" --version | cut -d' ' -f1-2))" \
    "$venv/bin/pip" install --no-index --disable-pip-version-check "$wheel"
  check "bulwark is in the venv's bin and executable" test -x "$venv/bin/bulwark"
  check "'bulwark version' says $version" version_is "$venv/bin/bulwark" "$version"
  check "scan of samples/insecure-app exits 1 with the known findings" scan_matches "$venv/bin/bulwark"
  check "pip show reports the version" sh -c "'$venv/bin/pip' show bulwark | grep -qx 'Version: $version'"
  check "pip uninstall removes the binary" sh -c "'$venv/bin/pip' uninstall -y bulwark && test ! -e '$venv/bin/bulwark'"
done

echo "pipx install:"
if command -v pipx > /dev/null; then
  export PIPX_HOME=$work/pipx PIPX_BIN_DIR=$work/pipx-bin
  check "pipx installs the wheel ($(pipx --version 2>/dev/null | head -1))" env PIP_NO_INDEX=1 pipx install "$wheel"
  check "pipx puts bulwark on its PATH and it scans" scan_matches "$PIPX_BIN_DIR/bulwark"
  unset PIPX_HOME PIPX_BIN_DIR
else
  echo "  skipped: pipx is not installed (apt-get install -y pipx)"
fi

echo "uv tool install:"
if command -v uv > /dev/null; then
  export UV_TOOL_DIR=$work/uv-tools UV_TOOL_BIN_DIR=$work/uv-bin
  check "uv installs the wheel ($(uv --version))" uv tool install --offline "$wheel"
  check "uv puts bulwark on its PATH and it scans" scan_matches "$UV_TOOL_BIN_DIR/bulwark"
else
  echo "  skipped: uv is not installed on this machine"
fi

echo "wheel tests: $passed passed, $failed failed"
[ "$failed" = 0 ]
