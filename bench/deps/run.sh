#!/usr/bin/env bash
# Dependency audit benchmark: OSV oracle agreement over shared/advisory-db, then store load + matching of
# 1,000 pinned requirements. Prints the oracle figure, then the timing figure last.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run --project bench/deps -c Release -- "${1:-all}" "${@:2}"
