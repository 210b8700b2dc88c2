import subprocess
import sys


def main():
    for host in sys.argv[1:]:
        subprocess.run(["ping", "-c", "1", "--", host], check=False)  # safe: CWE-78
    return 0


if __name__ == "__main__":
    sys.exit(main())
