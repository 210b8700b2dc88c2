import urllib.request
import urllib.request as req
from urllib.request import urlopen as fetch, Request
from six.moves import urllib as six_urllib
import six
import requests


def download(url):
    urllib.request.urlopen(url)                                  # reported
    req.urlretrieve(url, "/tmp/out")                             # reported: aliased
    fetch(url)                                                   # reported: from-import alias
    urllib.request.urlopen("https://example.com/")               # reported: Bandit reports literals too
    opener = urllib.request.URLopener()                          # reported
    opener.open(url)                                             # ok: method of the opener
    urllib.request.FancyURLopener()                              # reported
    six.moves.urllib.request.urlopen(url)                        # reported: six
    six_urllib.request.urlretrieve(url, "/tmp/out")              # reported: six, aliased
    fetch(Request(url)).read()                                   # reported once: Request is not listed
    requests.get(url)                                            # ok
    urllib.parse.urlsplit(url)                                   # ok
    urllib.request.urlopen(url)  # nosec
