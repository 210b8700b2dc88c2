type Point = tuple[float, float]
type ListOrSet[T] = list[T] | set[T]
def func[T](a: T) -> T: ...
def func2[T: int, *Ts, **P](*args: *Ts) -> T: ...
class ClassA[T: (int, str) = int, *Ts = *tuple[int], **P = [int, str]]:
    pass
type = 1
type.x = 2
type(a)
