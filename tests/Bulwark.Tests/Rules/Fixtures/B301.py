import pickle
import pickle as p
from pickle import loads as l, Unpickler
import dill
import shelve
import jsonpickle
import pandas as pd
from . import pickle as local_pickle


def handler(request):
    pickle.loads(request.body)                 # reported
    p.load(request.files["f"])                 # reported: aliased module
    l(request.body)                            # reported: aliased function
    Unpickler(request.stream).load()           # reported once: the constructor
    dill.loads(request.body)                   # reported
    shelve.open("cache.db")                    # reported
    jsonpickle.decode(request.body)            # reported
    pd.read_pickle(request.files["f"])         # reported
    print(pickle.loads(
        request.body))                         # reported: nested, multi-line
    local_pickle.loads(request.body)           # reported: Bandit names `from . import pickle` plain `pickle`

    pickle.dumps({"a": 1})                     # ok: serialising
    json.loads(request.body)                   # ok
    pd.read_csv("data.csv")                    # ok
    loads(request.body)                        # ok: not imported from pickle
    pickle.loads(request.body)  # nosec
    pickle.loads(request.body)  # nosec B301
    pickle.loads(request.body)  # nosec B602


FIXTURE = b"gASVAAAAAAAAAAA="


def from_constants(data):
    import base64
    pickle.loads(base64.b64decode(FIXTURE))    # ok (default profile): bytes the program fixes itself
    pickle.loads(b"\x80\x04K\x01.")            # ok (default profile): a literal
    pickle.loads(base64.b64decode(data))       # reported: the bytes come from the caller


def round_trips(obj, data):
    copy = pickle.loads(pickle.dumps(obj, -1))   # ok (default profile): the program's own object, never outside
    again = dill.loads(dill.dumps(obj))          # ok (default profile)
    mixed = pickle.loads(dill.dumps(obj))        # reported: another library's bytes
    pickle.loads(pickle.dumps(obj) + data)       # reported: bytes from the caller added


def c_module(data):
    import _pickle
    import _pickle as cPickle
    _pickle.loads(data)                          # reported: pickle's own C implementation
    cPickle.load(data)                           # reported
    cPickle.loads(cPickle.dumps(data))           # ok (default profile): a round trip
