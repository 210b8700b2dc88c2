import sys

import registry


def main():
    plugin = registry.resolve(sys.argv[1])
    plugin.run()


if __name__ == "__main__":
    main()
