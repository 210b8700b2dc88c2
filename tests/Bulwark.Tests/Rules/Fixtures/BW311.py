import random
import random as rnd
import string
from random import choice, randint
import secrets

ALPHABET = string.ascii_letters + string.digits
SECRET_KEY = "".join(random.choice(ALPHABET) for _ in range(50))      # reported: module level


def make_reset_token():
    return "".join(choice(ALPHABET) for _ in range(32))                 # reported: returned from a token function


def create_user(name):
    password = "".join(rnd.choice(ALPHABET) for _ in range(12))         # reported: aliased module
    otp = randint(100000, 999999)                                       # reported
    user = User(name=name, api_key=str(random.getrandbits(128)))        # reported: keyword argument
    session["csrf_token"] = hex(random.getrandbits(64))                 # reported: subscript
    user.verification_code = f"{random.randint(0, 999999):06d}"         # reported: attribute, f-string
    return {"name": name, "secret": random.random()}                    # reported: dictionary entry


def derived(name):
    raw = random.getrandbits(64)                                        # reported: flows into nonce
    value = hex(raw)[2:]
    nonce = value.upper()
    return nonce


def via_instance():
    rng = random.Random()                                               # reported: instance feeds salt
    salt = bytes(rng.getrandbits(8) for _ in range(16))
    return salt


def loop_carried(n):
    parts = []
    for _ in range(n):
        parts.append(random.choice(ALPHABET))                           # reported: appended, then joined into token
    token = "".join(parts)
    return token


def ordinary_uses(deck, items):
    random.shuffle(deck)                                                # ok: not a value
    delay = random.uniform(0.5, 1.5)                                    # ok: jitter
    winner = random.choice(items)                                       # ok: not a secret name
    password_length = random.randint(12, 16)                            # ok: a property of the password
    token_ttl = random.randint(60, 120)                                 # ok: a property of the token
    items.sort(key=lambda _: random.random())                           # ok: a sort key
    status_code = random.choice([200, 500])                             # ok: "code" without qualifier
    api_key = secrets.token_hex(16)                                     # ok: secrets
    sample = random.sample(items, 3)                                    # ok
    return winner, delay, sample


def crypto_apis(message):
    import hmac
    import jwt
    from Crypto.Cipher import AES
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    k = random.randbytes(32)                                            # reported: the key of hmac.new
    mac = hmac.new(k, message, "sha256")
    AES.new(random.randbytes(16), AES.MODE_GCM)                         # reported: the key of AES.new
    iv = bytes(16)
    Cipher(algorithms.AES(bytes(32)), modes.CBC(random.randbytes(16)))  # reported: the IV of modes.CBC
    jwt.encode({"sub": 1}, str(random.random()))                        # reported: the signing key
    hmac.new(b"fixed", random.randbytes(8), "sha256")                   # ok: the message, not the key
    return mac


def branch_only(debug):
    if debug:
        value = random.getrandbits(64)                                  # ok: never reaches the token
        print(value)
    else:
        value = secrets.randbits(64)
        token = value
    return token


def one_branch_reaches(fast):
    if fast:
        value = random.getrandbits(64)                                  # reported: reaches nonce on one path
    else:
        value = secrets.randbits(64)
    nonce = value
    return nonce


def overwritten():
    seed = random.random()                                              # ok: overwritten before it is used
    seed = secrets.token_hex(16)
    token = seed
    return token


def assigned_after_use(previous):
    value = previous
    reset_token = value                                                 # ok: the random value comes later
    value = random.random()                                             # ok
    return reset_token, value


def carried_by_loop(n):
    value = secrets.token_hex(8)
    for _ in range(n):
        session_token = value
        value = str(random.random())                                    # reported: the next iteration's token
    return session_token


def stored_under_key():
    cfg = {}
    cfg["seed"] = random.random()                                       # reported: read back from the same key
    cfg["label"] = "x"
    api_key = cfg["seed"]
    return api_key


def other_key_read():
    cfg = {}
    cfg["jitter"] = random.random()                                     # ok: another key is read
    cfg["seed"] = secrets.token_hex(16)
    api_key = cfg["seed"]
    return api_key


def unpacked(message):
    import hmac
    jitter, k = random.random(), secrets.token_bytes(32)                # ok: the key is the secrets value
    return hmac.new(k, message, "sha256"), jitter


_SEED = random.getrandbits(128)                                         # reported: read by a function below


def module_value():
    signing_key = str(_SEED)
    return signing_key


def suppressed():
    token = random.random()  # nosec
    pin_code = random.randint(0, 9999)  # nosec BW311
    return token, pin_code


SESSIONS = {}


def remember(user):
    cookie = f"rememberMe{user.id}"
    value = str(random.normalvariate(0, 1))[2:]                         # reported: a distribution is as predictable
    SESSIONS[cookie] = value
    flag = random.random()                                              # ok: `remember` alone is a flag
    remember_login = flag > 0.5
    return remember_login


def remember_constant_key():
    key = "remember_me"
    SESSIONS[key] = random.getrandbits(64)                              # reported: the key names a remember-me token


def remember_cookie(response):
    response.set_cookie("remember_token", str(random.getrandbits(64)))  # reported: the cookie is named like a token
    response.set_cookie("theme", random.choice(["dark", "light"]))       # ok: not a secret's name
