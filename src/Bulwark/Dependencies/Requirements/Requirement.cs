using System.Text;
using Bulwark.Dependencies.Versions;

namespace Bulwark.Dependencies.Requirements;

/// <summary>
/// A parsed PEP 508 requirement (`name[extra1,extra2] (>=1.0,<2) ; python_version < "3.11"` or `name @ URL`).
/// Offsets are relative to the parsed string so callers can map them into their file.
/// </summary>
public sealed class Requirement
{
    public required string Name { get; init; }
    public string NormalizedName => PackageName.Normalize(Name);
    public IReadOnlyList<string> Extras { get; init; } = [];
    public SpecifierSet Specifier { get; init; } = SpecifierSet.Any;
    public string? Url { get; init; }
    public Marker? Marker { get; init; }
    public string? MarkerText { get; init; }
    public int NameStart { get; init; }
    public int NameEnd { get; init; }
    /// <summary>Offsets of the version specifier text (empty range right after the name/extras when there is none).</summary>
    public int SpecStart { get; init; }
    public int SpecEnd { get; init; }

    public static Requirement Parse(string text) =>
        TryParse(text, out var r, out var e) ? r : throw new FormatException(e);

    public static bool TryParse(string text, out Requirement requirement, out string error)
    {
        requirement = null!; error = "";
        int i = 0, n = text.Length;
        void Ws() { while (i < n && char.IsWhiteSpace(text[i])) i++; }
        Ws();
        int nameStart = i;
        while (i < n && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_' or '-')) i++;
        var name = text[nameStart..i];
        if (!PackageName.IsValid(name)) { error = $"invalid requirement '{text.Trim()}': no valid package name"; return false; }
        int nameEnd = i;
        Ws();
        var extras = new List<string>();
        if (i < n && text[i] == '[')
        {
            int close = text.IndexOf(']', i);
            if (close < 0) { error = $"invalid requirement '{text.Trim()}': missing ']'"; return false; }
            foreach (var e in text[(i + 1)..close].Split(','))
            {
                var x = e.Trim();
                if (x.Length == 0) continue;
                if (!PackageName.IsValid(x)) { error = $"invalid extra '{x}'"; return false; }
                extras.Add(x);
            }
            i = close + 1;
            Ws();
        }
        int specStart = i, specEnd = i;
        string? url = null;
        var spec = SpecifierSet.Any;
        if (i < n && text[i] == '@')
        {
            i++; Ws();
            int us = i;
            // The URL ends at whitespace; a marker then follows after ';'.
            while (i < n && !char.IsWhiteSpace(text[i])) i++;
            url = text[us..i];
            if (url.Length == 0) { error = $"invalid requirement '{text.Trim()}': empty URL"; return false; }
            Ws();
            specStart = specEnd = us;
        }
        else if (i < n && text[i] != ';')
        {
            bool paren = text[i] == '(';
            if (paren) i++;
            int ss = i;
            int stop = paren ? text.IndexOf(')', i) : text.IndexOf(';', i);
            if (paren && stop < 0) { error = $"invalid requirement '{text.Trim()}': missing ')'"; return false; }
            if (stop < 0) stop = n;
            var specText = text[ss..stop];
            int trimmedEnd = ss + specText.TrimEnd().Length;
            int trimmedStart = ss + (specText.Length - specText.TrimStart().Length);
            if (!SpecifierSet.TryParse(specText, out spec, out var se)) { error = $"invalid requirement '{text.Trim()}': {se}"; return false; }
            specStart = trimmedStart; specEnd = Math.Max(trimmedStart, trimmedEnd);
            i = paren ? stop + 1 : stop;
            Ws();
        }
        Marker? marker = null;
        string? markerText = null;
        if (i < n && text[i] == ';')
        {
            markerText = text[(i + 1)..].Trim();
            if (!Marker.TryParse(markerText, out marker, out var me)) { error = $"invalid marker in '{text.Trim()}': {me}"; return false; }
            i = n;
        }
        Ws();
        if (i < n) { error = $"invalid requirement '{text.Trim()}': unexpected '{text[i..].Trim()}'"; return false; }
        requirement = new Requirement
        {
            Name = name, Extras = extras, Specifier = spec, Url = url, Marker = marker, MarkerText = markerText,
            NameStart = nameStart, NameEnd = nameEnd, SpecStart = specStart, SpecEnd = specEnd,
        };
        return true;
    }

    public override string ToString()
    {
        var sb = new StringBuilder(Name);
        if (Extras.Count > 0) sb.Append('[').Append(string.Join(',', Extras)).Append(']');
        if (Url is not null) sb.Append(" @ ").Append(Url);
        else sb.Append(Specifier);
        if (Marker is not null) sb.Append(Url is not null ? " ; " : "; ").Append(Marker);
        return sb.ToString();
    }
}
