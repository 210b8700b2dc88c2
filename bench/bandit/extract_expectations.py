"""Derives, from Bandit's functional test file, the expected issue counts per example file.

Reads tests/functional/test_functional.py of a Bandit checkout as a syntax tree (nothing of it is executed) and
prints one TSV row per `check_example` call:
    example  ignore_nosec  sev_low sev_medium sev_high  conf_low conf_medium conf_high  ignore  options
`ignore` lists rule ids excluded by a custom test-set profile; `options` lists RULE.option=JSON settings made through
a test's `_config` or a BanditConfig, translated to Bulwark rule ids.
"""
import ast
import json
import sys

# Bandit test or config-section names → Bulwark rule ids (same check, same option names).
RULE_OF = {
    "assert_used": "B101", "try_except_pass": "B110", "try_except_continue": "B112",
    "markupsafe_xss": "B704", "hardcoded_tmp_directory": "B108", "shell_injection": "B602",
}


class Unsupported(Exception):
    pass


def value(node, env):
    """Evaluates literals, names bound to literals, and simple arithmetic."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        if node.id in env:
            return env[node.id]
        raise Unsupported(node.id)
    if isinstance(node, ast.Dict):
        return {value(k, env): value(v, env) for k, v in zip(node.keys, node.values)}
    if isinstance(node, (ast.List, ast.Tuple)):
        return [value(e, env) for e in node.elts]
    if isinstance(node, ast.BinOp):
        left, right = value(node.left, env), value(node.right, env)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
    raise Unsupported(ast.dump(node)[:60])


def test_name_selected(node):
    """`next(x for x in ... if x.__name__ == "try_except_pass")` → the Bandit test name."""
    for n in ast.walk(node):
        if isinstance(n, ast.Compare) and isinstance(n.left, ast.Attribute) and n.left.attr == "__name__":
            c = n.comparators[0]
            if isinstance(c, ast.Constant):
                return c.value
    return None


def rows_of(method):
    env, rows = {}, []
    state = {"test": None, "options": {}, "ignore": []}

    def walk(stmts, ignore, options):
        for s in stmts:
            if isinstance(s, ast.Assign) and len(s.targets) == 1:
                t = s.targets[0]
                if isinstance(t, ast.Name):
                    if isinstance(s.value, ast.Call) and test_name_selected(s.value):
                        state["test"] = test_name_selected(s.value)
                        continue
                    try:
                        env[t.id] = value(s.value, env)
                    except Unsupported:
                        env.pop(t.id, None)
                elif isinstance(t, ast.Attribute) and t.attr == "_config" and state["test"]:
                    rule = RULE_OF[state["test"]]
                    options = {k: v for k, v in options.items() if not k.startswith(rule + ".")}
                    for k, v in value(s.value, env).items():
                        options[f"{rule}.{k}"] = v
                    state["options"] = options
                elif isinstance(t, ast.Subscript) and isinstance(t.value, ast.Attribute) and t.value.attr == "config":
                    rule = RULE_OF[value(t.slice, env)]
                    for k, v in value(s.value, env).items():
                        options[f"{rule}.{k}"] = v
                    state["options"] = options
            elif isinstance(s, ast.With):
                extra = list(ignore)
                for item in s.items:
                    for n in ast.walk(item.context_expr):
                        if isinstance(n, ast.keyword) and n.arg == "profile":
                            extra += value(n.value, env).get("exclude", [])
                walk(s.body, extra, state["options"])
            elif isinstance(s, ast.Expr) and isinstance(s.value, ast.Call):
                call = s.value
                if isinstance(call.func, ast.Attribute) and call.func.attr == "check_example":
                    example = value(call.args[0], env)
                    expect = value(call.args[1], env)
                    nosec = any(k.arg == "ignore_nosec" and value(k.value, env) for k in call.keywords)
                    rows.append((example, nosec, expect, list(ignore), dict(state["options"])))
            walk_options = state["options"]
            options = walk_options

    walk(method.body, [], {})
    return rows


def main(path):
    tree = ast.parse(open(path, encoding="utf-8").read())
    for cls in tree.body:
        if not isinstance(cls, ast.ClassDef):
            continue
        for m in cls.body:
            if not (isinstance(m, ast.FunctionDef) and m.name.startswith("test_")):
                continue
            try:
                rows = rows_of(m)
            except (Unsupported, KeyError) as e:
                print(f"# skipped {m.name}: {e}", file=sys.stderr)
                continue
            for example, nosec, expect, ignore, options in rows:
                sev, conf = expect["SEVERITY"], expect["CONFIDENCE"]
                opts = ";".join(f"{k}={json.dumps(v)}" for k, v in options.items())
                print("\t".join([example, "1" if nosec else "0",
                                 str(sev.get("LOW", 0)), str(sev.get("MEDIUM", 0)), str(sev.get("HIGH", 0)),
                                 str(conf.get("LOW", 0)), str(conf.get("MEDIUM", 0)), str(conf.get("HIGH", 0)),
                                 ",".join(ignore), opts]))


if __name__ == "__main__":
    main(sys.argv[1])
