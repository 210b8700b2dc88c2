import functools
import subprocess

run_shell = functools.partial(subprocess.run, shell=True, check=False, capture_output=True, text=True)


def disk_usage(share):
    completed = run_shell("du -sh /srv/shares/" + share)  # expect: CWE-78
    return completed.stdout
