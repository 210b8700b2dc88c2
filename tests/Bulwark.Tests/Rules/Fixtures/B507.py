import paramiko
from paramiko import client

ssh = client.SSHClient()
ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())      # reported
ssh.set_missing_host_key_policy(client.WarningPolicy)           # reported: class
ssh.set_missing_host_key_policy(paramiko.RejectPolicy())       # ok
ssh.set_missing_host_key_policy(policy)                         # ok: unknown
ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # nosec
