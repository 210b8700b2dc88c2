# Run under the name B101_tests.py: not a test file by the default skips, so this is reported.
assert "tests"
