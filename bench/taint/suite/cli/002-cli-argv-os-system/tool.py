import os
import sys


def main(argv):
    if len(argv) != 2:
        print("usage: compress.py DIRECTORY", file=sys.stderr)
        return 2
    directory = argv[1]
    return os.system(f"tar czf /tmp/archive.tgz {directory}")  # expect: CWE-78


if __name__ == "__main__":
    sys.exit(main(sys.argv))
