import importlib


def resolve(name):
    return importlib.import_module("plugins." + name)  # expect: CWE-94
