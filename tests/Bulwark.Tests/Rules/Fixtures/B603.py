import subprocess
from subprocess import check_output

subprocess.run(["ls", "-l"])                     # reported
check_output(args)                               # reported: from-import
subprocess.Popen(cmd, shell=False)               # reported: shell off
subprocess.run(cmd, shell=True)                  # ok: B602's
os.system(cmd)                                   # ok: not a subprocess function
subprocess.run(["ls"])  # nosec
