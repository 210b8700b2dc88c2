import shlex
import subprocess


def word_count(path):
    cmd = "wc -w " + shlex.quote(path)
    out = subprocess.check_output(cmd, shell=True, text=True)  # safe: CWE-78
    return int(out.split()[0])
