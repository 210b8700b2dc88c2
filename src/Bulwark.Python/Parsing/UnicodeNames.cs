using System.Globalization;

namespace Bulwark.Python.Parsing;

/// <summary>Character names for `\N{...}` escapes (a subset of the Unicode name database; see the generator script).</summary>
internal static partial class UnicodeNames
{
    static Dictionary<string, int>? _table;
    static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Empty = default;

    public static int Lookup(ReadOnlySpan<char> name)
    {
        var table = _table ??= Build();
        Span<char> upper = name.Length <= 128 ? stackalloc char[name.Length] : new char[name.Length];
        name.ToUpperInvariant(upper);
        if (table.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(upper, out int cp)) return cp;
        // algorithmic names
        if (upper.StartsWith("CJK UNIFIED IDEOGRAPH-") && int.TryParse(upper[22..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out cp)) return cp;
        return -1;
    }

    static Dictionary<string, int> Build()
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in Data.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            int tab = line.IndexOf('\t');
            d[line[..tab]] = int.Parse(line.AsSpan(tab + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }
        _ = Empty;
        return d;
    }
}
