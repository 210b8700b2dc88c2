namespace Bulwark.Core;

/// <summary>
/// Gitignore-style globs over '/'-separated relative paths: `*` and `?` within a segment, `**` across segments,
/// `[abc]` classes. A pattern without '/' matches the file name or any directory name; one with '/' is anchored.
/// </summary>
public static class Glob
{
    public static bool IsMatch(string pattern, string path)
    {
        pattern = pattern.Replace('\\', '/');
        if (pattern.StartsWith("./")) pattern = pattern[2..];
        bool dirOnly = pattern.EndsWith('/');
        if (dirOnly) pattern = pattern.TrimEnd('/');
        if (pattern.Length == 0) return false;
        bool anchored = pattern.Contains('/');
        if (pattern.StartsWith('/')) pattern = pattern[1..];
        if (!anchored)
        {
            // Matches a file name, or any leading directory component (so `build` excludes `build/x.py`).
            var parts = path.Split('/');
            for (int i = 0; i < parts.Length; i++)
            {
                if (dirOnly && i == parts.Length - 1) break;
                if (Match(pattern.AsSpan(), parts[i].AsSpan())) return true;
            }
            return false;
        }
        // Anchored: the pattern matches the path or one of its leading directories.
        if (!dirOnly && Match(pattern.AsSpan(), path.AsSpan(), segments: true)) return true;
        int slash = path.IndexOf('/');
        while (slash >= 0)
        {
            if (Match(pattern.AsSpan(), path.AsSpan(0, slash), segments: true)) return true;
            slash = path.IndexOf('/', slash + 1);
        }
        return false;
    }

    /// <summary>
    /// Wildcard match; with <paramref name="segments"/>, `*` stops at '/' and `**` crosses it (`**/` also matching
    /// no directory at all). The pattern is run as a set of positions over the text, one pass, so the time is
    /// |pattern| × |text| whatever the pattern: a backtracking matcher is exponential in the number of `**/`
    /// (a 73-byte `.gitignore` line took 30 s).
    /// </summary>
    public static bool Match(ReadOnlySpan<char> p, ReadOnlySpan<char> s, bool segments = false)
    {
        int n = p.Length;
        // States are pattern offsets 0..n; a state holds when the text read so far can reach it.
        Span<bool> current = n < 512 ? stackalloc bool[n + 1] : new bool[n + 1];
        Span<bool> next = n < 512 ? stackalloc bool[n + 1] : new bool[n + 1];
        current.Clear();
        current[0] = true;
        Close(p, current, segments);
        for (int si = 0; si < s.Length; si++)
        {
            char c = s[si];
            next.Clear();
            bool any = false;
            for (int pi = 0; pi < n; pi++)
            {
                if (!current[pi]) continue;
                if (p[pi] == '*')
                {
                    var (width, crosses, slashed) = Star(p, pi, segments);
                    // Stay on the star while it consumes c; `**/` may also leave through a '/'.
                    if (crosses || c != '/') { next[pi] = true; any = true; }
                    if (slashed && c == '/') { next[pi + width] = true; any = true; }
                    continue;
                }
                int at = pi;
                if (MatchOne(p, ref at, c, out int consumed)) { next[pi + consumed] = true; any = true; }
            }
            if (!any) return false;
            var swap = current; current = next; next = swap;
            Close(p, current, segments);
        }
        return current[n];
    }

    /// <summary>A star token at <paramref name="pi"/>: its width, whether it crosses '/', and whether it is `**/`.</summary>
    static (int Width, bool Crosses, bool Slashed) Star(ReadOnlySpan<char> p, int pi, bool segments)
    {
        bool dbl = pi + 1 < p.Length && p[pi + 1] == '*';
        if (!dbl) return (1, !segments, false);
        if (segments && pi + 2 < p.Length && p[pi + 2] == '/') return (3, true, true);
        return (2, true, false);
    }

    /// <summary>Adds the states reachable without reading: past a star (it may match nothing).</summary>
    static void Close(ReadOnlySpan<char> p, Span<bool> states, bool segments)
    {
        for (int pi = 0; pi < p.Length; pi++)
        {
            if (!states[pi] || p[pi] != '*') continue;
            var (width, _, _) = Star(p, pi, segments);
            states[pi + width] = true; // `**/` matching zero directories skips its '/', as `**` and `*` skip themselves
        }
    }

    static bool MatchOne(ReadOnlySpan<char> p, ref int pi, char c, out int consumed)
    {
        consumed = 1;
        char pc = p[pi];
        if (pc == '?') return c != '/';
        if (pc == '[')
        {
            int close = p[(pi + 1)..].IndexOf(']');
            if (close < 0) return pc == c;
            var cls = p.Slice(pi + 1, close);
            consumed = close + 2;
            bool negate = cls.Length > 0 && (cls[0] == '!' || cls[0] == '^');
            if (negate) cls = cls[1..];
            bool found = false;
            for (int i = 0; i < cls.Length; i++)
            {
                if (i + 2 < cls.Length && cls[i + 1] == '-') { if (c >= cls[i] && c <= cls[i + 2]) found = true; i += 2; }
                else if (cls[i] == c) found = true;
            }
            return found != negate;
        }
        if (pc == '\\' && pi + 1 < p.Length) { consumed = 2; return p[pi + 1] == c; }
        return pc == c;
    }
}
