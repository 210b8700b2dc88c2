using System.Text;
using Bulwark.Core;
using Bulwark.Python;

namespace Bulwark.Engine;

/// <summary>
/// `sha256(rule id, path, key, occurrence)`, truncated: stable when lines move, distinct for repeated identical
/// findings. Used by baselines and SARIF `partialFingerprints`.
/// </summary>
public static class Fingerprints
{
    public static string Of(string ruleId, string path, string key, int occurrence)
    {
        var bytes = Encoding.UTF8.GetBytes($"{ruleId}\0{path}\0{key}\0{occurrence}");
        return Convert.ToHexStringLower(Sha256.HashData(bytes).AsSpan(0, 16));
    }

    /// <summary>The text a fingerprint rests on: the span's text (first line), whitespace-normalised, so line shifts do not change it.</summary>
    public static string NormalizedKey(SourceText text, Location loc)
    {
        if (loc.IsWholeFile) return "";
        var line = text.LineText(loc.StartLine);
        int start = Math.Clamp(loc.StartColumn - 1, 0, line.Length);
        int end = loc.EndLine == loc.StartLine ? Math.Clamp(loc.EndColumn - 1, start, line.Length) : line.Length;
        var span = line.AsSpan(start, end - start);
        if (span.IsWhiteSpace()) span = line.AsSpan();
        var sb = new StringBuilder(span.Length);
        bool space = false;
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
