using System.Text;

namespace Bulwark.Python;

/// <summary>Outcome of decoding a file's bytes per PEP 263.</summary>
public readonly record struct DecodedSource(string? Text, string Encoding, string? Error)
{
    public bool Ok => Text is not null;

    /// <summary>The cookie names a codec CPython accepts but Bulwark cannot decode: the file may run, unanalysed.</summary>
    public bool UnsupportedEncoding { get; init; }

    /// <summary>
    /// The codec turns escape sequences into source text (`utf-7`, `unicode_escape`, `raw_unicode_escape`): what an
    /// editor shows as a comment can be code. No legitimate project needs it.
    /// </summary>
    public bool HidingEncoding => Encoding is "utf_7" or "unicode_escape" or "raw_unicode_escape";
}

/// <summary>
/// Bytes → text per PEP 263: UTF-8 BOM, `coding:` cookie on line 1 or 2, UTF-8 by default. Every codec CPython's
/// tokenizer accepts in a cookie is decoded as CPython decodes it (see <see cref="Encodings.SourceCodecs"/>).
/// </summary>
public static class SourceDecoder
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DecodedSource Decode(ReadOnlySpan<byte> bytes)
    {
        bool bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        if (bom) bytes = bytes[3..];
        string? cookie = FindCookie(bytes);
        string name = "utf-8";
        if (cookie is not null)
        {
            name = NormalizeName(cookie);
            if (bom && CPythonNormalName(cookie) != "utf-8") return new DecodedSource(null, name, "encoding problem: " + cookie + " with BOM");
        }
        if (name == "utf-8")
        {
            try { return new DecodedSource(StrictUtf8.GetString(bytes), name, null); }
            catch (DecoderFallbackException e)
            {
                int pos = e.Index + (bom ? 3 : 0);
                string b = e.BytesUnknown is { Length: > 0 } u ? $"0x{u[0]:x2}" : "?";
                return new DecodedSource(null, name, $"(unicode error) 'utf-8' codec can't decode byte {b} in position {pos}");
            }
        }
        var codec = name == "latin-1" ? "latin_1" : Encodings.SourceCodecs.Resolve(name);
        if (codec is null) return new DecodedSource(null, name, "unknown encoding: " + cookie);
        var text = Encodings.SourceCodecs.Decode(codec, bytes, out var error);
        if (text is null)
        {
            bool unsupported = error!.StartsWith("the '", StringComparison.Ordinal) || error.StartsWith("punycode", StringComparison.Ordinal);
            return new DecodedSource(null, codec, error) { UnsupportedEncoding = unsupported };
        }
        return new DecodedSource(text, codec == "latin_1" ? "latin-1" : codec, null);
    }

    /// <summary>
    /// The codec named by the coding cookie in the first two lines of decoded source text, as CPython resolves it
    /// (`utf_7`, `mac_roman`…); null without a cookie or for an unknown name. Also where the cookie's name is.
    /// </summary>
    public static (string Codec, int Start, int End)? DeclaredCodec(string text)
    {
        int lineStart = 0;
        Span<byte> buffer = stackalloc byte[1024];
        for (int line = 0; line < 2 && lineStart <= text.Length; line++)
        {
            int end = lineStart;
            while (end < text.Length && text[end] != '\n' && text[end] != '\r') end++;
            int n = Math.Min(end - lineStart, buffer.Length); // a cookie line is short; never copy a huge first line
            var ascii = buffer[..n];
            for (int i = 0; i < n; i++) { char c = text[lineStart + i]; ascii[i] = c < 128 ? (byte)c : (byte)'?'; }
            var cookie = CookieInLine(ascii, out bool blankOrComment, out int at);
            if (cookie is not null)
            {
                var name = NormalizeName(cookie);
                var codec = name switch { "utf-8" => "utf_8", "latin-1" => "latin_1", _ => Encodings.SourceCodecs.Resolve(name) };
                return codec is null ? null : (codec, lineStart + at, lineStart + at + cookie.Length);
            }
            if (!blankOrComment || end >= text.Length) return null;
            lineStart = text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
        }
        return null;
    }

    static string CPythonNormalName(string raw)
    {
        string s = raw.ToLowerInvariant().Replace('_', '-');
        return s == "utf-8" || s.StartsWith("utf-8-", StringComparison.Ordinal) ? "utf-8" : s;
    }

    /// <summary>CPython's get_normal_name: utf-8 and latin-1 spellings collapse to one name.</summary>
    static string NormalizeName(string raw)
    {
        string s = raw.ToLowerInvariant().Replace('_', '-');
        if (s == "utf-8" || s.StartsWith("utf-8-", StringComparison.Ordinal) || s == "utf8") return "utf-8";
        if (s is "latin-1" or "iso-8859-1" or "iso-latin-1" or "latin1" || s.StartsWith("latin-1-", StringComparison.Ordinal)
            || s.StartsWith("iso-8859-1-", StringComparison.Ordinal) || s.StartsWith("iso-latin-1-", StringComparison.Ordinal)) return "latin-1";
        return s;
    }

    /// <summary>Looks for `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` on line 1, or line 2 when line 1 is blank or a comment.</summary>
    static string? FindCookie(ReadOnlySpan<byte> bytes)
    {
        int lineStart = 0;
        for (int line = 0; line < 2 && lineStart <= bytes.Length; line++)
        {
            int end = lineStart;
            while (end < bytes.Length && bytes[end] != '\n' && bytes[end] != '\r') end++;
            var l = bytes[lineStart..end];
            var found = CookieInLine(l, out bool blankOrComment, out _);
            if (found is not null) return found;
            if (!blankOrComment) return null;
            if (end >= bytes.Length) return null;
            lineStart = bytes[end] == '\r' && end + 1 < bytes.Length && bytes[end + 1] == '\n' ? end + 2 : end + 1;
        }
        return null;
    }

    static string? CookieInLine(ReadOnlySpan<byte> l, out bool blankOrComment, out int at)
    {
        at = 0;
        int i = 0;
        while (i < l.Length && (l[i] == ' ' || l[i] == '\t' || l[i] == '\f')) i++;
        blankOrComment = i >= l.Length || l[i] == '#';
        if (i >= l.Length || l[i] != '#') return null;
        // first "coding" followed by ':' or '=' (the regex's lazy .*? takes the earliest match)
        for (int j = i + 1; j + 7 <= l.Length; j++)
        {
            if (l[j] != 'c' || !l[j..].StartsWith("coding"u8)) continue;
            int k = j + 6;
            if (k >= l.Length || (l[k] != ':' && l[k] != '=')) continue;
            k++;
            while (k < l.Length && (l[k] == ' ' || l[k] == '\t')) k++;
            int s = k;
            while (k < l.Length && (l[k] == '-' || l[k] == '_' || l[k] == '.' || (l[k] < 128 && char.IsAsciiLetterOrDigit((char)l[k])))) k++;
            if (k > s) { at = s; return Encoding.ASCII.GetString(l[s..k]); }
        }
        return null;
    }

    /// <summary>True when the bytes look binary (NUL bytes in the first 8 KB).</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var head = bytes.Length > 8192 ? bytes[..8192] : bytes;
        return head.IndexOf((byte)0) >= 0;
    }
}
