match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, 2, z=3) | Point3D():
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case [1, 2, *others]:
        pass
    case [*_, last]:
        pass
    case (1 | 2 | 3) as n:
        pass
    case -1 | 1.5 | -2j | 1 + 2j | -1 - 2j:
        pass
    case "a" "b" | b"c":
        pass
    case None | True | False:
        pass
    case Color.RED | a.b.c:
        pass
    case {1: _, True: _, None: _, a.b: _}:
        pass
    case x if x > 0:
        pass
    case ():
        pass
    case []:
        pass
    case (a, b):
        pass
    case _:
        pass
match a, b:
    case 1, 2:
        pass
    case *x, y:
        pass
match = 1
match(x)
match[x]
case = 2
