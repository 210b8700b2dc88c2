import ssl
import ssl as s
from ssl import _create_unverified_context as unverified
import urllib.request


def fetch(url):
    ssl._create_unverified_context()                                          # reported
    urllib.request.urlopen(url, context=s._create_unverified_context())       # reported: nested, aliased
    unverified()                                                              # reported: from-import
    ssl.create_default_context()                                              # ok
    ssl._create_default_https_context = ssl._create_unverified_context        # ok here: not a call
    ssl._create_unverified_context()  # nosec
