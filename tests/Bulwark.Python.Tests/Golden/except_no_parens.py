try:
    pass
except ValueError, TypeError:
    pass
except* OSError:
    pass
