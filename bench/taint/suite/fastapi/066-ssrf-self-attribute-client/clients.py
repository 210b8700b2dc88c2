import requests


class StatusClient:
    def __init__(self, base_url):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()

    def health(self):
        return self.session.get(self.base_url + "/health", timeout=3).status_code  # expect: CWE-918
