def apply_formula(formula, values):
    scope = dict(values)
    exec(f"result = {formula}", {}, scope)  # expect: CWE-94
    return scope["result"]
