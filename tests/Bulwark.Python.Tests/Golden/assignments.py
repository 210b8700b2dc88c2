x = 1
a = b = c
a, *b = c
[a, (b, c)] = d
x += 1; y //= 2; z @= m
x: int = 5
(y): str
obj.attr: int
d[k]: float = 1.0
x = yield_ = 1, 2,
del a, b[1], c.d, (e, f)
a = (yield)
