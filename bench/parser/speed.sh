#!/usr/bin/env bash
# Parser throughput: Bulwark vs CPython 3.13 ast.parse over the same files, single-threaded, in the same run.
# Usage: bench/parser/speed.sh [CORPUS_DIR...]   (default: the 3.13 stdlib)
# Both sides read and decode all files first, warm up once, then time one parse of every file.
# Prints both throughputs, then the speed ratio last.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -eq 0 ]; then
  set -- "$(PYENV_VERSION=3.13.0 python -c 'import sysconfig;print(sysconfig.get_paths()["stdlib"])')"
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build src/Bulwark.Cli -c Release -o "$out/bin" -v q -nologo >/dev/null
# only files CPython accepts, so both sides parse the same successful inputs
find "$@" -name '*.py' -type f | sort > "$out/all"
PYENV_VERSION=3.13.0 python - "$out/all" "$out/files" <<'PY'
import ast, sys, warnings
warnings.simplefilter("ignore")
ok = []
for p in open(sys.argv[1]).read().split("\n"):
    if not p: continue
    try:
        ast.parse(open(p, "rb").read()); ok.append(p)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        pass
open(sys.argv[2], "w").write("\n".join(ok) + "\n")
PY
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: $* ($(wc -l < "$out/files") files CPython accepts)"
# The shipped CLI is NativeAOT (fully optimized code, no tiering): run the JIT build without tiered compilation to
# match, with a 64 MB gen0 budget (the parser allocates the whole tree; small gen0 budgets mean many promotions).
bul=$(DOTNET_TieredCompilation=0 DOTNET_GCgen0size=0x4000000 "$out/bin/bulwark" debug parse-bench "@$out/files")
echo "$bul"
cpy=$(PYENV_VERSION=3.13.0 python - "$out/files" <<'PY'
import ast, sys, time, warnings
warnings.simplefilter("ignore")
paths = [p for p in open(sys.argv[1]).read().split("\n") if p]
srcs = [open(p, "rb").read() for p in paths]
for s in srcs[:200]: ast.parse(s)
t = time.perf_counter()
for s in srcs: ast.parse(s)
secs = time.perf_counter() - t
n = sum(map(len, srcs))
print(f"cpython files={len(srcs)} bytes={n} seconds={secs:.3f} MB/s={n/1e6/secs:.2f} files/s={len(srcs)/secs:.1f}")
PY
)
echo "$cpy"
b=$(echo "$bul" | grep '^bulwark files' | sed -E 's/.*MB\/s=([0-9.]+).*/\1/')
c=$(echo "$cpy" | sed -E 's/.*MB\/s=([0-9.]+).*/\1/')
awk -v b="$b" -v c="$c" 'BEGIN { printf "speed ratio bulwark/cpython: %.2fx\n", b / c }'
