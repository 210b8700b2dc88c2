using Bulwark.Core;

namespace Bulwark.Dependencies.Advisories;

/// <summary>CVSS v3.0/v3.1 base scores from vector strings, and the qualitative rating they map to.</summary>
public static class Cvss
{
    /// <summary>The base score of a `CVSS:3.x/AV:…` vector, or null when the vector is not a complete v3 vector.</summary>
    public static double? BaseScore(string vector)
    {
        var parts = vector.Split('/');
        if (parts.Length < 9 || !parts[0].StartsWith("CVSS:3", StringComparison.Ordinal)) return null;
        var m = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 1; i < parts.Length; i++)
        {
            int c = parts[i].IndexOf(':');
            if (c <= 0) return null;
            m[parts[i][..c]] = parts[i][(c + 1)..];
        }
        if (!m.TryGetValue("S", out var scope) || scope is not ("U" or "C")) return null;
        bool changed = scope == "C";
        double? av = Get(m, "AV") switch { "N" => 0.85, "A" => 0.62, "L" => 0.55, "P" => 0.2, _ => null };
        double? ac = Get(m, "AC") switch { "L" => 0.77, "H" => 0.44, _ => null };
        double? pr = Get(m, "PR") switch { "N" => 0.85, "L" => changed ? 0.68 : 0.62, "H" => changed ? 0.5 : 0.27, _ => null };
        double? ui = Get(m, "UI") switch { "N" => 0.85, "R" => 0.62, _ => null };
        double? ci = Cia(Get(m, "C")), ii = Cia(Get(m, "I")), ai = Cia(Get(m, "A"));
        if (av is null || ac is null || pr is null || ui is null || ci is null || ii is null || ai is null) return null;
        double iss = 1 - (1 - ci.Value) * (1 - ii.Value) * (1 - ai.Value);
        double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.Pow(iss - 0.02, 15) : 6.42 * iss;
        double exploitability = 8.22 * av.Value * ac.Value * pr.Value * ui.Value;
        if (impact <= 0) return 0;
        return changed ? RoundUp(Math.Min(1.08 * (impact + exploitability), 10)) : RoundUp(Math.Min(impact + exploitability, 10));
    }

    static string? Get(Dictionary<string, string> m, string k) => m.TryGetValue(k, out var v) ? v : null;
    static double? Cia(string? v) => v switch { "H" => 0.56, "L" => 0.22, "N" => 0.0, _ => null };

    // CVSS 3.1's Roundup: the smallest one-decimal number not below the input, robust to floating-point noise.
    static double RoundUp(double x)
    {
        long i = (long)Math.Round(x * 100000);
        return i % 10000 == 0 ? i / 100000.0 : (Math.Floor(i / 10000.0) + 1) / 10.0;
    }

    public static Severity Rating(double score) => score switch
    {
        >= 9.0 => Severity.Critical,
        >= 7.0 => Severity.High,
        >= 4.0 => Severity.Medium,
        _ => Severity.Low,
    };

    /// <summary>An advisory's severity: the highest CVSS v3 score, else its database's label, else medium.</summary>
    public static (Severity Severity, double? Score) Of(Advisory a)
    {
        double? best = null;
        foreach (var v in a.CvssVectors)
            if (BaseScore(v) is { } s && (best is null || s > best)) best = s;
        if (best is { } b) return (Rating(b), b);
        return (a.SeverityLabel?.ToUpperInvariant() switch
        {
            "LOW" => Severity.Low, "MODERATE" or "MEDIUM" => Severity.Medium, "HIGH" => Severity.High, "CRITICAL" => Severity.Critical,
            _ => Severity.Medium,
        }, null);
    }
}
