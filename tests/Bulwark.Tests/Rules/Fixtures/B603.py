import subprocess
import sys
from subprocess import check_output

subprocess.run(["ls", "-l"])                     # ok: a fixed program and arguments (default profile)
check_output(args)                               # reported: from-import
subprocess.Popen(cmd, shell=False)               # reported: shell off
subprocess.run(cmd, shell=True)                  # ok: B602's
os.system(cmd)                                   # ok: not a subprocess function
subprocess.run([tool])  # nosec
subprocess.run(args=["ls", name])                # reported: an argument is a name bound nowhere
subprocess.run(["ls"], executable=tool)          # reported: the program run is not fixed
subprocess.run(["ls"], executable="/bin/ls")     # ok
subprocess.run(*argv)                            # reported: what is unpacked is not known

TOOL = "git"


def built_in_place(flag, user_input):
    argv = [TOOL, "status"]
    if flag:
        argv.append("--short")
    subprocess.run(argv)                         # ok: every item is a constant on every path
    argv.extend([user_input])
    subprocess.run(argv)                         # reported: the argument was added
    subprocess.run([TOOL, "log", "-n", str(len(user_input))])  # ok: a number cannot inject
    subprocess.run([sys.executable, "-m", "pip", "--version"])  # ok: the interpreter running the program
    subprocess.run([sys.executable, "-m", "pip", "install", user_input])  # reported: the argument
    subprocess.run("git rev-parse --short HEAD".split(" "))  # ok: pieces of a constant
    subprocess.run(("git log " + user_input).split())  # reported: pieces of the argument too


def handed_over(user_input):
    argv = [TOOL, "status"]
    prepare(argv, user_input)
    subprocess.run(argv)                         # reported: prepare() may have changed it
