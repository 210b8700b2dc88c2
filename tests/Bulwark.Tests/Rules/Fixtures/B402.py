import ftplib                                      # reported
from ftplib import FTP_TLS as SecureFTP            # reported: the module is still ftplib
import importlib
ftp = importlib.__import__("ftplib")              # reported
import ftplib  # nosec
import paramiko                                    # ok
