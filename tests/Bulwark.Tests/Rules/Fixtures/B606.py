import os
from os import execvp as replace_process

os.execl(path, "arg")                      # reported
replace_process(program, args)             # reported: aliased
os.spawnv(os.P_WAIT, path, args)           # reported
os.startfile(document)                     # reported
os.system(cmd)                             # ok: B605's
os.execl(path, "arg")  # nosec
