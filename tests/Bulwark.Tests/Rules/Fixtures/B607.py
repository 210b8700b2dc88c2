import os
import subprocess

subprocess.run(["git", "pull"])              # reported: list, partial path
subprocess.Popen("ls -l", shell=True)        # reported
os.system("ls")                              # reported
os.execvp("tool", ["tool"])                  # reported
subprocess.run(["/usr/bin/git", "pull"])     # ok: absolute
subprocess.run(["./build.sh"])               # ok: explicitly relative
subprocess.run(["C:\\tools\\x.exe"])         # ok: drive letter
subprocess.run([tool, "pull"])               # ok: not a literal
subprocess.run(["git", "pull"])  # nosec
