import paramiko

client = paramiko.SSHClient()
client.exec_command("tail " + logfile)       # reported
client.exec_command("ls")                    # reported: every call is an audit point
client.invoke_shell()                        # ok
client.exec_command("ls")  # nosec
