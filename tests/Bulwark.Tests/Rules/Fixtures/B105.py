password = "hunter2"                 # reported
DB_PASSWD = "s3cr3t"                 # reported
config.api_token = "abc123"          # reported: attribute
settings["secret"] = "xyz"           # reported: dict key
if passphrase == "open sesame":      # reported: comparison
    pass
user_password: str = "annotated"     # reported: annotated assignment

username = "admin"                   # ok: not a password name
password = ""                        # ok: empty
password = get_password()            # ok: not a literal
