using System.Text;

namespace Bulwark.Python.Encodings;

/// <summary>
/// The codecs CPython's tokenizer accepts in a coding cookie, by the names it accepts them under, and how each
/// decodes: generated single-byte tables, .NET code pages for the CJK codecs, and hand-written decoders for the
/// escape-based codecs (`utf-7`, `unicode_escape`, `raw_unicode_escape`).
/// </summary>
internal static class SourceCodecs
{
    /// <summary>
    /// The code-page provider is registered once, before any thread can ask for a code page: a flag set before the
    /// registration finished let a second worker see "unknown encoding" (a scan whose results changed between runs).
    /// </summary>
    static class CodePages
    {
        static CodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        public static void EnsureRegistered() { }
    }

    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    static readonly Encoding StrictAscii = Encoding.GetEncoding("us-ascii", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <summary>The codec a cookie names (`mac-roman` → `mac_roman`), as CPython's codec registry finds it; null when unknown.</summary>
    public static string? Resolve(string cookie)
    {
        var key = Normalize(cookie.ToLowerInvariant());
        if (CodecTables.Aliases.TryGetValue(key, out var codec)) return codec;
        if (key.Contains('.') && CodecTables.Aliases.TryGetValue(key.Replace('.', '_'), out codec)) return codec;
        return null;
    }

    /// <summary>CPython's encodings.normalize_encoding: runs of characters other than ASCII letters, digits and '.' become one '_'.</summary>
    static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool punct = false;
        foreach (char c in name)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '.')
            {
                if (punct && sb.Length > 0) sb.Append('_');
                sb.Append(c);
                punct = false;
            }
            else punct = true;
        }
        return sb.ToString();
    }

    /// <summary>Decodes with the named codec; on failure returns null and a CPython-like reason.</summary>
    public static string? Decode(string codec, ReadOnlySpan<byte> bytes, out string? error)
    {
        error = null;
        switch (codec)
        {
            case "utf_7": return Utf7.Decode(bytes, out error);
            case "unicode_escape": return EscapeCodecs.DecodeUnicodeEscape(bytes, out error);
            case "raw_unicode_escape": return EscapeCodecs.DecodeRawUnicodeEscape(bytes, out error);
            case "latin_1" or "charmap": return Encoding.Latin1.GetString(bytes);
            case "utf_8" or "utf_8_sig": return Strict(codec, StrictUtf8, bytes, out error);
            case "ascii": return Strict(codec, StrictAscii, bytes, out error);
            case "idna":
                // The idna codec decodes ASCII text label by label; source code with punycode labels is not worth the guess.
                foreach (var b in bytes)
                    if (b >= 0x80) { error = "'idna' codec can't decode non-ASCII bytes"; return null; }
                if (bytes.IndexOf("xn--"u8) >= 0) { error = "punycode labels in an 'idna'-encoded source are not supported"; return null; }
                return Encoding.ASCII.GetString(bytes);
        }
        if (CodecTables.SingleByte.TryGetValue(codec, out var table)) return DecodeSingleByte(codec, table, bytes, out error);
        if (DbcsCodecs.Handles(codec)) return DbcsCodecs.Decode(codec, bytes, out error);
        if (codec.StartsWith("iso2022_jp", StringComparison.Ordinal)) return DecodeIso2022Jp(codec, bytes, out error);
        if (CodePageFor(codec) is { } page) return DecodeCodePage(codec, page, bytes, out error);
        error = $"the '{codec}' codec is not supported by Bulwark";
        return null;
    }

    static string? DecodeSingleByte(string codec, string table, ReadOnlySpan<byte> bytes, out string? error)
    {
        error = null;
        var chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            char c = table[bytes[i]];
            if (c == '\uFFFE') { error = $"(unicode error) '{codec}' codec can't decode byte 0x{bytes[i]:x2} in position {i}"; return null; }
            chars[i] = c;
        }
        return new string(chars);
    }

    /// <summary>
    /// ISO-2022-JP and its extensions switch character sets with escape sequences. Without any escape sequence the
    /// text is ASCII and decodes exactly; with them, Bulwark does not guess (the escape sets of the variants differ
    /// from .NET's), and the file is reported as not analysable.
    /// </summary>
    static string? DecodeIso2022Jp(string codec, ReadOnlySpan<byte> bytes, out string? error)
    {
        if (bytes.IndexOf((byte)0x1B) < 0 && bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0 && bytes.IndexOfAny((byte)0x0E, (byte)0x0F) < 0)
        {
            error = null;
            return Encoding.ASCII.GetString(bytes);
        }
        error = $"the '{codec}' codec's escape sequences are not supported by Bulwark";
        return null;
    }

    /// <summary>
    /// .NET code pages for CPython's CJK codecs. Only those whose decoding matches CPython's on the golden
    /// files (tests/Bulwark.Python.Tests/Golden/codecs.jsonl) are listed; the others have generated tables.
    /// </summary>
    static int? CodePageFor(string codec) => codec switch
    {
        "cp932" => 932,
        "cp949" => 949,
        "euc_kr" => 51949,
        "gb2312" or "gbk" => 936,
        "gb18030" => 54936,
        "hz" => 52936,
        "iso2022_kr" => 50225,
        "johab" => 1361,
        _ => null,
    };

    static string? DecodeCodePage(string codec, int page, ReadOnlySpan<byte> bytes, out string? error)
    {
        error = null;
        CodePages.EnsureRegistered();
        Encoding enc;
        try { enc = Encoding.GetEncoding(page, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            error = $"the '{codec}' codec is not available in this build of Bulwark";
            return null;
        }
        return Strict(codec, enc, bytes, out error);
    }

    static string? Strict(string codec, Encoding enc, ReadOnlySpan<byte> bytes, out string? error)
    {
        error = null;
        try { return enc.GetString(bytes); }
        catch (DecoderFallbackException e)
        {
            string b = e.BytesUnknown is { Length: > 0 } u ? $"0x{u[0]:x2}" : "?";
            error = $"(unicode error) '{codec}' codec can't decode byte {b} in position {e.Index}";
            return null;
        }
    }
}
