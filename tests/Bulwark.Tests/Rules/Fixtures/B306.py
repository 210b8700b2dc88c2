import tempfile
import tempfile as tf
from tempfile import mktemp


def scratch():
    tempfile.mktemp()                      # reported
    tf.mktemp(suffix=".txt")               # reported: aliased module
    mktemp()                               # reported: from-import
    open(tempfile.mktemp(), "w")           # reported: nested
    tempfile.mkstemp()                     # ok
    tempfile.NamedTemporaryFile()          # ok
    tempfile.mkdtemp()                     # ok
    tempfile.mktemp()  # nosec
    tempfile.mktemp()  # nosec: mktemp_q
