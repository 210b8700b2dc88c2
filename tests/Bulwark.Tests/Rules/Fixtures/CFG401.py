import sentry_sdk
from sentry_sdk import init

sentry_sdk.init(dsn=DSN, send_default_pii=True)     # reported
init(dsn=DSN, send_default_pii=True)                # reported
sentry_sdk.init(dsn=DSN)                            # ok: default False
sentry_sdk.init(dsn=DSN, send_default_pii=False)    # ok
sentry_sdk.init(dsn=DSN, send_default_pii=DEBUG)    # ok: unknown
