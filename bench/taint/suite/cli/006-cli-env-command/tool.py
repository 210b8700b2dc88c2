import os


def backup():
    target = os.environ.get("BACKUP_TARGET", "/var/backups/data.tgz")
    os.system("tar czf " + target + " /srv/data")  # expect-low: CWE-78


if __name__ == "__main__":
    backup()
