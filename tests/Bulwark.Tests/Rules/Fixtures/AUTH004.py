import jwt
from jose import jwt as jose_jwt

OPTIONS = {"verify_signature": False}

jwt.decode(token, options={"verify_signature": False})                        # reported
jwt.decode(token, key, algorithms=["HS256"], options=OPTIONS)                 # reported
jwt.decode(token, key, verify=False)                                          # reported
jwt.decode(token, key, algorithms=["HS256", "none"])                          # reported
jwt.decode(token, key, algorithms=["HS256"], options={"verify_exp": False})   # reported (medium)
jwt.decode(token, key, algorithms=["HS256"], options=dict(verify_aud=False))  # reported (medium)
jwt.decode(token, key)                                                        # reported: no algorithms (medium)
jose_jwt.decode(token, key, options={"verify_signature": False})              # reported
jwt.decode(token, key, algorithms=["RS256"], audience="api")                  # ok
jwt.decode(token, key, algorithms=ALGORITHMS)                                 # ok: unknown
jwt.get_unverified_header(token)                                              # ok
