using System.Globalization;
using System.Numerics;
using System.Text;
using Bulwark.Python.Parsing;

namespace Bulwark.Python;

/// <summary>Python's `repr` for the constant types that appear in an AST.</summary>
public static class PyRepr
{
    public static string Str(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        AppendStr(sb, s);
        return sb.ToString();
    }

    public static void AppendStr(StringBuilder sb, string s, int[]? escapedSurrogates = null)
    {
        bool hasSingle = s.Contains('\''), hasDouble = s.Contains('"');
        char q = hasSingle && !hasDouble ? '"' : '\'';
        sb.Append(q);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c < 128)
            {
                if (c == q || c == '\\') sb.Append('\\').Append(c);
                else if (c == '\t') sb.Append("\\t");
                else if (c == '\n') sb.Append("\\n");
                else if (c == '\r') sb.Append("\\r");
                else if (c < ' ' || c == 127) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                else sb.Append(c);
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])
                && (escapedSurrogates is null || (Array.IndexOf(escapedSurrogates, i) < 0 && Array.IndexOf(escapedSurrogates, i + 1) < 0)))
            {
                var r = new Rune(c, s[i + 1]);
                if (Lexer.IsPrintable(r)) sb.Append(c).Append(s[i + 1]);
                else sb.Append("\\U").Append(r.Value.ToString("x8", CultureInfo.InvariantCulture));
                i++;
                continue;
            }
            if (char.IsSurrogate(c)) { sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); continue; }
            var rune = new Rune(c);
            if (Lexer.IsPrintable(rune)) sb.Append(c);
            else if (c <= 0xff) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        sb.Append(q);
    }

    public static void AppendBytes(StringBuilder sb, ReadOnlySpan<byte> b)
    {
        bool hasSingle = b.IndexOf((byte)'\'') >= 0, hasDouble = b.IndexOf((byte)'"') >= 0;
        char q = hasSingle && !hasDouble ? '"' : '\'';
        sb.Append('b').Append(q);
        foreach (byte x in b)
        {
            if (x == q || x == '\\') sb.Append('\\').Append((char)x);
            else if (x == '\t') sb.Append("\\t");
            else if (x == '\n') sb.Append("\\n");
            else if (x == '\r') sb.Append("\\r");
            else if (x < ' ' || x >= 127) sb.Append("\\x").Append(x.ToString("x2", CultureInfo.InvariantCulture));
            else sb.Append((char)x);
        }
        sb.Append(q);
    }

    public static string Int(BigInteger v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>repr(float): shortest round-trip digits, exponent form when the decimal exponent is &lt; -4 or ≥ 16.</summary>
    public static string Float(double d) => FormatShort(d, addDot0: true);

    /// <summary>repr(complex) for a pure imaginary literal such as `2j`.</summary>
    public static string Imaginary(double im) => FormatShort(im, addDot0: false) + "j";

    static string FormatShort(double d, bool addDot0)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsPositiveInfinity(d)) return "inf";
        if (double.IsNegativeInfinity(d)) return "-inf";
        bool neg = d < 0 || (d == 0 && double.IsNegative(d));
        if (d == 0) return (neg ? "-" : "") + (addDot0 ? "0.0" : "0");
        string r = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        int ePos = r.IndexOfAny(['E', 'e']);
        string mant = ePos >= 0 ? r[..ePos] : r;
        int exp = ePos >= 0 ? int.Parse(r.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        int dot = mant.IndexOf('.');
        string digits = dot >= 0 ? mant.Remove(dot, 1) : mant;
        int decpt = (dot >= 0 ? dot : mant.Length) + exp;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') { lead++; decpt--; }
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        var sb = new StringBuilder();
        if (neg) sb.Append('-');
        if (decpt <= -4 || decpt > 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            int e = decpt - 1;
            sb.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (decpt <= 0)
        {
            sb.Append("0.").Append('0', -decpt).Append(digits);
        }
        else if (decpt >= digits.Length)
        {
            sb.Append(digits).Append('0', decpt - digits.Length);
            if (addDot0) sb.Append(".0");
        }
        else
        {
            sb.Append(digits, 0, decpt).Append('.').Append(digits, decpt, digits.Length - decpt);
        }
        return sb.ToString();
    }
}
