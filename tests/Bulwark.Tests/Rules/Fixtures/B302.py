import marshal
import marshal as m
from marshal import loads


def restore(blob, stream):
    marshal.loads(blob)            # reported
    m.load(stream)                 # reported: aliased module
    loads(blob)                    # reported: from-import
    len(marshal.loads(blob))       # reported: nested
    marshal.dumps(blob)            # ok: serialising
    marshal.loads(blob)  # nosec
