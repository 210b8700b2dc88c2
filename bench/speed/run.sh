#!/usr/bin/env bash
# Whole-scan speed benchmark: Bulwark (NativeAOT) against Bandit and Ruff's `S` rules, in one invocation.
#
#   bench/speed/run.sh [--runs N] [--corpus NAME]... [--tools LIST] [--bulwark PATH] [--no-micro]
#
# After the comparison it runs bench/speed/micro.sh (one trivial rule against ast.parse, full scan with the
# advisory store, start-up, peak memory) and bench/speed/memory.sh (peak memory on synthetic 10,000- and
# 100,000-file trees) on the same binary, so that one command prints every figure of issue 10; `--no-micro`
# leaves them out. The headline ratios stay the last line.
#
# Corpora (default: all three): stdlib-3.11 and stdlib-3.13 (the pyenv standard libraries) and
# site-packages-3.11 (the pyenv 3.11 site-packages tree).
# Tools (default: all; --tools takes a comma-separated subset):
#   bulwark-code  `bulwark scan --select code` (Bulwark's code rules, the ones Bandit and Ruff's S rules have;
#                 its default profile is quieter than Bandit: e.g. B101 skips test files)
#   bulwark-bandit  the same with `--profile bandit`: exactly Bandit's checks and defaults, so about as many
#                 findings as Bandit
#   bulwark-all   `bulwark scan` with every family and the advisory store imported from /work/shared/advisory-db
#                 into a temporary BULWARK_CACHE_DIR
#   bandit        `bandit -r -q -f json -o FILE` (Debian's package: apt-get install -y bandit)
#   ruff-wasm     `node bench/speed/ruff-s.mjs`: Ruff's WebAssembly build with only the `S` rules selected
#                 (installed from npm into bench/speed/node_modules on first use; single-threaded)
#
# Same files for every tool: for each corpus one list is made of the `.py` files under its root, minus any
# `site-packages` directory below the root (the standard library holds one), `test/` directories included, sorted.
# Bulwark reads it as a response file (`@LIST`; named files bypass its default excludes), Bandit and the Ruff driver
# get the same paths as arguments / `--files-from`. Bulwark's all-families run also gets the dependency manifests
# found under the same root. Each tool's findings and file count are printed as a sanity check.
#
# Method: the corpus is read once to warm the page cache; then N rounds (default 3), each running every tool once
# in turn, so that background load falls on all tools alike. GNU time measures each run's wall time, CPU time
# (user+sys) and peak RSS. Printed per corpus and tool: median (min-max). Ratios use median wall time, with the
# range over the runs' extremes. The machine (cores, CPU, load average at start) and corpora (files, MB) are stated;
# the last line is the headline. Timings taken while other work runs on the machine are noisy: check the load.
set -euo pipefail
source "$(dirname "$0")/common.sh"

runs=3
corpora=()
tools=bulwark-code,bulwark-bandit,bulwark-all,bandit,ruff-wasm
bulwark=
micro=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --no-micro) micro=0; shift ;;
    --corpus) corpora+=("$2"); shift 2 ;;
    --tools) tools=$2; shift 2 ;;
    --bulwark) bulwark=$(realpath "$2"); shift 2 ;;
    -h|--help) print_help; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --runs needs a positive number" >&2; exit 2; }
[ ${#corpora[@]} -gt 0 ] || corpora=(stdlib-3.11 stdlib-3.13 site-packages-3.11)
IFS=, read -r -a tool_list <<< "$tools"
for t in "${tool_list[@]}"; do
  case "$t" in bulwark-code|bulwark-bandit|bulwark-all|bandit|ruff-wasm) ;; *) echo "run.sh: unknown tool '$t'" >&2; exit 2 ;; esac
done
wants() { [[ ",$tools," == *",$1,"* ]]; }

[ -x /usr/bin/time ] || { echo "run.sh: GNU time is missing: apt-get install -y time" >&2; exit 2; }
if wants bandit; then command -v bandit > /dev/null || { echo "run.sh: bandit is missing: apt-get install -y bandit" >&2; exit 2; }; fi
if wants ruff-wasm && [ ! -d "$speed_dir/node_modules/@astral-sh/ruff-wasm-nodejs" ]; then
  (cd "$speed_dir" && npm ci --silent --no-audit --no-fund) >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$bulwark" ]; then
  publish_bulwark "$work/bin"
  bulwark=$work/bin/bulwark
fi
if wants bulwark-all; then import_advisories "$bulwark" "$work/cache"; fi

machine_line
versions="code $(git -C "$repo_root" rev-parse --short HEAD), $("$bulwark" version)"
if wants bandit; then versions+=", $(bandit --version 2>/dev/null | head -1)"; fi
if wants ruff-wasm; then
  versions+=", ruff-wasm $(node -p "require('$speed_dir/node_modules/@astral-sh/ruff-wasm-nodejs/package.json').version") on node $(node --version)"
fi
echo "$versions"
echo "runs: $runs per tool and corpus, tools alternating"

times=$work/times.tsv counts=$work/counts.tsv sizes=$work/sizes.tsv
: > "$times"; : > "$counts"; : > "$sizes"
for corpus in "${corpora[@]}"; do
  root=$(corpus_root "$corpus")
  list=$work/$corpus.list
  corpus_list "$root" "$list"
  printf '%s\t%s under %s\n' "$corpus" "$(list_size "$list")" "$root" >> "$sizes"
  echo "corpus $corpus: $(list_size "$list") under $root" >&2
  warm_cache "$list"
  for run in $(seq 1 "$runs"); do
    for tool in "${tool_list[@]}"; do
      echo "  run $run: $tool" >&2
      case "$tool" in
        bulwark-code)
          measure "$times" "$corpus" "$tool" "$run" '0|1' -- \
            "$bulwark" scan "@$list" --select code --isolated --no-progress -f json -o "$work/out.json"
          c=$(py313 "$speed_dir/summarize.py" count bulwark "$work/out.json") ;;
        bulwark-bandit)
          measure "$times" "$corpus" "$tool" "$run" '0|1' -- \
            "$bulwark" scan "@$list" --select code --profile bandit --isolated --no-progress -f json -o "$work/out.json"
          c=$(py313 "$speed_dir/summarize.py" count bulwark "$work/out.json") ;;
        bulwark-all)
          measure "$times" "$corpus" "$tool" "$run" '0|1' -- \
            env BULWARK_CACHE_DIR="$work/cache" "$bulwark" scan "@$list.all" --isolated --no-progress -f json -o "$work/out.json"
          c=$(py313 "$speed_dir/summarize.py" count bulwark "$work/out.json") ;;
        bandit)
          # bandit reads paths from its arguments; xargs would split a long list into several runs, so check the size.
          [ "$(wc -c < "$list")" -lt 1500000 ] || { echo "file list too long for one bandit command line" >&2; exit 2; }
          mapfile -t paths < "$list"
          measure "$times" "$corpus" "$tool" "$run" '0|1' -- bandit -r -q -f json -o "$work/bandit.json" "${paths[@]}"
          c=$(py313 "$speed_dir/summarize.py" count bandit "$work/bandit.json") ;;
        ruff-wasm)
          measure "$times" "$corpus" "$tool" "$run" '0' -- node "$speed_dir/ruff-s.mjs" --files-from "$list"
          c=$(py313 "$speed_dir/summarize.py" count ruff "$LAST_STDOUT") ;;
      esac
      printf '%s\t%s\t%s\t%s\n' "$corpus" "$tool" "$run" "$c" >> "$counts"
    done
  done
done

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
py313 "$speed_dir/summarize.py" table "$times" "$counts" "$sizes" > "$work/table.txt"
if [ "$micro" = 1 ]; then
  sed '$d' "$work/table.txt"
  echo
  echo "== bench/speed/micro.sh"
  "$speed_dir/micro.sh" --runs "$runs" --bulwark "$bulwark"
  echo
  echo "== bench/speed/memory.sh"
  "$speed_dir/memory.sh" --bulwark "$bulwark"
  echo
  tail -1 "$work/table.txt"
else
  cat "$work/table.txt"
fi
