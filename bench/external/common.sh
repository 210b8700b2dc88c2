# Shared by bench/external/*.sh (sourced, not run): arguments, the binary, the machine line.
# shellcheck source=../speed/common.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../speed/common.sh"

# Reads `CHECKOUT [BULWARK_BINARY] [-v]` (after the calling script's name and its usage line) into
# `checkout`, `binary` and `verbose`; -h prints the calling script's header comment.
parse_external_args() {
  local script=$1 usage=$2; shift 2
  verbose=()
  local args=() arg
  for arg in "$@"; do
    case "$arg" in
      -v) verbose=(-v) ;;
      -h|--help) print_help; exit 0 ;;
      -*) echo "$script: unknown option $arg (see --help)" >&2; exit 2 ;;
      *) args+=("$arg") ;;
    esac
  done
  [ ${#args[@]} -ge 1 ] && [ ${#args[@]} -le 2 ] || { echo "usage: $usage" >&2; exit 2; }
  checkout=${args[0]}
  binary=${args[1]:-}
}

# Publishes Bulwark into WORK/bin when no binary was given, checks it, and prints the machine and version lines.
prepare_bulwark() {
  local script=$1 work=$2
  if [ -z "$binary" ]; then
    publish_bulwark "$work/bin" || { echo "$script: build failed" >&2; exit 1; }
    binary="$work/bin/bulwark"
  fi
  [ -x "$binary" ] || { echo "$script: not an executable: $binary" >&2; exit 2; }
  machine_line
  echo "bulwark: $("$binary" version 2>&1 | head -1)"
}
