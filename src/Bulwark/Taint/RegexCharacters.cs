namespace Bulwark.Taint;

/// <summary>
/// The characters a string can contain when it matches a regular expression in full: enough to tell that
/// `re.fullmatch(r"[a-z_]{1,32}", name)` leaves no quote, space or slash in `name`. Only the common syntax is read
/// (literals, escapes, classes, groups, alternation, quantifiers, anchors); anything else gives no answer.
/// </summary>
public sealed class RegexCharacters
{
    // Bit i of the 128-bit set: ASCII character i may occur. NonAscii: some non-ASCII character may occur.
    ulong _low, _high;
    public bool NonAscii { get; private set; }
    /// <summary>The pattern ends with `$`, which also matches before a final newline.</summary>
    public bool DollarEnd { get; private set; }

    public bool May(char c) => c < 64 ? (_low & (1UL << c)) != 0 : c < 128 ? (_high & (1UL << (c - 64))) != 0 : NonAscii;

    public bool MayAny(string chars)
    {
        foreach (var c in chars) if (May(c)) return true;
        return false;
    }

    void Add(char c)
    {
        if (c < 64) _low |= 1UL << c;
        else if (c < 128) _high |= 1UL << (c - 64);
        else NonAscii = true;
    }

    void AddRange(char from, char to)
    {
        for (int c = from; c <= to && c < 128; c++) Add((char)c);
        if (to >= 128) NonAscii = true;
    }

    void AddAll()
    {
        _low = ulong.MaxValue; _high = ulong.MaxValue; NonAscii = true;
    }

    void AddAllExcept(RegexCharacters excluded)
    {
        _low |= ~excluded._low;
        _high |= ~excluded._high;
        NonAscii = true;
    }

    /// <summary>
    /// The characters of a full match of <paramref name="pattern"/>, when <paramref name="whole"/> is how it is applied:
    /// `fullmatch` (whole = true); `match`/`search` need the pattern's own anchors. Null when the pattern is not understood
    /// or does not constrain the whole string.
    /// </summary>
    public static RegexCharacters? Of(string pattern, RegexUse use)
    {
        var p = pattern;
        bool startAnchored = use == RegexUse.FullMatch || use == RegexUse.Match;
        bool endAnchored = use == RegexUse.FullMatch;
        bool dollar = false;
        if (p.StartsWith('^') || p.StartsWith(@"\A", StringComparison.Ordinal)) startAnchored = true;
        if (p.EndsWith(@"\Z", StringComparison.Ordinal) || p.EndsWith(@"\z", StringComparison.Ordinal)) endAnchored = true;
        else if (p.EndsWith('$') && !p.EndsWith(@"\$", StringComparison.Ordinal)) { endAnchored = true; dollar = use != RegexUse.FullMatch; }
        if (!startAnchored || !endAnchored) return null;
        // A top-level alternation escapes the anchors (`^a|b$`): only accept it inside a group.
        var set = new RegexCharacters { DollarEnd = dollar };
        int depth = 0;
        for (int i = 0; i < p.Length; i++)
        {
            char c = p[i];
            switch (c)
            {
                case '\\':
                    if (i + 1 >= p.Length) return null;
                    if (!set.Escape(p[++i], inClass: false)) return null;
                    break;
                case '[':
                    var end = set.Class(p, i);
                    if (end < 0) return null;
                    i = end;
                    break;
                case '(':
                    depth++;
                    if (i + 1 < p.Length && p[i + 1] == '?')
                    {
                        // (?:  (?P<name>  (?i)  — and lookarounds, whose contents consume nothing.
                        if (i + 2 < p.Length && p[i + 2] is '=' or '!') { i = SkipGroup(p, i); depth--; if (i < 0) return null; break; }
                        if (i + 3 < p.Length && p[i + 2] == '<' && p[i + 3] is '=' or '!') { i = SkipGroup(p, i); depth--; if (i < 0) return null; break; }
                        if (i + 2 < p.Length && p[i + 2] == 'P' && i + 3 < p.Length && p[i + 3] == '<')
                        {
                            var close = p.IndexOf('>', i);
                            if (close < 0) return null;
                            i = close;
                        }
                        else if (i + 2 < p.Length && p[i + 2] == ':') i += 2;
                        else if (i + 2 < p.Length && char.IsAsciiLetter(p[i + 2]))
                        {
                            // Inline flags: (?i) or (?i:...)
                            int j = i + 2;
                            while (j < p.Length && char.IsAsciiLetter(p[j])) j++;
                            if (j < p.Length && p[j] == ')') { i = j; depth--; }
                            else if (j < p.Length && p[j] == ':') i = j;
                            else return null;
                        }
                        else return null;
                    }
                    break;
                case ')':
                    depth--;
                    break;
                case '|':
                    if (depth == 0) return null;
                    break;
                case '.':
                    set.AddAll();
                    break;
                case '^' or '$' or '*' or '+' or '?':
                    break;
                case '{':
                    var q = p.IndexOf('}', i);
                    if (q > i && p.AsSpan(i + 1, q - i - 1).IndexOfAnyExcept("0123456789,") < 0) i = q;
                    else set.Add('{');
                    break;
                default:
                    set.Add(c);
                    break;
            }
        }
        return depth == 0 ? set : null;
    }

    static int SkipGroup(string p, int open)
    {
        int depth = 0;
        for (int i = open; i < p.Length; i++)
        {
            if (p[i] == '\\') { i++; continue; }
            if (p[i] == '(') depth++;
            else if (p[i] == ')' && --depth == 0) return i;
        }
        return -1;
    }

    bool Escape(char e, bool inClass)
    {
        switch (e)
        {
            case 'd': AddRange('0', '9'); return true;
            case 'w': AddRange('0', '9'); AddRange('a', 'z'); AddRange('A', 'Z'); Add('_'); NonAscii = true; return true;
            case 's': Add(' '); Add('\t'); Add('\n'); Add('\r'); Add('\f'); Add('\v'); NonAscii = true; return true;
            case 'D' or 'W' or 'S': AddAll(); return true;
            case 'b' or 'B' or 'A' or 'Z' or 'z': return !inClass || e == 'b';
            case 'n': Add('\n'); return true;
            case 't': Add('\t'); return true;
            case 'r': Add('\r'); return true;
            case 'x' or 'u' or 'U' or 'N' or 'p' or 'P': AddAll(); return true;
            default:
                if (char.IsAsciiDigit(e)) return false; // backreferences
                Add(e);
                return true;
        }
    }

    /// <summary>Reads a class starting at `[`; returns the index of its `]`, or -1.</summary>
    int Class(string p, int open)
    {
        int i = open + 1;
        bool negated = i < p.Length && p[i] == '^';
        if (negated) i++;
        var members = negated ? new RegexCharacters() : this;
        bool first = true;
        while (i < p.Length)
        {
            char c = p[i];
            if (c == ']' && !first) break;
            first = false;
            char lo;
            if (c == '\\')
            {
                if (i + 1 >= p.Length) return -1;
                char e = p[i + 1];
                if (e is 'd' or 'w' or 's' or 'D' or 'W' or 'S')
                {
                    members.Escape(e, inClass: true);
                    i += 2;
                    continue;
                }
                lo = e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => e };
                i += 2;
            }
            else { lo = c; i++; }
            if (i + 1 < p.Length && p[i] == '-' && p[i + 1] != ']')
            {
                char hi = p[i + 1];
                i += 2;
                if (hi == '\\' && i < p.Length) { hi = p[i]; i++; }
                if (hi < lo) return -1;
                members.AddRange(lo, hi);
            }
            else members.Add(lo);
        }
        if (i >= p.Length) return -1;
        if (negated) AddAllExcept(members);
        return i;
    }

    /// <summary>The sink kinds a value matching this pattern cannot harm: none of the kind's dangerous characters can occur.</summary>
    public uint SafeKinds()
    {
        uint safe = SinkKinds.TrustBoundary;
        if (!MayAny("'\"`;()=,#\\/ \t\n\r")) safe |= SinkKinds.Sql;
        if (!MayAny(";|&$`<>(){}[]*?~!#'\"\\%^ \t\n\r")) safe |= SinkKinds.Command;
        if (!MayAny("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_'\"`\\[]{}:;@,=!~^&|<>#$") && !NonAscii) safe |= SinkKinds.Code;
        if (!MayAny("/\\")) safe |= SinkKinds.Path;
        else if (!May('.')) safe |= SinkKinds.PathDotDot;
        if (!MayAny("/:@\\?#% \t\n\r")) safe |= SinkKinds.Ssrf;
        if (!MayAny("/\\: \t\n\r")) safe |= SinkKinds.Redirect;
        if (!MayAny("<>\"'&`")) safe |= SinkKinds.Xss;
        if (!MayAny("{}%#<>")) safe |= SinkKinds.Template;
        if (!MayAny("*()\\&|=!<>~\0")) safe |= SinkKinds.Ldap;
        if (!MayAny("'\"[]()/=@*|:,")) safe |= SinkKinds.Xpath;
        if (!MayAny("<>!&%")) safe |= SinkKinds.Xxe | SinkKinds.Deserialization;
        if (!MayAny("\r\n") && !DollarEnd) safe |= SinkKinds.Header | SinkKinds.Log;
        if (!MayAny(".^$*+?{}[]\\|()")) safe |= SinkKinds.Regex;
        return safe;
    }
}

public enum RegexUse { FullMatch, Match, Search }
