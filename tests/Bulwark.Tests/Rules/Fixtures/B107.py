def connect(host, password="admin"):              # reported
    pass


def login(user, token="abc", pwd="x"):            # reported once
    pass


async def fetch(url, api_secret="s"):             # reported: async
    pass


def ok1(host, password=None):                     # ok: None
    pass


def ok2(host, password):                          # ok: no default
    pass


def ok3(host, *, password="kwonly"):              # ok: keyword-only, not inspected (as Bandit)
    pass


def ok4(password="x"):  # nosec
    pass
