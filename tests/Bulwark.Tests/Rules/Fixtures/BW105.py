password = "hunter2"                 # reported
DB_PASSWD = "s3cr3t"                 # reported
config.api_token = "abc123"          # reported: attribute
settings["secret"] = "xyz"           # reported: subscript key
creds = {"password": "pw1"}          # reported: dict entry
if passphrase == "open sesame":      # reported: comparison
    pass
user_password: str = "annotated"     # reported: annotated assignment

TOKEN_TYPE = "bearer"                # ok: a token scheme
password_field = "password"          # ok: a field name
PASSWORD_URL = "/auth/password"      # ok: the name describes, not holds
password = ""                        # ok: empty
password = "<your password here>"    # ok: placeholder
token = "${API_TOKEN}"               # ok: template
secret = "********"                  # ok: mask
if password == "Password is incorrect, try again":  # ok: a message
    pass
password = "hunter2"  # nosec B105 -- Bandit's id suppresses the variant
password = "hunter2"  # noqa: S105
