import os
import subprocess as subp

os.system("/bin/tar xvzf *")                                 # reported
os.popen2("/bin/chmod *")                                    # reported
subp.Popen("/bin/chown *", shell=True)                       # reported
subp.Popen(["/bin/rsync", "-a", "*", "dest"], shell=True)    # reported: list
os.system("tar cf backup.tar data/")                         # ok: no wildcard
subp.Popen("/bin/chown *", shell=False)                      # ok: no shell
os.system("ls *")                                            # ok: not a vulnerable command
os.system("/bin/tar xvzf *")  # nosec
