import os

TOOLS = ("ls", "df")


def each_tool():
    for tool in TOOLS:
        os.system(tool + " -h")  # reported: the loop is over a name, not a literal collection
    for tool in ("ls", "df"):
        os.system(tool + " -h")  # ok: an item of a literal tuple of constants


def joined(args):
    os.system(" ".join(["ls", "-l"]))  # ok
    os.system(" ".join(["ls", args]))  # reported
