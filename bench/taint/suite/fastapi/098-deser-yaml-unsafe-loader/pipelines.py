import yaml


def parse_pipeline(text):
    spec = yaml.unsafe_load(text)  # expect: CWE-502
    return spec.get("steps", [])
