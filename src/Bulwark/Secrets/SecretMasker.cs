namespace Bulwark.Secrets;

/// <summary>
/// The cheap masking service every snippet goes through, whichever rule produced its finding and whether or not the
/// secrets rules run: it finds the sensitive spans of one line (provider tokens, URL passwords, values under
/// credential names) and hides all but a short prefix of each.
/// </summary>
public static class SecretMasker
{
    const ScanMode Mode = ScanMode.Formats | ScanMode.Masking | ScanMode.EscapedQuotes;

    /// <summary>Spans of <paramref name="line"/> that hold a secret; empty for most lines.</summary>
    public static List<SecretMatch> SensitiveSpans(string line) => SecretScanner.Scan(line, Mode);

    /// <summary>The line with every secret masked: a short prefix kept, the rest `*`, the length unchanged.</summary>
    public static string Mask(string line) => Mask(line, Mode);

    /// <summary>
    /// Prose (a finding's message) with every credential in a recognised format masked; `name: value` pairs are left
    /// alone there, since messages say things like "`pass`: errors are ignored".
    /// </summary>
    public static string MaskFormats(string text) => Mask(text, ScanMode.Formats);

    static string Mask(string line, ScanMode mode)
    {
        if (line.Length == 0) return line;
        var spans = SecretScanner.Scan(line, mode);
        if (spans.Count == 0) return line;
        var chars = line.ToCharArray();
        foreach (var m in spans) MaskSpan(chars, m.Start, m.End);
        return new string(chars);
    }

    /// <summary>
    /// <paramref name="derived"/> (a dump or listing made from <paramref name="source"/>) with every credential that
    /// <paramref name="source"/> holds in a recognised format — tokens, private keys, URL passwords — masked wherever it
    /// appears. Values under credential names are left alone here: `bulwark debug ast` must stay byte-identical to
    /// CPython's `ast.dump` for conformance runs, and such values are not certain secrets.
    /// </summary>
    public static string MaskValuesOf(string source, string derived)
    {
        var matches = SecretScanner.Scan(source, ScanMode.Formats);
        if (matches.Count == 0) return derived;
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in matches)
            foreach (var part in source[m.Start..m.End].Split('\n'))
                if (part.Trim().Length >= 8) values.Add(part.Trim());
        foreach (var v in values.OrderByDescending(v => v.Length))
        {
            var chars = v.ToCharArray();
            MaskSpan(chars, 0, chars.Length);
            derived = derived.Replace(v, new string(chars), StringComparison.Ordinal);
        }
        return derived;
    }

    /// <summary>The line with every secret replaced by a fixed marker: no byte of the secret, not even its length.</summary>
    public static string Redact(string line)
    {
        if (line.Length == 0) return line;
        var spans = SensitiveSpans(line);
        if (spans.Count == 0) return line;
        var sb = new System.Text.StringBuilder(line.Length);
        int at = 0;
        foreach (var m in spans)
        {
            if (m.Start < at) continue;
            sb.Append(line, at, m.Start - at).Append("<secret>");
            at = m.End;
        }
        return sb.Append(line, at, line.Length - at).ToString();
    }

    /// <summary>Masks [from, to): the first min(4, length/4) characters stay visible.</summary>
    public static void MaskSpan(char[] chars, int from, int to)
    {
        from = Math.Clamp(from, 0, chars.Length);
        to = Math.Clamp(to, from, chars.Length);
        int visible = Math.Min(4, (to - from) / 4);
        for (int i = from + visible; i < to; i++) chars[i] = '*';
    }

    /// <summary>
    /// `ghp_…` (40 characters): what a message may say about a secret's value — the format's known prefix, or at most
    /// four characters (a quarter of the value), and the length. <paramref name="knownPrefix"/> -1 shows no character.
    /// </summary>
    public static string Preview(ReadOnlySpan<char> value, int knownPrefix = 0)
    {
        if (knownPrefix < 0) return $"{value.Length} characters";
        int visible = Math.Min(knownPrefix, Math.Min(12, value.Length / 2));
        if (visible == 0) visible = Math.Min(4, value.Length / 4);
        return $"`{value[..visible]}…` ({value.Length} characters)";
    }
}
