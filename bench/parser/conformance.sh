#!/usr/bin/env bash
# Parser conformance: CPython 3.13 ast.dump(include_attributes=True) vs `bulwark debug ast --jsonl`, file by file.
# Usage: bench/parser/conformance.sh [CORPUS_DIR...]   (default: 3.13 stdlib + 3.11 site-packages)
# Prints differing files, then a summary; the identical-dump percentage is the last line.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -eq 0 ]; then
  set -- "$(PYENV_VERSION=3.13.0 python -c 'import sysconfig;print(sysconfig.get_paths()["stdlib"])')" \
         "$(PYENV_VERSION=3.11.7 python -c 'import site; print(site.getsitepackages()[0])')"
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build src/Bulwark.Cli -c Release -o "$out/bin" -v q -nologo >/dev/null
find "$@" -name '*.py' -type f | sort > "$out/files"
echo "corpus: $* ($(wc -l < "$out/files") files)" >&2
"$out/bin/bulwark" debug ast --jsonl "@$out/files" \
  | PYENV_VERSION=3.13.0 python bench/parser/cpython_compare.py "${CONFORMANCE_DIFF_LIST:-/dev/null}"
