import os
import commands
from os import system as sh

os.system("ping -c 1 " + host)             # high
sh(f"rm {path}")                           # high: aliased
os.popen(cmd)                              # high
os.system("/bin/ls")                       # low: literal
commands.getoutput("ls")                   # low
os.system()                                # ok: no arguments
os.path.join(a, b)                         # ok
os.system(cmd)  # nosec
