using System.IO.Compression;
using System.Text;

namespace Bulwark.Python.Encodings;

/// <summary>
/// Exact decoders for the CJK codecs whose .NET code pages decode differently from CPython (the Japanese and Big5
/// families): tables generated from CPython by bench/parser/gen-dbcs-tables.py, loaded on first use.
/// </summary>
internal static class DbcsCodecs
{
    const int Bad = -1, Lead = -2;

    sealed class Table(int[] single, int[]?[] rows, int[]?[] euc3)
    {
        public readonly int[] Single = single;
        /// <summary>Lead byte → entries by trail byte.</summary>
        public readonly int[]?[] Rows = rows;
        /// <summary>EUC's 0x8F plane: middle byte → entries by last byte; empty elsewhere.</summary>
        public readonly int[]?[] Euc3 = euc3;
    }

    sealed record Tables(Dictionary<string, Table> ByCodec, int[][] Sequences);

    static readonly Lazy<Tables> Data = new(Load);

    public static bool Handles(string codec) => codec is "big5" or "cp950" or "big5hkscs" or "shift_jis" or "shift_jis_2004"
        or "shift_jisx0213" or "euc_jp" or "euc_jis_2004" or "euc_jisx0213";

    public static string? Decode(string codec, ReadOnlySpan<byte> s, out string? error)
    {
        error = null;
        var data = Data.Value;
        var t = data.ByCodec[codec];
        var sb = new StringBuilder(s.Length);
        int i = 0;
        while (i < s.Length)
        {
            int start = i;
            byte b = s[i];
            int e = t.Single[b];
            if (e == Lead)
            {
                int[]? row;
                if (b == 0x8F && t.Euc3.Length > 0)
                {
                    row = i + 2 < s.Length ? t.Euc3[s[i + 1]] : null;
                    e = row is null ? Bad : row[s[i + 2]];
                    i += 3;
                }
                else
                {
                    row = i + 1 < s.Length ? t.Rows[b] : null;
                    e = row is null ? Bad : row[s[i + 1]];
                    i += 2;
                }
            }
            else i++;
            if (e == Bad || e == Lead)
            {
                error = $"(unicode error) '{codec}' codec can't decode byte 0x{b:x2} in position {start}";
                return null;
            }
            if (e >= 0) Append(sb, e);
            else foreach (int cp in data.Sequences[-e - 3]) Append(sb, cp);
        }
        return sb.ToString();
    }

    static void Append(StringBuilder sb, int cp)
    {
        if (cp < 0x10000) sb.Append((char)cp);
        else sb.Append(char.ConvertFromUtf32(cp));
    }

    static Tables Load()
    {
        using var raw = typeof(DbcsCodecs).Assembly.GetManifestResourceStream("Bulwark.Python.Encodings.dbcs.bin.gz")
            ?? throw new InvalidOperationException("the CJK codec tables are missing from the build");
        using var gz = new GZipStream(raw, CompressionMode.Decompress);
        using var r = new BinaryReader(gz);
        var byCodec = new Dictionary<string, Table>(StringComparer.Ordinal);
        int codecs = r.ReadInt32();
        for (int c = 0; c < codecs; c++)
        {
            var name = Encoding.UTF8.GetString(r.ReadBytes(r.ReadInt32()));
            var single = ReadInts(r, 256);
            var rows = new int[]?[256];
            var euc3 = new int[]?[256];
            bool hasEuc3 = false;
            int count = r.ReadInt32();
            for (int k = 0; k < count; k++)
            {
                byte lead = r.ReadByte(), prefix = r.ReadByte();
                var row = ReadInts(r, 256);
                if (prefix == 0x8F) { euc3[lead] = row; hasEuc3 = true; }
                else rows[lead] = row;
            }
            byCodec[name] = new Table(single, rows, hasEuc3 ? euc3 : []);
        }
        var sequences = new int[r.ReadInt32()][];
        for (int k = 0; k < sequences.Length; k++) sequences[k] = ReadInts(r, r.ReadInt32());
        return new Tables(byCodec, sequences);
    }

    static int[] ReadInts(BinaryReader r, int n)
    {
        var a = new int[n];
        for (int i = 0; i < n; i++) a[i] = r.ReadInt32();
        return a;
    }
}
