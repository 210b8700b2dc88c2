namespace Bulwark.Rules;

/// <summary>
/// The string literals a constant rule looks at, declared so that the shared walk hands it only those (B104 looks at
/// two values out of the hundreds of thousands of strings in a large tree). A literal matches when it equals one of
/// <see cref="Values"/> or starts with one of <see cref="Prefixes"/>. Like <see cref="CallInterest"/> it is a
/// pre-filter: the rule still decides, so it may be wider than the rule's test but never narrower.
/// </summary>
public sealed class StringInterest
{
    public IReadOnlyList<string> Values { get; init; } = [];
    public IReadOnlyList<string> Prefixes { get; init; } = [];
}

/// <summary>
/// A <see cref="StringInterest"/> compiled for the walk: most literals are turned away by their first character,
/// the rest by a set lookup or a few prefix comparisons.
/// </summary>
public sealed class StringMatcher
{
    readonly HashSet<string> _values;
    readonly string[] _prefixes;
    /// <summary>First characters a match can start with (ASCII); a value or prefix starting otherwise sets <see cref="_anyFirst"/>.</summary>
    readonly bool[] _first = new bool[128];
    readonly bool _anyFirst;
    readonly bool _matchesEmpty;

    public StringMatcher(StringInterest interest)
    {
        _values = new HashSet<string>(interest.Values, StringComparer.Ordinal);
        _prefixes = [.. interest.Prefixes];
        foreach (var s in interest.Values.Concat(interest.Prefixes))
        {
            if (s.Length == 0) { _matchesEmpty = true; continue; }
            if (s[0] < 128) _first[s[0]] = true;
            else _anyFirst = true;
        }
        // An empty prefix matches every literal.
        if (_prefixes.Any(p => p.Length == 0)) _anyFirst = true;
    }

    public bool Matches(string s)
    {
        if (s.Length == 0) return _matchesEmpty;
        char c = s[0];
        if (!_anyFirst && (c >= 128 || !_first[c])) return false;
        if (_values.Contains(s)) return true;
        foreach (var p in _prefixes)
            if (s.StartsWith(p, StringComparison.Ordinal)) return true;
        return false;
    }
}
