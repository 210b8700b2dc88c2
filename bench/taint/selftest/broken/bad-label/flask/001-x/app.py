eval(input())  # expect: CWE-94, maybe: CWE-78
