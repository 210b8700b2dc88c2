import builtins

def run(code, exec=None):
    exec(code)                      # ok: parameter named exec shadows the builtin


exec("print(1)")                    # reported
exec(compile(src, "f", "exec"))     # reported: nested call
builtins.exec(src)                  # reported: through the builtins module
obj.exec(src)                       # ok: a method
eval(src)                           # ok: other rule (B307)
exec(src)  # nosec
exec(src)  # nosec B102
exec(src)  # noqa: S102
