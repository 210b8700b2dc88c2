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

    /// <summary>Wildcard match; with <paramref name="segments"/>, `*` stops at '/' and `**` crosses it.</summary>
    public static bool Match(ReadOnlySpan<char> p, ReadOnlySpan<char> s, bool segments = false)
    {
        int pi = 0, si = 0, starP = -1, starS = -1;
        bool starCrosses = false;
        while (si < s.Length)
        {
            if (pi < p.Length && p[pi] == '*')
            {
                bool dbl = pi + 1 < p.Length && p[pi + 1] == '*';
                starCrosses = !segments || dbl;
                pi += dbl ? 2 : 1;
                if (dbl && pi < p.Length && p[pi] == '/' && segments)
                {
                    // `**/` also matches zero directories.
                    if (Match(p[(pi + 1)..], s[si..], segments)) return true;
                }
                starP = pi; starS = si;
                continue;
            }
            if (pi < p.Length && MatchOne(p, ref pi, s[si], out int consumed))
            {
                pi += consumed; si++;
                continue;
            }
            if (starP >= 0 && (starCrosses || s[starS] != '/'))
            {
                starS++; si = starS; pi = starP;
                continue;
            }
            return false;
        }
        while (pi < p.Length && p[pi] == '*') pi++;
        return pi == p.Length;
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
