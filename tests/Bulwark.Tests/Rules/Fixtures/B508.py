from pysnmp.hlapi import CommunityData, UsmUserData

CommunityData("public", mpModel=0)        # reported: v1
CommunityData("public", mpModel=1)        # reported: v2c
CommunityData("public", mpModel=2)        # ok
CommunityData("public", mpModel=0)  # nosec
