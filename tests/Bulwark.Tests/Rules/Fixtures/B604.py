import subprocess

run_tool("grep " + pattern, shell=True)          # reported
helpers.spawn(cmd, shell=1)                      # reported: method
wrapper(cmd, shell=flag)                         # reported: unknown value
run_tool(cmd, shell=False)                       # ok
subprocess.run(cmd, shell=True)                  # ok: B602's
run_tool(cmd, shell=True)  # nosec
