namespace Bulwark.Secrets;

/// <summary>A set of ASCII characters as a 128-bit mask: the characters a run of a token may contain.</summary>
public readonly record struct Alphabet(ulong Low, ulong High, string Name)
{
    public bool Contains(char c) => c < 64 ? (Low & (1UL << c)) != 0 : c < 128 && (High & (1UL << (c - 64))) != 0;

    public static Alphabet Of(string name, string ranges)
    {
        ulong lo = 0, hi = 0;
        for (int i = 0; i < ranges.Length; i++)
        {
            char a = ranges[i], b = a;
            if (i + 2 < ranges.Length && ranges[i + 1] == '-') { b = ranges[i + 2]; i += 2; }
            for (char c = a; c <= b; c++)
            {
                if (c < 64) lo |= 1UL << c;
                else if (c < 128) hi |= 1UL << (c - 64);
            }
        }
        return new Alphabet(lo, hi, name);
    }

    /// <summary>Every character of <paramref name="s"/> is in the alphabet.</summary>
    public bool ContainsAll(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!Contains(c)) return false;
        return true;
    }

    public static readonly Alphabet Digits = Of("0-9", "0-9");
    public static readonly Alphabet LowerHex = Of("0-9a-f", "0-9a-f");
    public static readonly Alphabet UpperHex = Of("0-9A-F", "0-9A-F");
    public static readonly Alphabet Hex = Of("0-9a-fA-F", "0-9a-fA-F");
    public static readonly Alphabet Lower = Of("a-z", "a-z");
    public static readonly Alphabet Upper = Of("A-Z", "A-Z");
    public static readonly Alphabet Letters = Of("A-Za-z", "A-Za-z");
    public static readonly Alphabet LowerAlnum = Of("a-z0-9", "a-z0-9");
    public static readonly Alphabet UpperAlnum = Of("A-Z0-9", "A-Z0-9");
    public static readonly Alphabet Alnum = Of("A-Za-z0-9", "A-Za-z0-9");
    public static readonly Alphabet Word = Of("A-Za-z0-9_", "A-Za-z0-9_");
    public static readonly Alphabet UrlSafe = Of("A-Za-z0-9_-", "A-Za-z0-9_-");
    public static readonly Alphabet Base64 = Of("A-Za-z0-9+/", "A-Za-z0-9+/");
    public static readonly Alphabet Base64Any = Of("A-Za-z0-9+/_-", "A-Za-z0-9+/_-");
    public static readonly Alphabet Base32 = Of("A-Z2-7", "A-Z2-7");
    public static readonly Alphabet Bech32 = Of("bech32", "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L");
    public static readonly Alphabet Padding = Of("=", "=");
    public static readonly Alphabet UrlSafeDot = Of("A-Za-z0-9_.=-", "A-Za-z0-9_.=-");

    /// <summary>The alphabets a pattern may name, by their short names.</summary>
    public static readonly IReadOnlyDictionary<string, Alphabet> Named = new Dictionary<string, Alphabet>(StringComparer.Ordinal)
    {
        ["d"] = Digits, ["h"] = LowerHex, ["H"] = UpperHex, ["x"] = Hex, ["l"] = Lower, ["u"] = Upper, ["a"] = Letters,
        ["ln"] = LowerAlnum, ["un"] = UpperAlnum, ["an"] = Alnum, ["w"] = Word, ["us"] = UrlSafe, ["b64"] = Base64,
        ["b64x"] = Base64Any, ["b32"] = Base32, ["bech32"] = Bech32, ["pad"] = Padding, ["usd"] = UrlSafeDot,
    };

    /// <summary>Characters a human reads as such, for the docs: `[A-Za-z0-9_-]`.</summary>
    public override string ToString() => "[" + Name + "]";
}
