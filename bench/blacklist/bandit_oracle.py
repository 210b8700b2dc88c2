"""Oracle for Bulwark's blacklist rules: runs Bandit's own blacklist data and logic (B3xx calls, B4xx imports, B324)
from a Bandit source checkout, without installing Bandit or its plugin machinery.

usage: bandit_oracle.py BANDIT_CHECKOUT FILE...   → prints `path:line ID` for each finding (nosec ignored)
"""
import io
import sys
import types

checkout = sys.argv[1]
# Import Bandit's modules straight from the checkout: stub the packages whose __init__ pulls in yaml/stevedore/rich.
for stub in ("yaml", "stevedore", "stevedore.extension", "rich", "rich.progress"):
    sys.modules[stub] = types.ModuleType(stub)
sys.modules["stevedore"].extension = sys.modules["stevedore.extension"]
for name, sub in (("bandit", ""), ("bandit.core", "/core"), ("bandit.blacklists", "/blacklists"), ("bandit.plugins", "/plugins")):
    pkg = types.ModuleType(name)
    pkg.__path__ = [checkout + "/bandit" + sub]
    sys.modules[name] = pkg

from bandit.core import issue  # noqa: E402

bandit = sys.modules["bandit"]
bandit.Issue, bandit.HIGH, bandit.MEDIUM, bandit.LOW = issue.Issue, "HIGH", "MEDIUM", "LOW"

from bandit.core import blacklisting, metrics, node_visitor  # noqa: E402
from bandit.blacklists import calls, imports  # noqa: E402
from bandit.plugins import hashlib_insecure_functions  # noqa: E402

merged = {}
for module in (calls, imports):
    for node_type, checks in module.gen_blacklist().items():
        merged.setdefault(node_type, []).extend(checks)
blacklisting.blacklist._config = merged
blacklisting.blacklist._test_id = "B001"


class BlacklistOnly:
    """The test set Bandit would build with only the blacklist and B324 enabled."""

    def get_tests(self, checktype):
        tests = [blacklisting.blacklist] if checktype in merged else []
        if checktype == "Call":
            tests.append(hashlib_insecure_functions.hashlib)
        return tests


for path in sys.argv[2:]:
    data = open(path, "rb").read()
    visitor = node_visitor.BanditNodeVisitor(path, io.BytesIO(data), None, BlacklistOnly(), False, {}, metrics.Metrics())
    try:
        visitor.process(data)
    except SyntaxError:
        continue
    except Exception as error:  # Bandit skips a file whose checks raise ("exception while scanning file")
        print(f"{path}: skipped by Bandit: {type(error).__name__}: {error}", file=sys.stderr)
        continue
    for result in visitor.tester.results:
        print(f"{path}:{result.lineno} {result.test_id}")
