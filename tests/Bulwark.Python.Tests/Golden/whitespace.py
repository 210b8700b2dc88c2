if x:
	if y:
		pass
x = 1
y = 2
if y:
    z = (1 +
         2)
