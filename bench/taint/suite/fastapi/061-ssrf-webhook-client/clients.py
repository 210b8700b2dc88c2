import json
import urllib.request


def send_event(endpoint, event):
    body = json.dumps(event).encode()
    headers = {"Content-Type": "application/json"}
    with urllib.request.urlopen(urllib.request.Request(endpoint, data=body, headers=headers), timeout=10) as resp:  # expect: CWE-918
        return resp.status
