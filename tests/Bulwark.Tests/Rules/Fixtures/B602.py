import subprocess
import subprocess as sp
from subprocess import Popen, run as execute

SHELL = True
NO_SHELL = False

def handler(user_input):
    subprocess.Popen(user_input, shell=True)             # high
    sp.call("ls " + user_input, shell=True)             # high, aliased module
    Popen(f"echo {user_input}", shell=1)                 # high, from-import
    execute(["ls"], shell="yes")                         # high: a non-literal first argument
    subprocess.check_output("ls -l", shell=True)         # low: literal command
    subprocess.run(user_input, shell=SHELL)              # high: constant
    subprocess.run(user_input, shell=flag)               # high: unknown counts as on
    subprocess.run(
        user_input,
        shell=True,
    )                                                    # high, multi-line

    subprocess.Popen(user_input, shell=False)            # ok
    subprocess.Popen(user_input, shell=0)                # ok
    subprocess.Popen(user_input, shell=None)             # ok
    subprocess.Popen(user_input, shell=NO_SHELL)         # ok: constant
    subprocess.Popen(user_input)                         # ok: no shell
    subprocess.Popen(user_input, shell=[])               # ok: empty list is falsy
    os_popen = lambda cmd, shell: cmd
    os_popen(user_input, shell=True)                     # ok: not a subprocess function

    subprocess.run(user_input, shell=True)  # nosec
    subprocess.run(user_input, shell=True)  # nosec B602
    subprocess.run(  # nosec
        user_input,
        shell=True,
    )


def shadowed(subprocess):
    subprocess.run(cmd, shell=True)                      # ok: a parameter, not the module
