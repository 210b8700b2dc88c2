"""Writes src/Bulwark.Python/Encodings/dbcs.bin.gz: exact decoding tables, taken from this CPython (run with 3.13),
for the CJK codecs whose .NET code pages decode differently from CPython's (Japanese and Big5 families).

Format (little-endian, gzip-compressed): int32 codec count; per codec: a length-prefixed UTF-8 name, int32[256] for
single bytes, then int32 row count and per row: byte lead, byte prefix (0, or 0x8F for EUC's three-byte plane), and
int32[256] entries for the last byte. An entry is a code point, -1 for undecodable, -2 for "lead byte" (single
table) and -(3 + i) for the i-th multi-code-point sequence, listed at the end: int32 count, then per sequence a
length-prefixed list of int32 code points."""
import gzip, os, struct, sys

CODECS = ["big5", "cp950", "big5hkscs", "shift_jis", "shift_jis_2004", "shift_jisx0213",
          "euc_jp", "euc_jis_2004", "euc_jisx0213"]
LEAD, BAD = -2, -1

def dec(codec, b):
    try:
        return b.decode(codec)
    except UnicodeDecodeError:
        return None

out = bytearray()
out += struct.pack("<i", len(CODECS))
sequences, seq_index = [], {}
def entry(s):
    if s is None: return BAD
    if len(s) == 1: return ord(s)
    if s not in seq_index:
        seq_index[s] = len(sequences); sequences.append(s)
    return -(3 + seq_index[s])

total_rows = 0
for c in CODECS:
    name = c.encode()
    out += struct.pack("<i", len(name)) + name
    single = []
    leads = []
    for b in range(256):
        s = dec(c, bytes([b]))
        if s is not None:
            single.append(entry(s)); continue
        # a lead byte starts some valid two-byte sequence
        if any(dec(c, bytes([b, t])) is not None for t in range(256)) or (b == 0x8F and c.startswith("euc")):
            single.append(LEAD); leads.append(b)
        else:
            single.append(BAD)
    out += struct.pack("<256i", *single)
    rows = []
    for lead in leads:
        rows.append((lead, 0, [entry(dec(c, bytes([lead, t]))) for t in range(256)]))
    if c.startswith("euc"):  # the 0x8F plane: three bytes
        for mid in range(0xA1, 0xFF):
            row = [entry(dec(c, bytes([0x8F, mid, t]))) for t in range(256)]
            if any(e != BAD for e in row): rows.append((mid, 0x8F, row))
    out += struct.pack("<i", len(rows))
    for lead, prefix, row in rows:
        out += struct.pack("<BB", lead, prefix) + struct.pack("<256i", *row)
    total_rows += len(rows)
out += struct.pack("<i", len(sequences))
for s in sequences:
    out += struct.pack("<i", len(s)) + struct.pack(f"<{len(s)}i", *map(ord, s))
path = os.path.join(os.path.dirname(__file__), "..", "..", "src", "Bulwark.Python", "Encodings", "dbcs.bin.gz")
with open(path, "wb") as f:
    f.write(gzip.compress(bytes(out), 9, mtime=0))
print(f"{len(CODECS)} codecs, {total_rows} rows, {len(sequences)} sequences, {len(out)} bytes raw, {os.path.getsize(path)} compressed")
