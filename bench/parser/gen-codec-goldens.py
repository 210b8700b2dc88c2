"""Writes tests/Bulwark.Python.Tests/Golden/codecs.jsonl: for every codec CPython's tokenizer accepts in a coding
cookie, a source file in that codec (bytes, base64) and the text CPython decodes it to, so the unit tests check
Bulwark's decoders against CPython without needing Python. Run with 3.13."""
import base64, codecs, json, os, sys
sys.path.insert(0, os.path.dirname(__file__))
import encodings.aliases, encodings, pkgutil

POOL = "éüßñøå€£¥жЖαβΩשעشي中文日本語한국어ąęłčřžőűğışçÿœ™–—“”‘’…•°±×÷½¼¾²³µ¶§©®"

def accepted(name):
    try:
        compile(f"# coding: {name}\nx = 1\n".encode("ascii"), "f.py", "exec"); return True
    except Exception: return False

mods = sorted(m.name for m in pkgutil.iter_modules(encodings.__path__) if m.name != "aliases" and accepted(m.name))
out = []
for m in mods:
    chars = ""
    for c in POOL:
        try:
            if c.encode(m).decode(m) == c: chars += c
        except Exception: pass
    # the cookie line is written in ASCII, as a real file's would be (some codecs map ASCII punctuation elsewhere)
    cookie = f"# coding: {m}\n".encode("ascii")
    try:
        raw = cookie + f"s = '{chars}'\nprint(s)  # +plus\n".encode("utf_8" if m == "utf_8_sig" else m)
    except UnicodeError:  # idna encodes host names, not text: an ASCII file is all it can carry
        raw = cookie + b"s = 'plain'\nprint(s)\n"
    text = raw.decode(m)
    compile(raw, "f.py", "exec")  # CPython accepts the file
    out.append({"codec": m, "bytes": base64.b64encode(raw).decode(), "text": text})
# Escape codecs hiding code behind a comment: CPython runs the hidden statement.
hidden = {
    "unicode_escape": b"# coding: unicode_escape\nx = 1 # \\nimport os\\nos.system('id')\n",
    "raw_unicode_escape": b"# coding: raw_unicode_escape\nx = 1 # \\u000aimport os\n",
    "utf_7": b"# coding: utf-7\nx = 1 # +AAo-import os\n",
}
for codec, raw in hidden.items():
    out.append({"codec": codec, "bytes": base64.b64encode(raw).decode(), "text": raw.decode(codec), "hidden": True})
path = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "Bulwark.Python.Tests", "Golden", "codecs.jsonl")
with open(path, "w", newline="\n") as f:
    for o in out: f.write(json.dumps(o, ensure_ascii=True) + "\n")
print(f"{len(out)} golden files for {len(mods)} codecs")
