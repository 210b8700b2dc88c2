LIMIT = 10


def computed():
    return eval("1 + " + str(LIMIT))  # ok: constant code


def from_argument(expr):
    return eval("1 + " + expr)  # reported
