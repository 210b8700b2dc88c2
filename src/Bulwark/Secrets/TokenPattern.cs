using System.Text;

namespace Bulwark.Secrets;

/// <summary>
/// A token's shape as a sequence of literal parts and runs of an alphabet, written compactly in the table:
/// `ghp_{an:36}`, `xoxb-{d:10-13}-{d:10-13}-{an:24-34}`, `<AKIA|ASIA>{b32:16}`, `sk-ant-api03-{us:93}AA`.
/// Matching is greedy and never backtracks: a run takes every character of its alphabet (the longest run is
/// cached, so overlapping attempts cost O(1)), and a literal that follows a run and lies inside its alphabet is
/// read as the run's last characters. Every attempt is therefore linear in the token's length.
/// </summary>
public sealed class TokenPattern
{
    public abstract record Segment;
    /// <summary>One of several literal texts (case-sensitive unless <see cref="IgnoreCase"/>).</summary>
    public sealed record Literal(string[] Options, bool IgnoreCase) : Segment;
    public sealed record Run(Alphabet Alphabet, int Min, int Max) : Segment;

    public IReadOnlyList<Segment> Segments { get; }
    public string Source { get; }

    TokenPattern(string source, List<Segment> segments) { Source = source; Segments = segments; }

    /// <summary>The literal texts a match can start with (the prefilter's keywords); empty when it starts with a run.</summary>
    public IReadOnlyList<string> LeadingLiterals => Segments[0] is Literal l ? l.Options : [];

    public int MaxLength
    {
        get
        {
            int n = 0;
            foreach (var s in Segments)
                n += s switch { Literal l => l.Options.Max(o => o.Length), Run r => r.Max, _ => 0 };
            return n;
        }
    }

    /// <summary>Parses the compact notation; a malformed pattern is a programming error in the table.</summary>
    public static TokenPattern Parse(string source)
    {
        var segments = new List<Segment>();
        var lit = new StringBuilder();
        void Flush()
        {
            if (lit.Length == 0) return;
            segments.Add(new Literal([lit.ToString()], false));
            lit.Clear();
        }
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            if (c == '{')
            {
                Flush();
                int close = source.IndexOf('}', i);
                var spec = source[(i + 1)..close].Split(':');
                var alphabet = Alphabet.Named.TryGetValue(spec[0], out var a) ? a : throw new ArgumentException($"unknown alphabet '{spec[0]}' in {source}");
                var range = spec[1].Split('-');
                int min = int.Parse(range[0]), max = range.Length > 1 ? int.Parse(range[1]) : min;
                segments.Add(new Run(alphabet, min, max));
                i = close;
            }
            else if (c == '<')
            {
                Flush();
                int close = source.IndexOf('>', i);
                var body = source[(i + 1)..close];
                bool ci = body.StartsWith("?i:", StringComparison.Ordinal);
                if (ci) body = body[3..];
                segments.Add(new Literal(body.Split('|'), ci));
                i = close;
            }
            else lit.Append(c);
        }
        Flush();
        return new TokenPattern(source, segments);
    }

    /// <summary>Human-readable shape for the docs: `ghp_` + 36 × [A-Za-z0-9].</summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        foreach (var s in Segments)
        {
            if (sb.Length > 0) sb.Append(" + ");
            switch (s)
            {
                case Literal l: sb.Append(string.Join(" or ", l.Options.Select(o => "`" + o + "`"))); break;
                case Run r: sb.Append(r.Min == r.Max ? $"{r.Min}" : $"{r.Min}–{r.Max}").Append(" × `").Append(r.Alphabet).Append('`'); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Matches at <paramref name="start"/>; returns the end offset or -1. <paramref name="runs"/> caches maximal runs
    /// per alphabet so that repeated attempts inside one long run cost O(1) each.
    /// </summary>
    public int Match(string text, int start, int limit, RunCache runs)
    {
        int p = start;
        for (int i = 0; i < Segments.Count; i++)
        {
            switch (Segments[i])
            {
                case Literal l:
                {
                    int matched = -1;
                    foreach (var o in l.Options)
                        if (p + o.Length <= limit && string.Compare(text, p, o, 0, o.Length,
                                l.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) == 0)
                        { matched = o.Length; break; }
                    if (matched < 0) return -1;
                    p += matched;
                    break;
                }
                case Run r when r.Min == r.Max:
                {
                    // A fixed-width run takes exactly its width (what follows may share its alphabet: `{an:6}_…`).
                    if (p + r.Min > limit) return -1;
                    for (int k = p; k < p + r.Min; k++) if (!r.Alphabet.Contains(text[k])) return -1;
                    p += r.Min;
                    break;
                }
                case Run r:
                {
                    int end = runs.End(text, p, limit, r.Alphabet);
                    // A literal that follows inside the run's alphabet is the run's tail (`…AA`, `…NRAL`).
                    if (i + 1 < Segments.Count && Segments[i + 1] is Literal next && next.Options.Length == 1
                        && r.Alphabet.ContainsAll(next.Options[0]))
                    {
                        var tail = next.Options[0];
                        int cut = end - tail.Length;
                        if (cut - p < r.Min || cut - p > r.Max || string.CompareOrdinal(text, cut, tail, 0, tail.Length) != 0) return -1;
                        p = end;
                        i++;
                        break;
                    }
                    int len = end - p;
                    if (len < r.Min || len > r.Max) return -1; // longer than the format allows: some other string
                    p = end;
                    break;
                }
            }
        }
        return p;
    }

    /// <summary>Where the longest run of an alphabet starting at a position ends; remembers the last run per alphabet.</summary>
    public sealed class RunCache
    {
        readonly Dictionary<(ulong, ulong), (int Start, int End)> _last = [];

        public int End(string text, int p, int limit, Alphabet a)
        {
            var key = (a.Low, a.High);
            if (_last.TryGetValue(key, out var r) && p >= r.Start && p < r.End && r.End <= limit) return r.End;
            int e = p;
            while (e < limit && a.Contains(text[e])) e++;
            _last[key] = (p, e);
            return e;
        }

        public void Clear() => _last.Clear();
    }
}
