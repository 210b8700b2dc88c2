using System.Text;

namespace Bulwark.Core;

/// <summary>
/// Text from a scanned repository on its way into a message: control characters (terminal escapes, carriage
/// returns, bidirectional overrides) become visible pictures, and a line is shown only as a short prefix, never in
/// full, since an unreadable "requirement" may be anything, a token included.
/// </summary>
public static class Untrusted
{
    /// <summary>How much of an unreadable line a message may show.</summary>
    public const int ExcerptChars = 24;

    /// <summary>At most <paramref name="max"/> visible characters of <paramref name="text"/>, quoted, with `…` when cut.</summary>
    public static string Excerpt(string text, int max = ExcerptChars)
    {
        text = WithoutCredentials(text.Trim());
        bool cut = text.Length > max;
        if (cut)
        {
            int end = max;
            if (char.IsHighSurrogate(text[end - 1])) end--;
            text = text[..end];
        }
        return "'" + Visible(text) + (cut ? "…'" : "'");
    }

    /// <summary>
    /// A parser's message about untrusted text, with every quoted part ('…') cut to an excerpt and the rest made
    /// visible: parsers quote what they could not read, and what they could not read may be anything.
    /// </summary>
    public static string Message(string message)
    {
        var sb = new StringBuilder(message.Length);
        int i = 0;
        while (i < message.Length)
        {
            int open = message.IndexOf('\'', i);
            if (open < 0) { sb.Append(message, i, message.Length - i); break; }
            // The closing quote is the last one that ends a quoted part: followed by the end, ':' , ',', ')' or a space.
            int close = -1;
            for (int k = message.Length - 1; k > open; k--)
                if (message[k] == '\'' && (k + 1 == message.Length || message[k + 1] is ':' or ',' or ')' or ' ' or ';'))
                {
                    close = k;
                    // Prefer the nearest such quote that is not itself followed by more quoted text on this part.
                    int nearer = message.IndexOf("': ", open + 1, StringComparison.Ordinal);
                    if (nearer > open && nearer < close) close = nearer;
                    break;
                }
            if (close < 0) { sb.Append(message, i, message.Length - i); break; }
            sb.Append(message, i, open - i);
            sb.Append(Excerpt(message[(open + 1)..close]));
            i = close + 1;
        }
        var result = Visible(sb.ToString());
        return result.Length > MaxMessageChars ? result[..MaxMessageChars] + "…" : result;
    }

    const int MaxMessageChars = 200;

    /// <summary>`scheme://user:password@host` becomes `scheme://***@host`.</summary>
    static string WithoutCredentials(string text)
    {
        int scheme = text.IndexOf("://", StringComparison.Ordinal);
        while (scheme >= 0)
        {
            int start = scheme + 3, end = start;
            while (end < text.Length && text[end] is not ('/' or '@' or ' ' or '#' or '?')) end++;
            if (end < text.Length && text[end] == '@' && end > start)
                text = text[..start] + "***" + text[end..];
            scheme = text.IndexOf("://", start, StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary><paramref name="text"/> with every unsafe character replaced by a visible one; newlines kept when asked.</summary>
    public static string Visible(string text, bool keepNewlines = false)
    {
        int i = 0;
        for (; i < text.Length; i++)
            if (IsUnsafe(text[i], keepNewlines)) break;
        if (i == text.Length) return text;
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (!IsUnsafe(c, keepNewlines)) sb.Append(c);
            else if (c < 0x20) sb.Append((char)(0x2400 + c));
            else if (c == 0x7F) sb.Append('\u2421');
            else sb.Append('\uFFFD');
        }
        return sb.ToString();
    }

    public static bool IsUnsafe(char c, bool keepNewlines = false) =>
        (c < 0x20 && c != '\t' && !(keepNewlines && c == '\n')) || c == 0x7F || (c >= 0x80 && c < 0xA0)
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
}
