import base64

from . import serializers


def restore_draft(encoded):
    data = base64.b64decode(encoded)
    return serializers.loads(data)
