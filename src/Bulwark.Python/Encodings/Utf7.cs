namespace Bulwark.Python.Encodings;

/// <summary>
/// The `utf-7` codec as CPython decodes it (RFC 2152): ASCII stands for itself, `+…-` holds base64-coded UTF-16,
/// `+-` is a plus sign. A source file in UTF-7 can hide code inside what looks like a comment, so it must be decoded
/// exactly, not approximately.
/// </summary>
internal static class Utf7
{
    static bool IsBase64(byte b) => char.IsAsciiLetterOrDigit((char)b) || b == '+' || b == '/';

    static int FromBase64(byte b) => b switch
    {
        >= (byte)'A' and <= (byte)'Z' => b - 'A',
        >= (byte)'a' and <= (byte)'z' => b - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => b - '0' + 52,
        (byte)'+' => 62,
        _ => 63,
    };

    static bool Direct(byte b) => b <= 127 && b != '+';

    public static string? Decode(ReadOnlySpan<byte> s, out string? error)
    {
        error = null;
        var sb = new System.Text.StringBuilder(s.Length);
        bool inShift = false;
        int bits = 0;
        uint buffer = 0;
        char surrogate = '\0';
        int i = 0;
        while (i < s.Length)
        {
            byte ch = s[i];
            if (inShift)
            {
                if (IsBase64(ch))
                {
                    buffer = (buffer << 6) | (uint)FromBase64(ch);
                    bits += 6;
                    i++;
                    if (bits < 16) continue;
                    char unit = (char)(buffer >> (bits - 16));
                    bits -= 16;
                    buffer &= (1u << bits) - 1;
                    if (surrogate != '\0')
                    {
                        sb.Append(surrogate);
                        surrogate = '\0';
                        if (char.IsLowSurrogate(unit)) { sb.Append(unit); continue; }
                    }
                    if (char.IsHighSurrogate(unit)) surrogate = unit;
                    else sb.Append(unit);
                    continue;
                }
                inShift = false;
                if (bits >= 6) return Fail(out error, "partial character in shift sequence", i);
                if (bits > 0 && buffer != 0) return Fail(out error, "non-zero padding bits in shift sequence", i);
                if (surrogate != '\0' && Direct(ch)) sb.Append(surrogate);
                surrogate = '\0';
                if (ch == '-') i++; // the terminating '-' is absorbed; any other terminator is itself
                continue;
            }
            if (ch == '+')
            {
                i++;
                if (i < s.Length && s[i] == '-') { sb.Append('+'); i++; }
                else if (i < s.Length && !IsBase64(s[i])) return Fail(out error, "ill-formed sequence", i - 1);
                else { inShift = true; bits = 0; buffer = 0; surrogate = '\0'; }
                continue;
            }
            if (!Direct(ch)) return Fail(out error, "unexpected special character", i);
            sb.Append((char)ch);
            i++;
        }
        if (inShift && (surrogate != '\0' || bits >= 6 || (bits > 0 && buffer != 0)))
            return Fail(out error, "unterminated shift sequence", s.Length - 1);
        return sb.ToString();
    }

    static string? Fail(out string? error, string why, int position)
    {
        error = $"(unicode error) 'utf-7' codec can't decode bytes in position {position}: {why}";
        return null;
    }
}
