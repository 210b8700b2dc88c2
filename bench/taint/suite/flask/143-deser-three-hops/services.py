import base64

import serializers


def restore_draft(encoded):
    data = base64.b64decode(encoded)
    return serializers.loads(data)
