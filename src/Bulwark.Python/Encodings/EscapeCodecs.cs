using System.Text;
using Bulwark.Python.Parsing;

namespace Bulwark.Python.Encodings;

/// <summary>
/// `unicode_escape` and `raw_unicode_escape` as CPython decodes them: bytes are Latin-1 except backslash escapes.
/// As source encodings they turn `\n` inside a comment into a real line break, a classic way to hide code.
/// </summary>
internal static class EscapeCodecs
{
    public static string? DecodeUnicodeEscape(ReadOnlySpan<byte> s, out string? error)
    {
        error = null;
        var sb = new StringBuilder(s.Length);
        int i = 0;
        while (i < s.Length)
        {
            byte b = s[i];
            if (b != '\\') { sb.Append((char)b); i++; continue; }
            int start = i++;
            if (i >= s.Length) return Fail(out error, "unicodeescape", start, "\\ at end of string");
            byte c = s[i++];
            switch (c)
            {
                case (byte)'\n': break;
                case (byte)'\\': sb.Append('\\'); break;
                case (byte)'\'': sb.Append('\''); break;
                case (byte)'"': sb.Append('"'); break;
                case (byte)'a': sb.Append('\a'); break;
                case (byte)'b': sb.Append('\b'); break;
                case (byte)'f': sb.Append('\f'); break;
                case (byte)'n': sb.Append('\n'); break;
                case (byte)'r': sb.Append('\r'); break;
                case (byte)'t': sb.Append('\t'); break;
                case (byte)'v': sb.Append('\v'); break;
                case >= (byte)'0' and <= (byte)'7':
                {
                    int value = c - '0';
                    for (int n = 0; n < 2 && i < s.Length && s[i] is >= (byte)'0' and <= (byte)'7'; n++) value = value * 8 + (s[i++] - '0');
                    sb.Append((char)value);
                    break;
                }
                case (byte)'x' or (byte)'u' or (byte)'U':
                {
                    int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                    if (!Hex(s, ref i, digits, out long cp))
                        return Fail(out error, "unicodeescape", start, c == 'x' ? "truncated \\xXX escape" : c == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape");
                    if (cp > 0x10FFFF) return Fail(out error, "unicodeescape", start, "illegal Unicode character");
                    AppendCodePoint(sb, (int)cp);
                    break;
                }
                case (byte)'N':
                {
                    if (i >= s.Length || s[i] != '{') return Fail(out error, "unicodeescape", start, "malformed \\N character escape");
                    int close = s[i..].IndexOf((byte)'}');
                    if (close < 2) return Fail(out error, "unicodeescape", start, "malformed \\N character escape");
                    var name = Encoding.Latin1.GetString(s.Slice(i + 1, close - 1));
                    int named = UnicodeNames.Lookup(name);
                    if (named < 0) return Fail(out error, "unicodeescape", start, "unknown Unicode character name");
                    AppendCodePoint(sb, named);
                    i += close + 1;
                    break;
                }
                default:
                    // an unknown escape stays as written (CPython warns, and keeps both characters)
                    sb.Append('\\').Append((char)c);
                    break;
            }
        }
        return sb.ToString();
    }

    public static string? DecodeRawUnicodeEscape(ReadOnlySpan<byte> s, out string? error)
    {
        error = null;
        var sb = new StringBuilder(s.Length);
        int i = 0;
        while (i < s.Length)
        {
            if (s[i] != '\\') { sb.Append((char)s[i++]); continue; }
            int start = i;
            while (i < s.Length && s[i] == '\\') { sb.Append('\\'); i++; }
            // \u and \U escapes count only after an odd number of backslashes
            if (((i - start) & 1) == 0 || i >= s.Length || (s[i] != 'u' && s[i] != 'U')) continue;
            sb.Length--;
            int digits = s[i] == 'u' ? 4 : 8;
            i++;
            if (!Hex(s, ref i, digits, out long cp))
                return Fail(out error, "rawunicodeescape", start, digits == 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape");
            if (cp > 0x10FFFF) return Fail(out error, "rawunicodeescape", start, "\\Uxxxxxxxx out of range");
            AppendCodePoint(sb, (int)cp);
        }
        return sb.ToString();
    }

    static bool Hex(ReadOnlySpan<byte> s, ref int i, int digits, out long value)
    {
        value = 0;
        for (int n = 0; n < digits; n++, i++)
        {
            if (i >= s.Length) return false;
            int d = s[i] switch
            {
                >= (byte)'0' and <= (byte)'9' => s[i] - '0',
                >= (byte)'a' and <= (byte)'f' => s[i] - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => s[i] - 'A' + 10,
                _ => -1,
            };
            if (d < 0) return false;
            value = value * 16 + d;
        }
        return true;
    }

    static void AppendCodePoint(StringBuilder sb, int cp)
    {
        // Lone surrogates are legal in a Python str; char.ConvertFromUtf32 would reject them.
        if (cp < 0x10000) sb.Append((char)cp);
        else sb.Append(char.ConvertFromUtf32(cp));
    }

    static string? Fail(out string? error, string codec, int position, string why)
    {
        error = $"(unicode error) '{codec}' codec can't decode bytes in position {position}: {why}";
        return null;
    }
}
