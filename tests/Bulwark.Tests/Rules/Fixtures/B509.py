from pysnmp import hlapi
from pysnmp.hlapi import UsmUserData

UsmUserData("securityName")                          # reported: noAuthNoPriv
hlapi.UsmUserData("securityName", "authName")        # reported: authNoPriv
UsmUserData("securityName", "authName", "privName")  # ok
UsmUserData("user", "auth", privKey="priv")          # ok: privacy key by keyword
UsmUserData("securityName")  # nosec
