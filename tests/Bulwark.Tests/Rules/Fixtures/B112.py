for item in items:
    try:
        a(item)
    except:
        continue              # reported

    try:
        a(item)
    except Exception:
        continue              # reported

    try:
        a(item)
    except KeyError:
        continue              # ok: typed

    try:
        a(item)
    except Exception:
        log(item)
        continue              # ok: logged

    try:
        a(item)
    except Exception:  # nosec B112
        continue
