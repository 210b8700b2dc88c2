client.exec_command("ls")                    # ok: paramiko not imported
