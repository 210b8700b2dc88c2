import os


def run_detached(program, *args):
    pid = os.fork()
    if pid == 0:
        os.execvp(program, [program, *args])  # expect: CWE-78
    return pid
