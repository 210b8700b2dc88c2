import base64
import pickle


def load_preferences(cookie_value):
    if not cookie_value:
        return {}
    raw = base64.urlsafe_b64decode(cookie_value.encode())
    return pickle.loads(raw)  # expect: CWE-502
