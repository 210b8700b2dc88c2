import requests
import requests as r
from requests import post
import httpx

requests.get(url)                         # reported
r.post(url, data=d)                       # reported: aliased module
post(url)                                 # reported: from-import
requests.get(url, timeout=None)           # reported: None
httpx.get(url, timeout=None)              # reported: httpx with None
httpx.Client(timeout=None)                # reported
requests.get(url, timeout=5)              # ok
requests.get(url, timeout=t)              # ok: given
httpx.get(url)                            # ok: httpx has a default timeout
session.get(url)                          # ok: unknown object
requests.Session()                        # ok: not a request


def f(requests):
    requests.get(url)                     # ok: parameter shadows the module


requests.get(url)  # nosec
requests.get(url)  # nosec B113
