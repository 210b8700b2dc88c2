import torch
from torch import load as tload

SAFE = True

torch.load("model.pt")                               # reported
tload(path, map_location="cpu")                      # reported: aliased
torch.serialization.load(f)                          # reported
torch.load(path, weights_only=False)                 # reported
torch.load(path, weights_only=True)                  # ok
torch.load(path, weights_only=SAFE)                  # ok: constant
pickle_free.load(path)                               # ok
torch.load(path)  # nosec
