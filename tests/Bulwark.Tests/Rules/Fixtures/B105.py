password = "hunter2"                 # reported
DB_PASSWD = "s3cr3t"                 # reported
config.api_token = "abc123"          # reported: attribute
settings["secret"] = "xyz"           # reported: subscript key
creds = {"password": "pw1"}          # reported: dict entry
if passphrase == "open sesame":      # reported: comparison
    pass
TOKEN_TYPE = "bearer"                # reported by Bandit's check (BW105 ignores it)
password = ""                        # reported by Bandit's check, even empty

user_password: str = "annotated"     # ok for Bandit: annotated assignments are not inspected
username = "admin"                   # ok: not a password name
passwords = "x"                      # ok: `passwords` is not an anchored match
password = get_password()            # ok: not a literal
"""password = 'in a docstring'"""
password = "hunter2"  # nosec
password = "hunter2"  # nosec B105
password = "hunter2"  # noqa: S105
password = "hunter2"  # nosec B602 -- other rule: reported
