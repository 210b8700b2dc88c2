import base64
import pickle


def load_cart(cookie):
    if not cookie:
        return []
    return pickle.loads(base64.b64decode(cookie))  # expect: CWE-502
