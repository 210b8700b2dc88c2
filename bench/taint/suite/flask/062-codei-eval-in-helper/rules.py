SAFE_GLOBALS = {"__builtins__": {}, "min": min, "max": max}


def evaluate(condition, facts):
    return bool(eval(condition, SAFE_GLOBALS, facts))  # expect: CWE-94
