using System.Buffers;
using Bulwark.Core;
using Bulwark.Python;

namespace Bulwark.Engine;

public enum SuppressionKind { None, Nosec, Inline }

/// <summary>
/// Suppression comments of one file: Bandit's `# nosec` / `# nosec B602,B607`, Ruff's `# noqa` / `# noqa: S602`,
/// Bulwark's `# bulwark: ignore` / `# bulwark: ignore[B602]`, and zizmor's `# zizmor: ignore[audit]` in CI files. A comment applies to findings on its line, and to
/// findings anywhere in a multi-line statement when it sits on the statement's first line.
/// </summary>
public sealed class InlineSuppressions
{
    readonly record struct Directive(SuppressionKind Kind, string[]? Codes); // null codes: everything

    readonly Dictionary<int, List<Directive>> _byLine = new();
    // File-level directives on a line of their own: `# ruff: noqa`, `# ruff: noqa: S602`, `# flake8: noqa`, `# bulwark: skip-file`.
    readonly List<Directive> _fileWide = [];
    int[]? _statementStart;
    int[]? _statementEnd;
    // Statement lines are worked out (a walk of the tree) only when a finding is checked against a directive.
    Func<(int[] Starts, int[] Ends)>? _statementLines;

    InlineSuppressions(int[]? statementStart, int[]? statementEnd, Func<(int[] Starts, int[] Ends)>? statementLines)
    {
        _statementStart = statementStart;
        _statementEnd = statementEnd;
        _statementLines = statementLines;
    }

    /// <param name="insideString">Tells whether an offset lies inside a string literal (a `#` there starts no comment);
    /// null for files that are not Python.</param>
    /// <param name="honourNoqa">False under the Bandit profile: Bandit ignores `# noqa`.</param>
    /// <param name="statementStartByLine">Line → first line of the (header of the) statement covering it.</param>
    /// <param name="statementEndByLine">Line → last line of that statement (its header, for compound statements).</param>
    public static InlineSuppressions Parse(SourceText text, int[]? statementStartByLine = null,
        Func<int, bool>? insideString = null, bool honourNoqa = true, int[]? statementEndByLine = null) =>
        Parse(text, statementStartByLine, statementEndByLine, null, insideString, honourNoqa);

    /// <summary>As <see cref="Parse(SourceText, int[], Func{int, bool}, bool, int[])"/>, with the statement lines
    /// computed by <paramref name="statementLines"/> on first need (only when the file has a directive).</summary>
    public static InlineSuppressions Parse(SourceText text, Func<(int[] Starts, int[] Ends)>? statementLines, Func<int, bool>? insideString,
        bool honourNoqa) => Parse(text, null, null, statementLines, insideString, honourNoqa);

    static InlineSuppressions Parse(SourceText text, int[]? statementStartByLine, int[]? statementEndByLine,
        Func<(int[] Starts, int[] Ends)>? statementLines, Func<int, bool>? insideString, bool honourNoqa)
    {
        var result = new InlineSuppressions(statementStartByLine, statementEndByLine, statementLines) { _honourNoqa = honourNoqa };
        var src = text.Text;
        int hash = src.IndexOf('#');
        while (hash >= 0)
        {
            int line = text.LineOf(hash);
            var (ls, ll) = text.LineExtent(line);
            // Most comments name no directive: whether this `#` is in a string or not, nothing on the rest of the line
            // is one, so the string spans are not consulted (nor built, when they are built on demand).
            bool directive = MayHoldDirective(src.AsSpan(hash, ls + ll - hash));
            if (directive && insideString is not null && insideString(hash))
            {
                // A `#` in a string: the line may still carry a real comment further on.
                int nextHash = hash + 1 < ls + ll ? src.IndexOf('#', hash + 1, ls + ll - hash - 1) : -1;
                if (nextHash >= 0) { hash = nextHash; continue; }
            }
            else if (directive)
            {
                var comment = src.AsSpan(hash, ls + ll - hash);
                if (src.AsSpan(ls, hash - ls).IsWhiteSpace()) result.TryFileDirective(comment.TrimStart('#').Trim());
                result.ParseComment(line, comment);
            }
            int next = ls + ll;
            hash = next < src.Length ? src.IndexOf('#', next) : -1;
        }
        return result;
    }

    bool _honourNoqa = true;

    /// <summary>Whether text from a `#` to the end of its line has a word every directive starts with (compared as the directives are).</summary>
    static bool MayHoldDirective(ReadOnlySpan<char> rest) => rest.ContainsAny(DirectiveWords);

    /// <summary>The words, searched for in one pass (each compared as `Contains(word, OrdinalIgnoreCase)` would).</summary>
    static readonly SearchValues<string> DirectiveWords =
        SearchValues.Create(["nosec", "noqa", "bulwark", "zizmor"], StringComparison.OrdinalIgnoreCase);

    void ParseComment(int line, ReadOnlySpan<char> comment)
    {
        // A line may hold several '#' (`x = 1  # note # nosec`); look at each segment.
        while (comment.Length > 0)
        {
            comment = comment.TrimStart('#').TrimStart();
            int nextHash = comment.IndexOf('#');
            var segment = nextHash >= 0 ? comment[..nextHash] : comment;
            TryDirective(line, segment.TrimEnd());
            if (nextHash < 0) break;
            comment = comment[nextHash..];
        }
    }

    /// <summary>Ruff's file-level exemptions (`# ruff: noqa`, `# ruff: noqa: S602`, `# flake8: noqa`) and `# bulwark: skip-file`.</summary>
    void TryFileDirective(ReadOnlySpan<char> s)
    {
        if (s.StartsWith("bulwark:", StringComparison.OrdinalIgnoreCase))
        {
            var rest = s[8..].Trim();
            if (rest.Equals("skip-file", StringComparison.OrdinalIgnoreCase)) _fileWide.Add(new Directive(SuppressionKind.Inline, null));
            return;
        }
        if (!_honourNoqa) return;
        bool ruff = s.StartsWith("ruff:", StringComparison.OrdinalIgnoreCase);
        if (!ruff && !s.StartsWith("flake8:", StringComparison.OrdinalIgnoreCase)) return;
        var body = s[(s.IndexOf(':') + 1)..].Trim();
        if (!StartsWithWord(body, "noqa")) return;
        body = body[4..];
        if (body.IsEmpty) _fileWide.Add(new Directive(SuppressionKind.Inline, null));
        else if (body[0] == ':' && Codes(body[1..].Trim()) is { } codes) _fileWide.Add(new Directive(SuppressionKind.Inline, codes));
    }

    void TryDirective(int line, ReadOnlySpan<char> s)
    {
        if (StartsWithWord(s, "nosec"))
        {
            // As Bandit: words that name no known rule are a reason, and a nosec naming no rule covers all.
            var rest = s[5..].TrimStart(':').Trim();
            var codes = Codes(rest)?.Where(IsKnownRule).ToArray();
            Add(line, new Directive(SuppressionKind.Nosec, codes is { Length: > 0 } ? codes : null));
        }
        else if (!_honourNoqa && StartsWithWord(s, "noqa"))
        {
        }
        else if (StartsWithWord(s, "noqa"))
        {
            var rest = s[4..];
            if (rest.StartsWith(":")) Add(line, new Directive(SuppressionKind.Inline, Codes(rest[1..].Trim())));
            else Add(line, new Directive(SuppressionKind.Inline, null));
        }
        else if (s.StartsWith("bulwark:", StringComparison.OrdinalIgnoreCase) || s.StartsWith("zizmor:", StringComparison.OrdinalIgnoreCase))
        {
            // zizmor's `# zizmor: ignore[template-injection]` names audits, which the CI rules carry as aliases.
            var rest = s[(s.IndexOf(':') + 1)..].Trim();
            if (!StartsWithWord(rest, "ignore")) return;
            rest = rest[6..].Trim();
            if (rest.StartsWith("[") && rest.IndexOf(']') is var close and > 0)
                Add(line, new Directive(SuppressionKind.Inline, Codes(rest[1..close])));
            else if (rest.IsEmpty) Add(line, new Directive(SuppressionKind.Inline, null));
        }
    }

    static bool StartsWithWord(ReadOnlySpan<char> s, string word) =>
        s.StartsWith(word, StringComparison.OrdinalIgnoreCase) &&
        (s.Length == word.Length || !char.IsLetterOrDigit(s[word.Length]) && s[word.Length] != '_');

    /// <summary>Codes are separated by commas and/or spaces; anything after the codes (a reason) is ignored.</summary>
    static string[]? Codes(ReadOnlySpan<char> s)
    {
        var codes = new List<string>();
        foreach (var part in s.ToString().Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IsCode(part)) break;
            codes.Add(part);
        }
        return codes.Count == 0 ? null : codes.ToArray();
    }

    // Rule ids (B602, S602, BW001, DEP001) or Bandit test names (subprocess_popen_with_shell_equals_true).
    static bool IsCode(string s)
    {
        if (s.Length == 0 || !char.IsLetter(s[0])) return false;
        foreach (var c in s) if (!char.IsLetterOrDigit(c) && c != '_' && c != '-') return false;
        return true;
    }

    static bool IsKnownRule(string code)
    {
        if (Bulwark.Rules.RuleCatalog.Find(code) is not null) return true;
        var name = code.Replace('_', '-');
        foreach (var r in Bulwark.Rules.RuleCatalog.All)
            if (r.Info.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    void Add(int line, Directive d)
    {
        if (!_byLine.TryGetValue(line, out var list)) _byLine[line] = list = [];
        list.Add(d);
    }

    public bool IsEmpty => _byLine.Count == 0 && _fileWide.Count == 0;

    /// <summary>
    /// Which mechanism, if any, suppresses a finding of <paramref name="rule"/> spanning <paramref name="line"/> to
    /// <paramref name="endLine"/>: a comment on any of its lines (as Bandit reads a node's range), or on the first
    /// line of the statement it is in.
    /// </summary>
    public SuppressionKind Find(RuleInfo rule, int line, int endLine = 0)
    {
        foreach (var d in _fileWide)
            if (d.Codes is null || Names(rule, d.Codes)) return d.Kind;
        if (_byLine.Count == 0 || line <= 0) return SuppressionKind.None;
        var kind = Check(rule, line);
        if (kind != SuppressionKind.None) return kind;
        for (int l = line + 1; l <= endLine && l <= line + 200; l++)
            if ((kind = Check(rule, l)) != SuppressionKind.None) return kind;
        if (_statementLines is not null)
        {
            (_statementStart, _statementEnd) = _statementLines();
            _statementLines = null;
        }
        if (_statementStart is not null && line < _statementStart.Length && _statementStart[line] is > 0 and var first)
        {
            // Any line of the statement the finding is in: `x = ("SELECT "  # nosec` / `"""  # nosec` after a string.
            int last = _statementEnd is not null && line < _statementEnd.Length ? Math.Max(_statementEnd[line], first) : first;
            for (int l = first; l <= last && l <= first + 200; l++)
                if ((l < line || l > endLine) && (kind = Check(rule, l)) != SuppressionKind.None) return kind;
        }
        return SuppressionKind.None;
    }

    SuppressionKind Check(RuleInfo rule, int line)
    {
        if (!_byLine.TryGetValue(line, out var list)) return SuppressionKind.None;
        foreach (var d in list)
            if (d.Codes is null || Names(rule, d.Codes)) return d.Kind;
        return SuppressionKind.None;
    }

    static bool Names(RuleInfo rule, string[] codes)
    {
        foreach (var c in codes)
        {
            if (c.Equals(rule.Id, StringComparison.OrdinalIgnoreCase)) return true;
            if (c.Replace('-', '_').Equals(rule.Name.Replace('-', '_'), StringComparison.OrdinalIgnoreCase)) return true;
            foreach (var a in rule.Aliases) if (c.Equals(a, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
