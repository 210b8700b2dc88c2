namespace Bulwark.Python.Parsing;

/// <summary>Character classes as CPython 3.13 sees them (generated ranges; binary search).</summary>
internal static partial class UnicodeTables
{
    public static bool IsPrintable(int cp) => cp < 128 ? cp >= 0x20 && cp < 0x7F : In(Printable, cp);
    public static bool IsIdStart(int cp) => In(IdStart, cp);
    public static bool IsIdContinue(int cp) => In(IdContinue, cp);

    /// <summary>NFKC of an identifier, character by character (CPython normalizes identifiers with NFKC).</summary>
    public static string NormalizeIdentifier(ReadOnlySpan<char> s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        for (int i = 0; i < s.Length;)
        {
            if (System.Text.Rune.DecodeFromUtf16(s[i..], out var r, out int n) != System.Buffers.OperationStatus.Done) { sb.Append(s[i]); i++; continue; }
            int k = Array.BinarySearch(NfkcKeys, r.Value);
            if (k >= 0) sb.Append(NfkcValues[k]);
            else sb.Append(s.Slice(i, n));
            i += n;
        }
        return sb.ToString();
    }

    static bool In(int[] ranges, int cp)
    {
        int lo = 0, hi = ranges.Length / 2 - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (cp < ranges[2 * mid]) hi = mid - 1;
            else if (cp > ranges[2 * mid + 1]) lo = mid + 1;
            else return true;
        }
        return false;
    }
}
