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


def from_a_table(user_input):
    commands = {}
    commands["list"] = "ls -l"
    commands["user"] = user_input
    subprocess.run(commands["list"], shell=True)                  # ok: every store of that key is a constant
    subprocess.run(commands["user"], shell=True)                  # reported: the key holds the argument
    fixed = {"date": "date -u"}
    subprocess.run(fixed["date"], shell=True)                     # ok: a display of constants, never changed


def from_an_escaping_table(user_input):
    commands = {}
    commands["list"] = "ls -l"
    rewrite(commands, user_input)
    subprocess.run(commands["list"], shell=True)                  # reported: a call may have changed it


def from_a_replayed_list(user_input):
    parts = ["ls"]
    parts.append(user_input)
    parts.append("-l")
    parts.pop(1)
    subprocess.run(parts[1], shell=True)                          # ok: after pop(1) index 1 is "-l"
    subprocess.run(parts[0], shell=True)                          # ok: "ls"


def from_a_config(user_input):
    import configparser
    conf = configparser.ConfigParser()
    conf.add_section("run")
    conf.set("run", "safe", "date -u")
    conf.set("run", "chosen", user_input)
    subprocess.run(conf.get("run", "safe"), shell=True)           # ok: the option set to a constant
    subprocess.run(conf.get("run", "chosen"), shell=True)         # reported: the option set from the argument


def from_a_config_then_a_file(text):
    import configparser
    conf = configparser.ConfigParser()
    conf.add_section("run")
    conf.set("run", "safe", "date -u")
    conf.read_string(text)
    subprocess.run(conf.get("run", "safe"), shell=True)           # reported: read_string may have replaced the option


def from_a_list_built_in_place(user_input):
    argv = ["sh", "-c"]
    argv.append("echo " + VERBOSE)
    subprocess.run(argv, shell=True)                              # ok: every item added is a constant
    argv.append(user_input)
    subprocess.run(argv, shell=True)                              # reported: the argument was appended


def from_a_list_with_an_item_replaced(user_input):
    argv = ["ls", "-l"]
    argv[1] = user_input
    subprocess.run(argv, shell=True)                              # reported: an item was replaced by the argument


def from_a_list_at_an_unknown_index(user_input, i):
    argv = ["ls", "-l"]
    argv[i] = "-a"
    subprocess.run(argv, shell=True)                              # reported: the index is not known
    argv = ["ls", "-l"]
    argv[int(i)] = user_input
    subprocess.run(argv, shell=True)                              # reported: the item stored is the argument


def from_a_list_handed_to_other_code(user_input):
    argv = ["ls", "-l"]
    add_options(argv, user_input)
    subprocess.run(argv, shell=True)                              # reported: the call may have added to it
    logged = ["ls", "-l"]
    print(" ".join(logged), len(logged))
    subprocess.run(logged, shell=True)                            # ok: only read by the builtins and join
