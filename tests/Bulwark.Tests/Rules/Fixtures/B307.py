import builtins
import pandas as pd


class Model:
    def eval(self, expr):
        return expr


def compute(expr, df, model):
    eval(expr)                    # reported
    eval("1 + 2")                 # reported: Bandit reports literals too
    builtins.eval(expr)           # reported: explicit builtin
    print(eval(expr))             # reported: nested
    df.eval("a + b")              # ok: a method
    pd.eval("a + b")              # ok: pandas.eval
    model.eval(expr)              # ok: a method
    ast.literal_eval(expr)        # ok
    evaluate(expr)                # ok
    eval(expr)  # nosec
    eval(expr)  # noqa: S307
