# Shared by bench/speed/run.sh and bench/speed/micro.sh (sourced, not run).
# Needs: bash, GNU time (/usr/bin/time, Debian package `time`), the pyenv interpreters, and the .NET SDK.

speed_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$speed_dir/../.." && pwd)
py313() { PYENV_VERSION=3.13.0 python "$@"; }

# The corpora, by name: NAME<TAB>ROOT.
corpus_root() {
  case "$1" in
    stdlib-3.11) echo /root/.pyenv/versions/3.11.7/lib/python3.11 ;;
    stdlib-3.13) echo /root/.pyenv/versions/3.13.0/lib/python3.13 ;;
    site-packages-3.11) PYENV_VERSION=3.11.7 python -c 'import site; print(site.getsitepackages()[0])' ;;
    *) echo "unknown corpus '$1' (stdlib-3.11, stdlib-3.13, site-packages-3.11)" >&2; return 2 ;;
  esac
}

# Every tool scans exactly the files in one list: the `.py` files under ROOT, minus any `site-packages` directory
# below ROOT (the standard library holds one; it is its own corpus), sorted bytewise. `test/` directories stay in.
# Writes LIST (Python files) and LIST.all (the same plus dependency manifests, for Bulwark's all-families run).
corpus_list() {
  local root=$1 list=$2
  find "$root" -mindepth 1 -type d -name site-packages -prune -o -type f -name '*.py' -print | LC_ALL=C sort > "$list"
  if grep -q '[[:space:]]' "$list"; then
    echo "a corpus path contains white space; Bulwark's response file would split it" >&2; return 2
  fi
  { cat "$list"
    find "$root" -mindepth 1 -type d -name site-packages -prune -o -type f \( -name pyproject.toml -o -name poetry.lock \
      -o -name Pipfile -o -name Pipfile.lock -o -name uv.lock -o -name setup.cfg -o -name 'pylock*.toml' \
      -o -name 'requirement*.txt' -o -name 'constraint*.txt' \) -print | LC_ALL=C sort
  } > "$list.all"
}

# "N files, M MB" for a list.
list_size() {
  tr '\n' '\0' < "$1" | du -cb --files0-from=- | awk -v n="$(wc -l < "$1")" 'END { printf "%d files, %.1f MB", n, $1 / 1e6 }'
}

# Reads every file once so the first timed run does not pay for the disk.
warm_cache() { tr '\n' '\0' < "$1" | xargs -0 cat > /dev/null; }

machine_line() {
  local cpu
  cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
  echo "machine: $(nproc) cores ($cpu), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Publishes the NativeAOT CLI of this checkout into DIR (the shared build lock held only for the publish).
publish_bulwark() {
  local out=$1
  echo "publishing NativeAOT bulwark from $(git -C "$repo_root" rev-parse --short HEAD)$(git -C "$repo_root" diff --quiet HEAD -- src || echo ' (with uncommitted changes in src/)')..." >&2
  flock /tmp/bulwark-build.lock dotnet publish "$repo_root/src/Bulwark.Cli" -c Release -o "$out" -nologo -v q > "$out.log" 2>&1 \
    || { cat "$out.log" >&2; return 1; }
}

# Imports the shared advisory database into a fresh cache directory (Bulwark reads it through BULWARK_CACHE_DIR).
import_advisories() {
  local bulwark=$1 cache=$2 db=${3:-/work/shared/advisory-db}
  [ -d "$db" ] || { echo "no advisory database at $db" >&2; return 2; }
  mkdir -p "$cache"
  BULWARK_CACHE_DIR=$cache "$bulwark" db import "$db" >&2
}

# measure OUT_TSV CORPUS TOOL RUN OK_CODES -- COMMAND...
# Runs COMMAND under GNU time and appends: corpus, tool, run, wall s, user s, sys s, peak RSS KB.
# OK_CODES is a regex of acceptable exit codes (linters exit 1 when they find something).
measure() {
  local tsv=$1 corpus=$2 tool=$3 run=$4 ok=$5; shift 6
  local t; t=$(mktemp)
  local rc=0
  /usr/bin/time -f '%e %U %S %M' -o "$t" "$@" > "$t.out" 2> "$t.err" || rc=$?
  if ! [[ $rc =~ ^($ok)$ ]]; then
    echo "$tool on $corpus failed with exit $rc:" >&2; tail -5 "$t.err" >&2; tail -3 "$t.out" >&2
    rm -f "$t" "$t.out" "$t.err"; return 1
  fi
  read -r wall user sys rss < <(tail -1 "$t")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$corpus" "$tool" "$run" "$wall" "$user" "$sys" "$rss" >> "$tsv"
  LAST_STDOUT=$(cat "$t.out")
  rm -f "$t" "$t.out" "$t.err"
}

# --help of every script here: its header comment (from line 2 to `set -euo pipefail`), without the `# `.
print_help() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

# The options of the scripts that take only --runs N and --bulwark PATH (micro.sh, startup.sh): sets `runs` (its
# default set before the call) and `bulwark`; --help prints the script's header comment.
parse_runs_and_bulwark() { # script name, then the script's arguments
  local name=$1; shift
  while [ $# -gt 0 ]; do
    case "$1" in
      --runs) runs=$2; shift 2 ;;
      --bulwark) bulwark=$(realpath "$2"); shift 2 ;;
      -h|--help) print_help; exit 0 ;;
      *) echo "$name: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
  done
  [[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "$name: --runs needs a positive number" >&2; exit 2; }
}
