import tempfile

"""/tmp in a docstring is ignored"""
f = open("/tmp/report.csv", "w")             # reported
g = open("/var/tmp/cache", "w")              # reported
h = open(f"/dev/shm/{name}", "w")            # reported: f-string part
path = os.path.join("/tmp", name)            # reported
safe = tempfile.mkdtemp()                    # ok
other = "/tmpfiles"                          # reported: prefix match, as Bandit
home = "/home/user/tmp"                      # ok
x = "/tmp/x"  # nosec
y = "/tmp/y"  # nosec B108
