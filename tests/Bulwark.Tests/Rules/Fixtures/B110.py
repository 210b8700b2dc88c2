try:
    a()
except:
    pass                      # reported: bare except

try:
    a()
except Exception:
    pass                      # reported

try:
    a()
except ValueError:
    pass                      # ok: typed (check_typed_exception is off)

try:
    a()
except (ValueError, Exception):
    pass                      # ok: a tuple is typed

try:
    a()
except Exception as e:
    log(e)                    # ok: handled

try:
    a()
except Exception:
    pass
    pass                      # ok: two statements

try:
    a()
except Exception:  # nosec
    pass
