using System.Text;
using System.Text.RegularExpressions;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Code;

/// <summary>Recognising SQL in the constant parts of a string being built (B608, BW608).</summary>
static partial class SqlText
{
    /// <summary>Bandit's recognition: `select … from`, `delete from`, `insert into … values`, `update … set`, anywhere.</summary>
    [GeneratedRegex(@"(select\s.*from\s|delete\s+from\s|insert\s+into\s.*values[\s(]|update\s.*set\s)", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    public static partial Regex Bandit();

    /// <summary>
    /// Stricter: the text starts (after blanks, parentheses and quotes) with the statement's keyword — what the regular
    /// expression <c>^[\s("'`]*(select\s.*\sfrom\s|delete\s+from\s|insert\s+into\s.*values[\s(]|update\s+\S+\s+set\s|with\s+\w+\s+as\s*\(|replace\s+into\s|merge\s+into\s)</c>
    /// (ignoring case, `.` matching new lines) matches, scanned by hand in linear time: a non-backtracking regular
    /// expression of this size costs milliseconds to build, which a one-file scan pays at start-up.
    /// </summary>
    public static bool IsStatement(string text)
    {
        var s = text.AsSpan();
        int i = 0;
        while (i < s.Length && (char.IsWhiteSpace(s[i]) || s[i] is '(' or '"' or '\'' or '`')) i++;
        if (i == s.Length) return false;
        switch (s[i] | 0x20)
        {
            case 's': // `select \s .* \s from \s`
                if (!Keyword(s, i, "select") || !Space(s, i + 6)) return false;
                for (int q = i + 7; q < s.Length; q++)
                    if (char.IsWhiteSpace(s[q]) && Keyword(s, q + 1, "from") && Space(s, q + 5)) return true;
                return false;
            case 'd': // `delete \s+ from \s`
                return Keyword(s, i, "delete") && Spaces(s, i + 6, out var d) && Keyword(s, d, "from") && Space(s, d + 4);
            case 'i': // `insert \s+ into \s .* values [\s(]`
                if (!Keyword(s, i, "insert") || !Spaces(s, i + 6, out var n) || !Keyword(s, n, "into") || !Space(s, n + 4)) return false;
                for (int q = n + 5; q + 6 < s.Length; q++)
                    if (Keyword(s, q, "values") && (char.IsWhiteSpace(s[q + 6]) || s[q + 6] == '(')) return true;
                return false;
            case 'u': // `update \s+ \S+ \s+ set \s`
                if (!Keyword(s, i, "update") || !Spaces(s, i + 6, out var u)) return false;
                int table = u;
                while (u < s.Length && !char.IsWhiteSpace(s[u])) u++;
                return u > table && Spaces(s, u, out var set) && Keyword(s, set, "set") && Space(s, set + 3);
            case 'w': // `with \s+ \w+ \s+ as \s* \(`
                if (!Keyword(s, i, "with") || !Spaces(s, i + 4, out var w)) return false;
                int name = w;
                while (w < s.Length && IsWordChar(s[w])) w++;
                if (w == name || !Spaces(s, w, out var a) || !Keyword(s, a, "as")) return false;
                a += 2;
                while (a < s.Length && char.IsWhiteSpace(s[a])) a++;
                return a < s.Length && s[a] == '(';
            case 'r': // `replace \s+ into \s`
                return Keyword(s, i, "replace") && Spaces(s, i + 7, out var r) && Keyword(s, r, "into") && Space(s, r + 4);
            case 'm': // `merge \s+ into \s`
                return Keyword(s, i, "merge") && Spaces(s, i + 5, out var m) && Keyword(s, m, "into") && Space(s, m + 4);
            default:
                return false;
        }
    }

    /// <summary>The lower-case ASCII <paramref name="keyword"/> at <paramref name="at"/>, in any case.</summary>
    static bool Keyword(ReadOnlySpan<char> s, int at, string keyword)
    {
        if (at < 0 || at + keyword.Length > s.Length) return false;
        for (int k = 0; k < keyword.Length; k++)
        {
            char c = s[at + k], want = keyword[k];
            if (c >= 128 || (c | 0x20) != want) return false;
        }
        return true;
    }

    static bool Space(ReadOnlySpan<char> s, int at) => at < s.Length && char.IsWhiteSpace(s[at]);

    /// <summary>At least one white-space character at <paramref name="at"/>; <paramref name="end"/> is just past the run.</summary>
    static bool Spaces(ReadOnlySpan<char> s, int at, out int end)
    {
        end = at;
        while (end < s.Length && char.IsWhiteSpace(s[end])) end++;
        return end > at;
    }

    /// <summary>A `\w` character of .NET regular expressions: a letter, a non-spacing mark, a decimal digit or a connector.</summary>
    static bool IsWordChar(char c) => char.GetUnicodeCategory(c) switch
    {
        System.Globalization.UnicodeCategory.UppercaseLetter or System.Globalization.UnicodeCategory.LowercaseLetter
            or System.Globalization.UnicodeCategory.TitlecaseLetter or System.Globalization.UnicodeCategory.ModifierLetter
            or System.Globalization.UnicodeCategory.OtherLetter or System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.DecimalDigitNumber or System.Globalization.UnicodeCategory.ConnectorPunctuation => true,
        _ => false,
    };

    /// <summary>Calls that run SQL.</summary>
    public static readonly HashSet<string> ExecuteNames = ["execute", "executemany"];

    /// <summary>Appends the string constants of a `+`/`%` chain, separated by a space (Bandit joins them this way).</summary>
    public static void CollectConstants(Expr e, StringBuilder sb)
    {
        if (e is BinOp b) { CollectConstants(b.Left, sb); CollectConstants(b.Right, sb); }
        else if (e is Constant { ValueKind: ConstantKind.Str } c)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(c.AsString);
        }
    }
}
