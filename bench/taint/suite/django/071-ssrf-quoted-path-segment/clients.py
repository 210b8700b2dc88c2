import urllib.parse

import httpx

API = "https://api.github.example/users/"


def fetch_profile(login):
    url = API + urllib.parse.quote(login, safe="")
    return httpx.get(url, timeout=5).json()  # safe: CWE-918
