connect(user="app", password="s3cr3t")                 # reported
client.login(auth_token="abc", user_passwd="x")        # reported once per call
setup(outer(secret="nested"))                          # reported: nested call
connect(user="app", password=os.environ["PW"])         # ok: not a literal
connect("app", "positional")                           # ok: positional
connect(passwords="x")                                 # ok: not an anchored match
connect(**{"password": "x"})                           # ok: unpacking
connect(password="s3cr3t")  # nosec
connect(password="s3cr3t")  # nosec B106
