t"plain"
t"hello {name}"
t"{x!r:>{w}} and {y=}"
t"a" t"{b}"
