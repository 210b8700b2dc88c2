import subprocess

run_tool("grep " + pattern, shell=True)          # reported
helpers.spawn(cmd, shell=1)                      # reported: method
wrapper(cmd, shell=flag)                         # ok in the default profile: not known to be true (Bandit reports it)
IPythonMagics(shell=shell, config=config)        # ok: an object passed as `shell`
SHELL = True
wrapper(cmd, shell=SHELL)                        # reported: a constant that is true
run_tool(cmd, shell=False)                       # ok
subprocess.run(cmd, shell=True)                  # ok: B602's
run_tool(cmd, shell=True)  # nosec
