import os, sys as system, a.b.c as d
from . import x
from ..pkg.mod import (a as b, c,)
from ... import y
from .... import z
from __future__ import annotations

@decorator
@decorator.attr(arg)
def f(a, b: int = 1, /, c=2, *args: str, d, e=3, **kwargs) -> None:
    """doc"""
    global g
    nonlocal h
    return a

async def g():
    async with a as b, c:
        pass
    async for x in y:
        await z
    return [i async for i in aiter() if await i]

class C(Base, metaclass=Meta, **kw):
    x: int
    def m(self): ...

if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass

while True:
    break
else:
    continue

for i, j in items:
    continue
else:
    pass

try:
    pass
except (A, B) as e:
    raise X from e
except C:
    raise
else:
    pass
finally:
    pass

with open(a) as f, open(b) as g:
    pass
with (open(a) as f, open(b) as g,):
    pass
with (a, b):
    pass
with (a, b) as c:
    pass
with (yield):
    pass
assert x, "msg"
if x: y = 1; z = 2
class D: pass
def h(*, a, b=1): pass
def k(a, /): pass
lambda: 0
lambda x, *y, z=1, **w: x
