using System.Text;

namespace Bulwark.Dependencies.Versions;

public enum SpecOperator { Compatible, Equal, NotEqual, LessEqual, GreaterEqual, Less, Greater, Arbitrary }

/// <summary>One PEP 440 version clause such as `~=1.4.2`, `==1.*` or `===foo`.</summary>
public sealed class Specifier
{
    public SpecOperator Operator { get; }
    /// <summary>The version text after the operator, without a trailing `.*`.</summary>
    public string VersionText { get; }
    public bool Wildcard { get; }
    /// <summary>Null only for `===` with a non-PEP 440 string.</summary>
    public PackageVersion? Version { get; }

    Specifier(SpecOperator op, string versionText, bool wildcard, PackageVersion? version)
    {
        Operator = op; VersionText = versionText; Wildcard = wildcard; Version = version;
    }

    public static string OperatorText(SpecOperator op) => op switch
    {
        SpecOperator.Compatible => "~=", SpecOperator.Equal => "==", SpecOperator.NotEqual => "!=",
        SpecOperator.LessEqual => "<=", SpecOperator.GreaterEqual => ">=", SpecOperator.Less => "<",
        SpecOperator.Greater => ">", SpecOperator.Arbitrary => "===", _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    public static Specifier Parse(string text) =>
        TryParse(text, out var s, out var err) ? s : throw new FormatException(err);

    public static bool TryParse(string text, out Specifier spec, out string error)
    {
        spec = null!; error = "";
        var t = text.Trim();
        SpecOperator op;
        int n;
        if (t.StartsWith("===", StringComparison.Ordinal)) { op = SpecOperator.Arbitrary; n = 3; }
        else if (t.StartsWith("~=", StringComparison.Ordinal)) { op = SpecOperator.Compatible; n = 2; }
        else if (t.StartsWith("==", StringComparison.Ordinal)) { op = SpecOperator.Equal; n = 2; }
        else if (t.StartsWith("!=", StringComparison.Ordinal)) { op = SpecOperator.NotEqual; n = 2; }
        else if (t.StartsWith("<=", StringComparison.Ordinal)) { op = SpecOperator.LessEqual; n = 2; }
        else if (t.StartsWith(">=", StringComparison.Ordinal)) { op = SpecOperator.GreaterEqual; n = 2; }
        else if (t.StartsWith('<')) { op = SpecOperator.Less; n = 1; }
        else if (t.StartsWith('>')) { op = SpecOperator.Greater; n = 1; }
        else { error = $"'{text}' has no version operator"; return false; }
        var v = t[n..].Trim();
        if (v.Length == 0) { error = $"'{text}' has no version"; return false; }
        if (op == SpecOperator.Arbitrary)
        {
            PackageVersion.TryParse(v, out var av);
            spec = new Specifier(op, v, false, av);
            return true;
        }
        bool wildcard = false;
        if (v.EndsWith(".*", StringComparison.Ordinal))
        {
            if (op is not (SpecOperator.Equal or SpecOperator.NotEqual)) { error = $"'{text}': a wildcard needs == or !="; return false; }
            wildcard = true; v = v[..^2];
        }
        if (!PackageVersion.TryParse(v, out var pv)) { error = $"'{text}': invalid version '{v}'"; return false; }
        if (wildcard && pv.HasLocal) { error = $"'{text}': a wildcard version cannot have a local label"; return false; }
        if (pv.HasLocal && op is not (SpecOperator.Equal or SpecOperator.NotEqual)) { error = $"'{text}': local versions are only allowed with == and !="; return false; }
        if (op == SpecOperator.Compatible && pv.ReleaseCount < 2) { error = $"'{text}': ~= needs at least two release segments"; return false; }
        spec = new Specifier(op, v, wildcard, pv);
        return true;
    }

    /// <summary>True when this clause alone accepts <paramref name="v"/> (pre-release filtering is the set's job).</summary>
    public bool Contains(PackageVersion v)
    {
        if (Operator == SpecOperator.Arbitrary)
            return string.Equals(v.ToString(), VersionText, StringComparison.OrdinalIgnoreCase);
        var s = Version!;
        switch (Operator)
        {
            case SpecOperator.Equal: return EqualMatch(v, s);
            case SpecOperator.NotEqual: return !EqualMatch(v, s);
            case SpecOperator.LessEqual: return v.Public <= s;
            case SpecOperator.GreaterEqual: return v.Public >= s;
            case SpecOperator.Less:
                if (!(v.Public < s)) return false;
                // `<3.0` must not admit 3.0rc1 unless the bound is itself a pre-release.
                if (!s.IsPreRelease && v.IsPreRelease && v.BaseVersion == s.BaseVersion) return false;
                return true;
            case SpecOperator.Greater:
                if (!(v.Public > s)) return false;
                // `>3.0` must not admit 3.0.post1 (unless the bound is a post-release) nor 3.0+local.
                if (!s.IsPostRelease && v.IsPostRelease && v.BaseVersion == s.BaseVersion) return false;
                if (v.HasLocal && v.BaseVersion == s.BaseVersion) return false;
                return true;
            case SpecOperator.Compatible:
            {
                if (v.Public < s) return false;
                var prefix = s.BaseVersion.Release;
                var p = new long[prefix.Count - 1];
                for (int i = 0; i < p.Length; i++) p[i] = prefix[i];
                return PrefixMatch(v, s.Epoch, p);
            }
            default: return false;
        }
    }

    bool EqualMatch(PackageVersion v, PackageVersion s)
    {
        if (Wildcard)
        {
            var want = s.PrefixSegments();
            var have = v.Public.PrefixSegments();
            PadRelease(have, want.Count > 0 ? NumericRun(want) : 0);
            if (have.Count < want.Count) return false;
            for (int i = 0; i < want.Count; i++) if (want[i] != have[i]) return false;
            return true;
        }
        return s.HasLocal ? v == s : v.Public == s;
    }

    static bool PrefixMatch(PackageVersion v, int epoch, long[] release)
    {
        if (v.Epoch != epoch) return false;
        for (int i = 0; i < release.Length; i++)
        {
            long have = i < v.Release.Count ? v.Release[i] : 0;
            if (have != release[i]) return false;
        }
        return true;
    }

    // Pads the candidate's numeric part with zeros up to the prefix's length, as packaging does (`==1.0.0.*` admits 1.0).
    static void PadRelease(List<string> candidate, int length)
    {
        int run = NumericRun(candidate);
        while (run < length) { candidate.Insert(run, "0"); run++; }
    }

    static int NumericRun(List<string> s)
    {
        int i = 0;
        while (i < s.Count && s[i].Length > 0 && char.IsAsciiDigit(s[i][0])) i++;
        return i;
    }

    /// <summary>Whether this clause names a pre-release and so opts the set into pre-releases.</summary>
    internal bool MentionsPreRelease =>
        Version is { } v && v.IsPreRelease && Operator is SpecOperator.Equal or SpecOperator.GreaterEqual or SpecOperator.LessEqual
            or SpecOperator.Compatible or SpecOperator.Arbitrary or SpecOperator.Greater or SpecOperator.Less;

    public override string ToString() => OperatorText(Operator) + (Version is { } v && Operator != SpecOperator.Arbitrary ? v.ToString() : VersionText) + (Wildcard ? ".*" : "");
}

/// <summary>A comma-separated PEP 440 specifier set; empty means any version.</summary>
public sealed class SpecifierSet
{
    public IReadOnlyList<Specifier> Clauses { get; }

    public SpecifierSet(IReadOnlyList<Specifier> clauses) => Clauses = clauses;

    public static readonly SpecifierSet Any = new([]);

    public static SpecifierSet Parse(string text) =>
        TryParse(text, out var s, out var err) ? s : throw new FormatException(err);

    /// <summary>Real constraints have a handful of clauses; matching is quadratic in them, so more are refused.</summary>
    public const int MaxClauses = 256;

    public static bool TryParse(string text, out SpecifierSet set, out string error)
    {
        set = Any; error = "";
        var list = new List<Specifier>();
        var parts = text.Split(',');
        if (parts.Length > MaxClauses) { error = $"more than {MaxClauses} clauses"; return false; }
        foreach (var part in parts)
        {
            if (part.Trim().Length == 0)
            {
                if (text.Trim().Length == 0) break;
                error = $"empty clause in '{text}'"; return false;
            }
            if (!Specifier.TryParse(part, out var s, out error)) return false;
            list.Add(s);
        }
        set = new SpecifierSet(list);
        return true;
    }

    public bool IsAny => Clauses.Count == 0;

    /// <summary>The pinned version when the set is exactly one `==V` (no wildcard) or `===V` clause.</summary>
    public PackageVersion? ExactPin =>
        Clauses.Count == 1 && Clauses[0] is { Wildcard: false, Version: { } v } c && c.Operator is SpecOperator.Equal or SpecOperator.Arbitrary ? v : null;

    /// <summary>
    /// PEP 440 membership: every clause accepts the version, and a pre-release is only admitted when a clause names
    /// a pre-release or <paramref name="prereleases"/> is true.
    /// </summary>
    public bool Contains(PackageVersion v, bool? prereleases = null)
    {
        if (v.IsPreRelease)
        {
            bool allowed = prereleases ?? MentionsPreRelease();
            if (!allowed) return false;
        }
        foreach (var c in Clauses) if (!c.Contains(v)) return false;
        return true;
    }

    bool MentionsPreRelease()
    {
        foreach (var c in Clauses) if (c.MentionsPreRelease) return true;
        return false;
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var c in Clauses)
        {
            if (sb.Length > 0) sb.Append(',');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
