try:
    pass
except ValueError, TypeError:
    pass
except (A, B):
    pass
try:
    pass
except* OSError, KeyError:
    pass
