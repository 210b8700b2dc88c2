a + b - c * d / e // f % g ** h @ i
-a + +b - ~c
not a and b or c and not d
a < b <= c > d >= e == f != g is h is not i in j not in k
a | b ^ c & d << e >> f
x if y else z
(x := 10)
[y := f(x), y**2]
f(a, *b, c=1, **d)
f(x for x in y)
f(*a, *b, **c, **d)
obj.attr.method()[0][1:2][::3][a:b:c][1:2, 3][...]
a[*b]
(a)
(a, )
()
(yield x)
[1, 2, *rest]
{1, 2, *s}
{'a': 1, **d, 'b': 2}
{}
[x for x in y if x if not x for z in x]
{x for x in y}
{k: v for k, v in items}
(x for x in y)
await_ = 1
-1 ** 2
a.b.c.d
(a)(b)
(a).b
(a)[b]
x = *a, *b
print(*args, sep='')
a if b else c if d else e
lambda: (yield)
f(a)(b)(c)
"abc".join(x)
1 .real
