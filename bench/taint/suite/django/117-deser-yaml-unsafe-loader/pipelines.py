import yaml


def parse_pipeline(text):
    spec = yaml.load(text, Loader=yaml.Loader)  # expect: CWE-502
    return spec.get("steps", [])
