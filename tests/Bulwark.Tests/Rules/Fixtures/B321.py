import ftplib
import ftplib as f
from ftplib import FTP, FTP_TLS


def upload(host):
    ftplib.FTP(host)              # reported
    f.FTP(host)                   # reported: aliased
    FTP(host).login()             # reported: nested
    FTP_TLS(host)                 # ok: encrypted
    ftplib.FTP_TLS(host)          # ok
    ftplib.FTP(host)  # nosec
