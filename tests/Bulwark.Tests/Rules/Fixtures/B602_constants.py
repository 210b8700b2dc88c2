import subprocess

BASE = "/usr/bin/"
VERBOSE = "-v"


def constant_parts(flag):
    cmd = BASE + "ls " + VERBOSE
    if flag:
        cmd = BASE + "ls -la"
    subprocess.call(cmd, shell=True)  # ok: fixed by the program on every path


def numbers_only(count):
    subprocess.call("head -n %d /var/log/syslog" % int(count), shell=True)  # ok: a number cannot inject
    subprocess.call(f"sleep {len(count)}", shell=True)  # ok


def one_path_from_data(flag, name):
    cmd = "ls " + VERBOSE
    if flag:
        cmd = "ls " + name
    subprocess.call(cmd, shell=True)  # reported: one definition carries data


def formatted(name):
    subprocess.call("echo {}".format(name), shell=True)  # reported
    subprocess.call("echo {}".format(VERBOSE), shell=True)  # ok
