def main():
    while True:
        line = input("calc> ")
        if line in ("quit", "exit"):
            return 0
        print(eval(line))  # expect: CWE-94


if __name__ == "__main__":
    raise SystemExit(main())
