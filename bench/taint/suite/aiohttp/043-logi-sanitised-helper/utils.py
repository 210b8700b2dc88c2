def single_line(value):
    return value.replace("\r", " ").replace("\n", " ")
