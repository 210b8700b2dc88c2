import urllib.request
import urllib.request as req
from urllib.request import urlopen, Request
from six.moves import urllib as six_urllib


def download(url, host, path):
    urllib.request.urlopen(url)                                  # reported: scheme not fixed
    req.urlretrieve(url, "/tmp/out")                             # reported: aliased
    urlopen(Request(url)).read()                                 # reported: Request of a variable
    urlopen("file:///etc/passwd")                                # reported: literal, not http(s)
    urllib.request.URLopener()                                   # reported: opener class, any scheme
    six_urllib.request.urlopen(url)                              # reported: six
    urlopen(url=url)                                             # reported: keyword

    urllib.request.urlopen("https://example.com/feed")           # ok: fixed scheme
    urlopen("HTTP://example.com/")                               # ok: case-insensitive scheme
    urlopen(f"https://{host}/status")                            # ok: f-string with fixed scheme
    urlopen("https://" + host + path)                            # ok: concatenation
    urlopen("https://%s/x" % host)                               # ok: %-template
    urlopen("https://{}/x".format(host))                         # ok: .format template
    urlopen(Request("https://example.com/", data=b"x"))          # ok: Request with fixed scheme
    urlopen(f"{host}/status")                                    # reported: scheme comes from the variable
    urlopen(url)  # nosec
