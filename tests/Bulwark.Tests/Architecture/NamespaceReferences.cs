using System.Text.RegularExpressions;

namespace Bulwark.Tests.Architecture;

/// <summary>A use of one Bulwark namespace from a file of another: where, from which namespace, to which, and how.</summary>
public sealed record NamespaceReference(string Path, int Line, string From, string To, string How);

/// <summary>
/// Reads which Bulwark namespaces each C# file uses, from the source text: `using` directives (plain, static,
/// alias, global), fully qualified names (`Bulwark.Engine.Glob`), and names qualified relative to an enclosing
/// namespace (`Engine.Glob` written inside `Bulwark.Rules`). Comments and string literals are ignored.
/// </summary>
public static partial class NamespaceReferences
{
    /// <summary>Every reference from the given files to a Bulwark namespace outside the file's own one.</summary>
    /// <param name="files">The files to read, as (path for messages, text).</param>
    /// <param name="declarations">Other files whose namespaces and type names can be referred to (another project's).</param>
    public static List<NamespaceReference> Read(IReadOnlyList<(string Path, string Text)> files,
        IReadOnlyList<(string Path, string Text)>? declarations = null)
    {
        var parsed = new List<(string Path, string Code, string? Namespace)>();
        foreach (var (path, text) in files)
        {
            var code = StripCommentsAndStrings(text);
            parsed.Add((path, code, NamespaceOf(code)));
        }
        // Namespace → the type names and child namespace names it declares.
        var members = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Declare(string code)
        {
            if (NamespaceOf(code) is not { } ns) return;
            var parts = ns.Split('.');
            for (int i = 1; i < parts.Length; i++) Member(string.Join('.', parts[..i])).Add(parts[i]);
            var types = Member(ns);
            foreach (Match m in TypeDeclaration().Matches(code)) types.Add(m.Groups[1].Value);
        }
        HashSet<string> Member(string ns) =>
            members.TryGetValue(ns, out var set) ? set : members[ns] = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in parsed) Declare(f.Code);
        foreach (var (_, text) in declarations ?? []) Declare(StripCommentsAndStrings(text));

        var result = new List<NamespaceReference>();
        foreach (var (path, code, ns) in parsed)
        {
            if (ns is null) continue;
            void Add(int offset, string target, string how)
            {
                if (target != ns) result.Add(new NamespaceReference(path, LineOf(code, offset), ns, target, how));
            }
            foreach (Match m in UsingDirective().Matches(code)) Add(m.Index, m.Groups[1].Value, "using");
            var body = UsingDirective().Replace(NamespaceDeclaration().Replace(code, Blank), Blank);
            foreach (Match m in QualifiedName().Matches(body))
                if (Resolve(m.Value, ns, members) is { } target) Add(m.Index, target, "qualified name");
        }
        return result;
    }

    /// <summary>
    /// The namespace a dotted name `A.B.C` written in namespace <paramref name="ns"/> reaches through its qualifier:
    /// `A` is looked up in the enclosing namespaces, innermost first, as C# does. Null when it is not a namespace
    /// (a member access on a variable, a type of an enclosing namespace).
    /// </summary>
    static string? Resolve(string dotted, string ns, Dictionary<string, HashSet<string>> members)
    {
        var parts = dotted.Replace("global::", "").Split('.', StringSplitOptions.TrimEntries);
        string? current = null;
        for (var scope = ns; scope.Length > 0; scope = scope.Contains('.') ? scope[..scope.LastIndexOf('.')] : "")
            if (members.TryGetValue(scope, out var declared) && declared.Contains(parts[0]))
            {
                current = scope + "." + parts[0];
                break;
            }
        if (current is null && parts[0] == "Bulwark") current = "Bulwark";
        if (current is null || !members.ContainsKey(current)) return null;
        int k = 1;
        while (k < parts.Length && members.ContainsKey(current + "." + parts[k])) current += "." + parts[k++];
        // `Bulwark.Rules` followed by something Bulwark.Rules does not declare is not a use of it.
        return k == parts.Length || members[current].Contains(parts[k]) ? current : null;
    }

    static string Blank(Match m) => new(' ', m.Length);

    static string? NamespaceOf(string code) => NamespaceDeclaration().Match(code) is { Success: true } m ? m.Groups[1].Value : null;

    static int LineOf(string text, int offset)
    {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text[i] == '\n') line++;
        return line;
    }

    [GeneratedRegex(@"^[ \t]*namespace[ \t]+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^[ \t]*(?:global[ \t]+)?using[ \t]+(?:static[ \t]+)?(?:\w+[ \t]*=[ \t]*)?(?:global::)?(Bulwark(?:\.\w+)*)[ \t]*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"\b(?:class|struct|interface|enum|record)[ \t]+(?:class[ \t]+|struct[ \t]+)?(\w+)")]
    private static partial Regex TypeDeclaration();

    /// <summary>`A.B.C` not preceded by another name part (`x.A.B` is a member access on `x`).</summary>
    [GeneratedRegex(@"(?<![\w.@])(?:global::)?[A-Za-z_]\w*(?:[ \t]*\.[ \t]*[A-Za-z_]\w*)+")]
    private static partial Regex QualifiedName();

    /// <summary>
    /// The text with comments and string and character literals (regular, verbatim, raw, interpolated) replaced by
    /// spaces; line breaks and offsets are kept so that positions still point at the original lines.
    /// </summary>
    public static string StripCommentsAndStrings(string text)
    {
        var c = text.ToCharArray();
        int i = 0;
        while (i < c.Length)
        {
            char ch = c[i];
            char next = i + 1 < c.Length ? c[i + 1] : '\0';
            int end;
            if (ch == '/' && next == '/') { end = i; while (end < c.Length && c[end] != '\n') end++; }
            else if (ch == '/' && next == '*') { end = text.IndexOf("*/", i + 2, StringComparison.Ordinal); end = end < 0 ? c.Length : end + 2; }
            else if (ch == '\'') end = CharLiteralEnd(text, i);
            else if (ch == '"' || ((ch == '$' || ch == '@') && StringStartsAt(text, i))) end = StringEnd(text, i);
            else { i++; continue; }
            for (int k = i; k < end; k++) if (c[k] != '\n') c[k] = ' ';
            i = end;
        }
        return new string(c);
    }

    static bool StringStartsAt(string text, int i)
    {
        while (i < text.Length && text[i] is '$' or '@') i++;
        return i < text.Length && text[i] == '"';
    }

    static int CharLiteralEnd(string text, int i)
    {
        int j = i + 1;
        while (j < text.Length && text[j] != '\'' && text[j] != '\n') j += text[j] == '\\' ? 2 : 1;
        return Math.Min(j + 1, text.Length);
    }

    /// <summary>The offset just past the string literal starting at <paramref name="i"/> (at its `$`, `@` or quote).</summary>
    static int StringEnd(string text, int i)
    {
        bool verbatim = false, interpolated = false;
        while (text[i] is '$' or '@') { verbatim |= text[i] == '@'; interpolated |= text[i] == '$'; i++; }
        int quotes = 0;
        while (i + quotes < text.Length && text[i + quotes] == '"') quotes++;
        if (quotes >= 3)
        {
            // A raw string closes with as many quotes as it opened with; `""` right after the opening is not raw but empty.
            int close = text.IndexOf(new string('"', quotes), i + quotes, StringComparison.Ordinal);
            return close < 0 ? text.Length : close + quotes;
        }
        if (quotes == 2) return i + 2; // ""
        int j = i + 1;
        while (j < text.Length)
        {
            char ch = text[j];
            if (ch == '"')
            {
                if (verbatim && j + 1 < text.Length && text[j + 1] == '"') { j += 2; continue; }
                return j + 1;
            }
            if (ch == '\\' && !verbatim) { j += 2; continue; }
            if (ch == '\n' && !verbatim) return j;
            if (interpolated && ch == '{')
            {
                if (j + 1 < text.Length && text[j + 1] == '{') { j += 2; continue; }
                j = HoleEnd(text, j + 1);
                continue;
            }
            j++;
        }
        return text.Length;
    }

    /// <summary>Past the `}` closing an interpolation hole whose code starts at <paramref name="j"/>; strings inside are skipped whole.</summary>
    static int HoleEnd(string text, int j)
    {
        int depth = 1;
        while (j < text.Length && depth > 0)
        {
            char ch = text[j];
            if (ch == '"' || ((ch == '$' || ch == '@') && StringStartsAt(text, j))) { j = StringEnd(text, j); continue; }
            if (ch == '\'') { j = CharLiteralEnd(text, j); continue; }
            if (ch == '{') depth++;
            else if (ch == '}') depth--;
            j++;
        }
        return j;
    }
}
