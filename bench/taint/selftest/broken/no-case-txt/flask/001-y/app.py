eval(input())  # expect: CWE-94
