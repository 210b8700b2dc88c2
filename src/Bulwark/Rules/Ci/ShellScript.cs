using System.Text.RegularExpressions;

namespace Bulwark.Rules.Ci;

/// <summary>A line of a script with its offsets in the text it came from (continuation lines joined).</summary>
public readonly record struct ScriptLine(int Start, int End, string Text);

/// <summary>
/// Light reading of shell scripts in CI files (`run:` blocks, GitLab `script:` lines): lines, variable references,
/// and the command shapes the CI rules look for. Regular expressions here are linear-time (non-backtracking).
/// </summary>
public static partial class ShellScript
{
    /// <summary>Logical lines of <paramref name="text"/>[from..to): a line ending in a backslash continues on the next.</summary>
    public static List<ScriptLine> Lines(string text, int from, int to)
    {
        var result = new List<ScriptLine>();
        int start = from;
        int i = from;
        while (i <= to)
        {
            if (i == to || text[i] == '\n')
            {
                int end = i;
                int trimmed = end;
                while (trimmed > start && text[trimmed - 1] is '\r' or ' ' or '\t') trimmed--;
                if (i < to && trimmed > start && text[trimmed - 1] == '\\') { i++; continue; } // continuation
                if (end > start) result.Add(new ScriptLine(start, end, text[start..end]));
                start = i + 1;
            }
            i++;
        }
        return result;
    }

    /// <summary>The line without a trailing `# comment` (a `#` inside quotes or `${…}` is kept).</summary>
    public static string WithoutComment(string line)
    {
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '\'' or '"') { quote = c; continue; }
            if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return line[..i];
        }
        return line;
    }

    /// <summary>The variable a line assigns (`NAME=…`, `export NAME=…`, `local NAME=…`, PowerShell `$NAME = …`), or null.</summary>
    public static string? Assignment(string line)
    {
        int i = 0;
        SkipBlanks(line, ref i);
        foreach (var keyword in new[] { "export ", "local ", "readonly ", "declare " })
            if (string.CompareOrdinal(line, i, keyword, 0, keyword.Length) == 0)
            {
                i += keyword.Length;
                SkipBlanks(line, ref i);
                while (i < line.Length && line[i] == '-') { while (i < line.Length && line[i] is not (' ' or '\t')) i++; SkipBlanks(line, ref i); }
                break;
            }
        if (i < line.Length && line[i] == '$') i++;
        int start = i;
        if (i >= line.Length || !(char.IsAsciiLetter(line[i]) || line[i] == '_')) return null;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] == '_')) i++;
        int end = i;
        SkipBlanks(line, ref i);
        if (i >= line.Length || line[i] != '=' || (i + 1 < line.Length && line[i + 1] == '=')) return null;
        return line[start..end];
    }

    static void SkipBlanks(string s, ref int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t') i++;
    }

    /// <summary>Names of shell variables the line expands: `$NAME`, `${NAME…}`, PowerShell `$env:NAME`, cmd `%NAME%`.</summary>
    public static IEnumerable<(string Name, int Start, int End)> VariableReferences(string line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '$' && i + 1 < line.Length)
            {
                int j = i + 1;
                if (line[j] == '{') j++;
                else if (line.Length - j >= 4 && string.Compare(line, j, "env:", 0, 4, StringComparison.OrdinalIgnoreCase) == 0) j += 4;
                int nameStart = j;
                if (j < line.Length && (char.IsAsciiLetter(line[j]) || line[j] == '_'))
                {
                    while (j < line.Length && (char.IsAsciiLetterOrDigit(line[j]) || line[j] == '_')) j++;
                    yield return (line[nameStart..j], i, j);
                    i = j - 1;
                }
            }
            else if (c == '%')
            {
                int j = i + 1;
                if (j < line.Length && (char.IsAsciiLetter(line[j]) || line[j] == '_'))
                {
                    while (j < line.Length && (char.IsAsciiLetterOrDigit(line[j]) || line[j] == '_')) j++;
                    if (j < line.Length && line[j] == '%') { yield return (line[(i + 1)..j], i, j + 1); i = j; }
                }
            }
        }
    }

    /// <summary>
    /// Variables the line expands into text that is then run as code: the argument of `eval` (unless single-quoted)
    /// and the double-quoted or bare code argument of `sh -c`, `python -c`, `node -e`, `perl -e`, `pwsh -Command`…
    /// A variable expanded as an ordinary argument is data, not code, and is not returned.
    /// </summary>
    public static IEnumerable<(string Name, int Start, int End)> ReevaluatedVariables(string line)
    {
        if (!line.Contains('$') || !(line.Contains("eval", StringComparison.Ordinal) || line.Contains(" -", StringComparison.Ordinal))) yield break;
        foreach (Match m in Reevaluation().Matches(line))
        {
            var code = m.Groups["code"];
            foreach (var (name, start, end) in VariableReferences(code.Value))
                yield return (name, code.Index + start, code.Index + end);
        }
    }

    [GeneratedRegex(
        @"\beval\s+(?<code>""[^""]*""|[^'\s;&|][^;&|]*)" +
        @"|\b((ba|z|da|k)?sh|python[0-9.]*|node|perl|ruby|php|pwsh|powershell)\s+(-[A-Za-z]+\s+)*(-c|-e|-r|-Command)\s+(?<code>""[^""]*""|[^'""\s]\S*)",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex Reevaluation();

    /// <summary>A download piped or substituted into an interpreter: `curl … | sh`, `bash &lt;(curl …)`, `sh -c "$(wget …)"`, `iwr … | iex`.</summary>
    public static Match RemoteScriptExecution(string line) =>
        ContainsAny(line, "curl", "wget", "fetch", "http", "iwr", "irm", "invoke-", "iex") ? RemoteScript().Match(line) : Match.Empty;

    static bool ContainsAny(string line, params string[] words)
    {
        foreach (var w in words) if (line.Contains(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    [GeneratedRegex(
        @"\b(curl|wget|fetch|http)\b[^|;&\n]*\|\s*(sudo\s+(-[A-Za-z]+\s+)*)?(env\s+([A-Za-z_][A-Za-z0-9_]*=\S*\s+)*)?(/usr/bin/|/bin/)?(ba|da|z|k|fi)?sh\b" +
        @"|\b(curl|wget)\b[^|;&\n]*\|\s*(sudo\s+(-[A-Za-z]+\s+)*)?(python[0-9.]*|perl|ruby|node|php)\b" +
        @"|\b(ba|z|da|k)?sh\s+(-[a-z]+\s+)*<\(\s*(curl|wget)\b" +
        @"|\b(ba|z|da|k)?sh\s+(-[a-z]+\s+)*-c\s+[""']?\$\(\s*(curl|wget)\b" +
        @"|\b(source|\.)\s+<\(\s*(curl|wget)\b" +
        @"|\beval\s+[""']?\$\(\s*(curl|wget)\b" +
        @"|\b(iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^|;\n]*\|\s*(iex|Invoke-Expression)\b" +
        @"|\b(iex|Invoke-Expression)\b\s*\(?\s*\(?\s*(iwr|irm|Invoke-WebRequest|Invoke-RestMethod|\(?New-Object\s+(System\.)?Net\.WebClient\)?\.DownloadString)\b",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RemoteScript();

    /// <summary>Does the line append to the environment file or the path file (`>> $GITHUB_ENV`, `tee -a "$GITHUB_PATH"`, `$env:GITHUB_ENV`)?</summary>
    public static bool WritesEnvironmentFile(string line, out string file)
    {
        file = "";
        if (!line.Contains("GITHUB_ENV", StringComparison.OrdinalIgnoreCase) && !line.Contains("GITHUB_PATH", StringComparison.OrdinalIgnoreCase)) return false;
        var m = EnvironmentFileWrite().Match(line);
        file = m.Success ? m.Groups["f"].Value : "";
        return m.Success;
    }

    [GeneratedRegex(@"(>>?|\btee\b[^|;&\n]*|\bOut-File\b[^|;\n]*|\bAdd-Content\b[^|;\n]*)\s*[""']?(\$\{?|\$env:|%)(?<f>GITHUB_ENV|GITHUB_PATH)\b",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentFileWrite();

    /// <summary>An output written by the line (`name=value >> $GITHUB_OUTPUT`, `::set-output name=name::value`), or null.</summary>
    public static string? OutputWritten(string line)
    {
        if (!line.Contains("GITHUB_OUTPUT", StringComparison.Ordinal) && !line.Contains("set-output", StringComparison.Ordinal)) return null;
        var m = OutputWrite().Match(line);
        if (m.Success) return m.Groups["n"].Value;
        m = LegacySetOutput().Match(line);
        return m.Success ? m.Groups["n"].Value : null;
    }

    [GeneratedRegex(@"(^|[\s""'])(?<n>[A-Za-z_][A-Za-z0-9_-]*)(=|<<).*(>>?|\btee\b[^|;&\n]*)\s*[""']?(\$\{?|\$env:|%)GITHUB_OUTPUT\b",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex OutputWrite();

    [GeneratedRegex(@"::set-output\s+name=(?<n>[A-Za-z_][A-Za-z0-9_-]*)::", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex LegacySetOutput();

    /// <summary>Does the line print to the log: a print command whose output is not piped to a program or redirected to a file?</summary>
    public static bool PrintsToLog(string line)
    {
        if (!Prints(line)) return false;
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '"' or '\'') { quote = c; continue; }
            if (c == '>' || (c == '|' && (i + 1 >= line.Length || line[i + 1] != '|'))) return false;
        }
        return true;
    }

    /// <summary>Does the line print (echo, printf, print, Write-Host, Write-Output, cat of a here-document)?</summary>
    public static bool Prints(string line)
    {
        if (!ContainsAny(line, "echo", "print", "write-", "cat")) return false;
        foreach (var (word, rest) in Commands(line))
        {
            if (word is "echo" or "printf" or "print" or "write-host" or "write-output") return true;
            if (word == "cat" && rest.TrimStart().StartsWith("<<", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>The words that start commands on the line (after `;`, `&amp;&amp;`, `|`, `$(`, `then`, `sudo`, `env`…), lower-cased.</summary>
    public static IEnumerable<string> CommandWords(string line)
    {
        foreach (var (word, _) in Commands(line)) yield return word;
    }

    static readonly HashSet<string> Prefixes = new(StringComparer.Ordinal) { "sudo", "time", "exec", "env", "nohup", "xvfb-run", "command", "builtin" };
    static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "then", "do", "else", "if", "while", "until", "!" };

    /// <summary>
    /// Each simple command of a line: its first word (lower-cased; leading `VAR=value` assignments, `sudo`-like
    /// prefixes with their options and shell keywords skipped) and the text after it. Quotes are respected when
    /// splitting at `;`, `&amp;`, `|`, `(`, `)` and backquotes; a hand-written scan, linear in the line.
    /// </summary>
    static IEnumerable<(string Word, string After)> Commands(string line)
    {
        var segments = new List<string>();
        int start = 0;
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '\'' or '"') { quote = c; continue; }
            if (c is ';' or '&' or '|' or '(' or ')' or '`' or '{' or '}')
            {
                segments.Add(line[start..i]);
                start = i + 1;
            }
        }
        segments.Add(line[start..]);
        foreach (var segment in segments)
        {
            var words = segment.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            int w = 0;
            while (w < words.Length)
            {
                var word = words[w];
                if (Keywords.Contains(word) || (word.Contains('=') && !word.StartsWith('=') && IsName(word[..word.IndexOf('=')]))) { w++; continue; }
                if (Prefixes.Contains(word))
                {
                    w++;
                    while (w < words.Length && words[w].StartsWith('-')) w++;
                    continue;
                }
                break;
            }
            if (w >= words.Length) continue;
            var first = words[w].TrimStart('$').ToLowerInvariant();
            int at = segment.IndexOf(words[w], StringComparison.Ordinal) + words[w].Length;
            yield return (first, segment[at..]);
        }
    }

    static bool IsName(string s)
    {
        if (s.Length == 0 || !(char.IsAsciiLetter(s[0]) || s[0] == '_')) return false;
        foreach (var c in s) if (!(char.IsAsciiLetterOrDigit(c) || c == '_')) return false;
        return true;
    }
}
