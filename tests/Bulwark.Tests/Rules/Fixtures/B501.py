import requests
import httpx
from requests import get as fetch

VERIFY = False

requests.get(url, verify=False)                 # reported
fetch(url, verify=False, timeout=3)             # reported: aliased from-import
requests.post(url, verify=VERIFY)               # reported: constant
httpx.Client(verify=False)                      # reported
requests.get(url, verify=True)                  # ok
requests.get(url, verify="/etc/ca.pem")         # ok: a CA bundle
requests.get(url)                               # ok
other.get(url, verify=False)                    # ok: not requests
requests.get(url, verify=False)  # nosec
