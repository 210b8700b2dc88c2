import requests

USER_AGENT = "insecure-app-webhooks/1.0"


def deliver(url, event):
    response = requests.post(url, json=event, headers={"User-Agent": USER_AGENT}, timeout=10)  # expect: CWE-918
    return response.status_code
