using Bulwark.Dependencies.Versions;

namespace Bulwark.Dependencies.Manifests;

/// <summary>
/// Poetry's version constraints (`^1.2`, `~1.2.3`, `1.2.*`, `>=1,<2`, `1.0 || 2.0`, bare `1.2.3`) translated to
/// PEP 440 specifier sets, one per `||` alternative.
/// </summary>
public static class PoetryConstraint
{
    public static bool TryParse(string text, out List<SpecifierSet> alternatives, out string error)
    {
        alternatives = []; error = "";
        int total = 0;
        foreach (var alt in text.Split("||"))
        {
            var clauses = new List<Specifier>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var raw in alt.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                // Poetry also accepts space-separated clauses: `>=1.0 <2.0`.
                foreach (var part in SplitSpaces(raw))
                {
                    // A repeated clause adds nothing; a constraint with hundreds of clauses is not a real one.
                    if (!seen.Add(part)) continue;
                    if (++total > SpecifierSet.MaxClauses) { error = $"more than {SpecifierSet.MaxClauses} clauses"; return false; }
                    if (!Translate(part, clauses, out error)) return false;
                }
            }
            alternatives.Add(new SpecifierSet(clauses));
        }
        return true;
    }

    static IEnumerable<string> SplitSpaces(string s)
    {
        var tokens = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Rejoin an operator separated from its version (`>= 1.0`).
        for (int i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.All(c => c is '<' or '>' or '=' or '!' or '~' or '^') && i + 1 < tokens.Length) t += tokens[++i];
            yield return t;
        }
    }

    static bool Translate(string c, List<Specifier> into, out string error)
    {
        error = "";
        if (c is "*" or "") return true;
        if (c[0] == '^')
        {
            if (!PackageVersion.TryParse(c[1..], out var v)) { error = $"invalid version in '{c}'"; return false; }
            var r = v.Release;
            // Caret: the leftmost non-zero component may not change.
            int keep = 0;
            while (keep < r.Count - 1 && r[keep] == 0) keep++;
            var upper = new long[keep + 1];
            for (int i = 0; i < keep; i++) upper[i] = r[i];
            upper[keep] = (keep < r.Count ? r[keep] : 0) + 1;
            into.Add(Specifier.Parse(">=" + v));
            into.Add(Specifier.Parse("<" + string.Join('.', upper)));
            return true;
        }
        if (c[0] == '~' && (c.Length < 2 || c[1] != '='))
        {
            if (!PackageVersion.TryParse(c[1..], out var v)) { error = $"invalid version in '{c}'"; return false; }
            var r = v.Release;
            long[] upper = r.Count == 1 ? [r[0] + 1] : [r[0], r[1] + 1];
            into.Add(Specifier.Parse(">=" + v));
            into.Add(Specifier.Parse("<" + string.Join('.', upper)));
            return true;
        }
        if (char.IsAsciiDigit(c[0]) || c[0] == 'v')
        {
            if (c.EndsWith(".*", StringComparison.Ordinal)) c = "==" + c;
            else c = "==" + c;
        }
        if (!Specifier.TryParse(c, out var s, out error)) return false;
        into.Add(s);
        return true;
    }
}
