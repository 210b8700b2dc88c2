def f():
    return 1



    # comment

x = f(
)
