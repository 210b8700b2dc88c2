#!/usr/bin/env bash
# Tests .pre-commit-hooks.yaml with the real pre-commit (apt-get install -y pre-commit) in a temporary git
# repository, with the NativeAOT `bulwark` on PATH (as `pip install bulwark` would put it):
#   - `pre-commit try-repo` on this checkout (the manifest as users reference it): a staged insecure file fails
#     the `bulwark` hook, a staged clean one passes;
#   - `pre-commit install` and real `git commit`s with the hooks copied from the manifest into a `repo: local`
#     config: an insecure file or an unpinned requirement blocks the commit, a clean file commits even while an
#     insecure file sits unstaged next to it (only staged files are scanned), and `bulwark-dependencies` runs only
#     when a manifest is staged.
#
#   packaging/test-precommit.sh [--binary PATH]     (default: publish the binary of this checkout)
#
# Prints "pre-commit tests: N passed, N failed" last; exits 1 on any failure, 2 when pre-commit is missing.
set -euo pipefail
source "$(dirname "$0")/common.sh"

binary=
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary=$(realpath "$2"); shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "test-precommit.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
command -v pre-commit > /dev/null || { echo "test-precommit.sh: pre-commit is not installed (apt-get install -y pre-commit)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$binary" ]; then
  publish_native "$work/bin"
  binary=$work/bin/bulwark
fi
mkdir -p "$work/path"
ln -s "$binary" "$work/path/bulwark"
# An empty advisory cache: results must not depend on what this machine has imported.
export PATH=$work/path:$PATH PRE_COMMIT_HOME=$work/pre-commit-cache BULWARK_CACHE_DIR=$work/bulwark-cache
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid
echo "pre-commit $(pre-commit --version | cut -d' ' -f2), $(bulwark version)"

passed=0 failed=0
expect() { # expect pass|fail DESCRIPTION COMMAND...
  local want=$1 what=$2 got=pass; shift 2
  "$@" > "$work/cmd.log" 2>&1 || got=fail
  case "$1" in output_has|output_count) ;; *) cp "$work/cmd.log" "$work/out.log" ;; esac
  if [ "$got" = "$want" ]; then
    passed=$((passed + 1)); echo "  ok: $what"
  else
    failed=$((failed + 1)); echo "  FAILED: $what (expected the command to $want)"; sed 's/^/    /' "$work/out.log" | tail -25
  fi
}
# Checks of the previous command's output.
output_has() { grep -q -- "$1" "$work/out.log"; }
output_count() { [ "$(grep -c -- "$1" "$work/out.log")" = "$2" ]; }

insecure='import subprocess


def ping(host):
    return subprocess.call("ping -c 1 " + host, shell=True)
'
clean='def add(a, b):
    return a + b
'

new_repo() {
  rm -rf "$work/repo"; mkdir "$work/repo"; cd "$work/repo"
  git init -q -b main .
}

echo "try-repo (the manifest of this checkout):"
new_repo
printf '%s' "$insecure" > insecure.py
git add insecure.py
expect fail "a staged insecure file fails the bulwark hook" pre-commit try-repo "$repo_root" bulwark
expect pass "... the hook ran and reported the finding" output_has 'insecure.py:5:12  B602'
git rm -q --cached insecure.py
printf '%s' "$clean" > clean.py
git add clean.py
expect pass "a staged clean file passes (the unstaged insecure file is not scanned)" pre-commit try-repo "$repo_root" bulwark
expect pass "... the hook ran on it and passed" output_has '^bulwark\.*Passed'

echo "git commit with the hooks installed:"
new_repo
# The manifest's hooks as a `repo: local` config: the same entry, file filters and options.
# pre-commit's own interpreter has PyYAML.
pc_python=$(sed -n '1s/^#! *//p' "$(command -v pre-commit)")
$pc_python - "$repo_root/.pre-commit-hooks.yaml" > .pre-commit-config.yaml <<'PY'
import json, sys
import yaml
hooks = yaml.safe_load(open(sys.argv[1]))
print(json.dumps({"repos": [{"repo": "local", "hooks": hooks}]}, indent=1))  # JSON is YAML
PY
git add .pre-commit-config.yaml && git commit -q -m "config" --no-verify
expect pass "pre-commit install" pre-commit install
printf '%s' "$insecure" > insecure.py
git add insecure.py
expect fail "committing an insecure file is refused" git commit -m insecure
expect pass "... the bulwark hook ran and failed" output_has 'bulwark\.*Failed'
expect pass "... the dependency hook did not run (no manifest staged)" output_has 'bulwark dependency audit.*no files to check'
git rm -q --cached insecure.py
printf '%s' "$clean" > clean.py
git add clean.py
expect pass "committing a clean file succeeds, with an insecure file unstaged beside it" git commit -m clean
expect pass "... the hook ran on it and passed" output_has '^bulwark\.*Passed'
printf 'requests\n' > requirements.txt
git add requirements.txt
expect fail "committing an unpinned requirement is refused" git commit -m requirements
expect pass "... both hooks report it (DEP002)" output_count 'requirements.txt:1:1  DEP002' 2
printf 'requests==2.32.3\n' > requirements.txt
git add requirements.txt
expect pass "committing the pinned requirement succeeds" git commit -m pinned

echo "pre-commit tests: $passed passed, $failed failed"
[ "$failed" = 0 ]
