from transformers import AutoModel, AutoTokenizer
from datasets import load_dataset
from huggingface_hub import hf_hub_download, snapshot_download

AutoModel.from_pretrained("org/model")                                   # reported
AutoTokenizer.from_pretrained("org/model", revision="main")              # reported: a branch
load_dataset("org/data")                                                 # reported
hf_hub_download(repo_id="org/model", filename="x.bin")                   # reported
snapshot_download("org/model", revision="v1.0")                          # reported: a tag
AutoModel.from_pretrained("org/model", revision="5d0f2e8a1b3c")          # ok: commit hash
hf_hub_download("org/model", "x.bin", revision=REVISION)                 # ok: chosen by a variable
AutoModel.from_pretrained("./local-model")                               # ok: local path
load_dataset("org/data", commit_id="abcdef1234567")                      # ok
AutoModel.from_pretrained("org/model")  # nosec
