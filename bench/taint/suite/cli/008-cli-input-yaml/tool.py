import sys

import yaml


def main():
    text = sys.stdin.read() if not sys.stdin.isatty() else input("yaml> ")
    data = yaml.safe_load(text)  # safe: CWE-502
    print(sorted(data))


if __name__ == "__main__":
    main()
