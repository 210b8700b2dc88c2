import yaml
import yaml as y
from yaml import load, SafeLoader

yaml.load(data)                                # reported
y.load(data, Loader=y.Loader)                  # reported: aliased module, unsafe loader
load(data, yaml.FullLoader)                    # reported: from-import, positional loader
yaml.load(data, Loader=yaml.SafeLoader)        # ok
yaml.load(data, yaml.CSafeLoader)              # ok: positional
load(data, Loader=SafeLoader)                  # ok: imported loader
yaml.safe_load(data)                           # ok
json.load(data)                                # ok
yaml.load(data)  # nosec
