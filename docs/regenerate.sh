#!/usr/bin/env bash
# Regenerates docs/rules/*.md from the rules' metadata (RuleInfo); the test suite fails when they drift.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project src/Bulwark.Cli -- debug gen-docs docs
