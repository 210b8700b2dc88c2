import importlib

AVAILABLE = {"csv", "xlsx", "json"}


def load_exporter(fmt):
    if fmt not in AVAILABLE:
        raise LookupError(fmt)
    module = importlib.import_module(f"exporters.{fmt}")  # safe: CWE-94
    return module.Exporter()
