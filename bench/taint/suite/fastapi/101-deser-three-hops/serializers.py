import pickle
import zlib


def loads(data):
    return pickle.loads(zlib.decompress(data))  # expect: CWE-502
