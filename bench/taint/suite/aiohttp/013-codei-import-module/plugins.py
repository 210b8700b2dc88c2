import importlib


def load_exporter(fmt):
    module = importlib.import_module("exporters." + fmt)  # expect: CWE-94
    return module.Exporter()
