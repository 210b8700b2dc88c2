import os
import stat
from os import chmod as change_mode
from pathlib import Path

MODE = 0o777

os.chmod("/etc/passwd", 0o777)                        # high: world writable
os.chmod("/etc/passwd", 0o750)                        # medium: group execute
change_mode(key_file, 0o227)                          # high, aliased import
os.chmod(path, MODE)                                  # high: module constant
os.chmod(path, stat.S_IRWXU | stat.S_IRWXG)           # medium: stat flags, group write
os.chmod(path, mode=0o666)                            # high: keyword
os.fchmod(fd, 0o707)                                  # high
Path(p).chmod(0o776)                                  # high: pathlib method
os.chmod(path, 0o600)                                 # ok
os.chmod(path, 0o644)                                 # ok: only read for others
os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)           # ok
os.chmod(path, mode_from_config)                      # ok: unknown
os.chmod(path, 0o777)  # nosec
os.chmod(path, 0o777)  # nosec B103
