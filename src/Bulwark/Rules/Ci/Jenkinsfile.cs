using System.Text.RegularExpressions;

namespace Bulwark.Rules.Ci;

/// <summary>A Groovy string that interpolates: its `${…}` or `$name` parts, as offsets into the file.</summary>
public readonly record struct GroovyInterpolation(int Start, int End, string Expression);

/// <summary>
/// Just enough Groovy to audit a Jenkinsfile: the double-quoted (interpolating) string arguments of shell steps
/// (`sh`, `bat`, `powershell`, `pwsh`) and the interpolations inside them. Comments and single-quoted strings are
/// skipped; no other syntax is understood.
/// </summary>
public static partial class Jenkinsfile
{
    /// <summary>Interpolations inside the GString arguments of shell steps.</summary>
    public static IEnumerable<GroovyInterpolation> ShellStepInterpolations(string text)
    {
        foreach (Match m in ShellStep().Matches(text))
        {
            int quoteStart = m.Index + m.Length - m.Groups["q"].Length;
            if (InComment(text, m.Index)) continue;
            bool triple = m.Groups["q"].Value == "\"\"\"";
            foreach (var i in Interpolations(text, quoteStart + (triple ? 3 : 1), triple)) yield return i;
        }
    }

    [GeneratedRegex(@"\b(sh|bat|powershell|pwsh)\s*(\(\s*)?(script\s*:\s*)?(?<q>""""""|"")",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex ShellStep();

    static IEnumerable<GroovyInterpolation> Interpolations(string text, int i, bool triple)
    {
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\\') { i += 2; continue; }
            if (c == '"' && (!triple || (i + 2 < text.Length && text[i + 1] == '"' && text[i + 2] == '"'))) yield break;
            if (!triple && c == '\n') yield break;
            if (c == '$' && i + 1 < text.Length)
            {
                if (text[i + 1] == '{')
                {
                    int depth = 1, j = i + 2;
                    while (j < text.Length && depth > 0)
                    {
                        if (text[j] == '{') depth++;
                        else if (text[j] == '}') depth--;
                        j++;
                    }
                    yield return new GroovyInterpolation(i, j, text[(i + 2)..Math.Max(i + 2, j - 1)].Trim());
                    i = j;
                    continue;
                }
                if (char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '_')
                {
                    int j = i + 1;
                    while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || text[j] is '_' or '.')) j++;
                    var expr = text[(i + 1)..j].TrimEnd('.');
                    yield return new GroovyInterpolation(i, i + 1 + expr.Length, expr);
                    i = j;
                    continue;
                }
            }
            i++;
        }
    }

    /// <summary>Is the offset on a line after `//`, or inside a `/* */` comment (roughly: strings are not considered)?</summary>
    static bool InComment(string text, int offset)
    {
        int lineStart = text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        if (text.AsSpan(lineStart, offset - lineStart).Contains("//", StringComparison.Ordinal)) return true;
        int open = text.LastIndexOf("/*", offset, StringComparison.Ordinal);
        return open >= 0 && text.IndexOf("*/", open, StringComparison.Ordinal) is var close && (close < 0 || close > offset);
    }

    /// <summary>Pipeline variables whose text a pull request author or a build's user chooses.</summary>
    public static string? UserControlled(string expression)
    {
        var e = expression.Trim();
        if (e.StartsWith("params.", StringComparison.Ordinal)) return $"the build parameter `{e}`";
        var name = e.StartsWith("env.", StringComparison.Ordinal) ? e[4..] : e;
        return UserControlledNames.Contains(name) ? $"`{e}` (set from the pull request or its author)" : null;
    }

    static readonly HashSet<string> UserControlledNames = new(StringComparer.Ordinal)
    {
        "CHANGE_TITLE", "CHANGE_BRANCH", "CHANGE_AUTHOR", "CHANGE_AUTHOR_DISPLAY_NAME", "CHANGE_AUTHOR_EMAIL", "CHANGE_FORK",
        "ghprbPullTitle", "ghprbPullDescription", "ghprbSourceBranch", "ghprbCommentBody", "ghprbPullAuthorLogin",
        "gitlabSourceBranch", "gitlabMergeRequestTitle", "gitlabMergeRequestDescription", "gitlabUserName", "gitlabUserEmail",
    };

    /// <summary>Assignments of a string literal to a name (`TOKEN = 'abc'`, `def password = "…"`, `password: '…'`).</summary>
    public static IEnumerable<(string Name, int ValueStart, int ValueEnd, string Value)> LiteralAssignments(string text)
    {
        foreach (Match m in LiteralAssignment().Matches(text))
        {
            if (InComment(text, m.Index)) continue;
            var v = m.Groups["s"].Success ? m.Groups["s"] : m.Groups["d"];
            yield return (m.Groups["n"].Value, v.Index, v.Index + v.Length, v.Value);
        }
    }

    [GeneratedRegex(@"(?<n>[A-Za-z_][A-Za-z0-9_]*)\s*[=:]\s*('(?<s>[^'\n]*)'|""(?<d>[^""\n$]*)"")",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex LiteralAssignment();
}
