import os

ATTACHMENTS = "/var/app/attachments"


def delete_attachment(owner, name):
    path = os.path.join(ATTACHMENTS, owner, name)
    if os.path.exists(path):
        os.remove(path)  # expect: CWE-22
        return True
    return False
