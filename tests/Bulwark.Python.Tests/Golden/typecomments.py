x = 1  # type: ignore
def f(a,  # type: int
      ):
    # type: (...) -> None
    pass
