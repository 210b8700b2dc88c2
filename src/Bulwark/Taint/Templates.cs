namespace Bulwark.Taint;

/// <summary>
/// Django and Jinja2 templates of the scanned project, by the name a view renders them with: for each, the context
/// variables it prints without escaping (`{{ comment|safe }}`, or any `{{ name }}` inside `{% autoescape off %}`).
/// Rendering escapes everything else, so those names are where request data given to `render`/`render_template`
/// becomes the page (<see cref="SinkModel.Template"/>).
/// </summary>
public sealed class TemplateIndex
{
    public static readonly TemplateIndex Empty = new(new Dictionary<string, string[]>(StringComparer.Ordinal));

    readonly Dictionary<string, string[]> _unescaped;

    TemplateIndex(Dictionary<string, string[]> unescaped) => _unescaped = unescaped;

    /// <summary>
    /// The variables template <paramref name="name"/> (as a view names it: `shop/item.html`) prints unescaped; empty when
    /// no scanned template has that name or it escapes everything. Templates of the same name in several template
    /// directories (each app's own) are taken together.
    /// </summary>
    public string[] Unescaped(string name) => _unescaped.TryGetValue(name.Replace('\\', '/').TrimStart('/'), out var names) ? names : [];

    /// <summary>
    /// Reads the templates among <paramref name="files"/> (relative path, and a reader that returns null when the file
    /// cannot be read): files with a template extension under a `templates` directory.
    /// </summary>
    public static TemplateIndex Build(IEnumerable<(string RelativePath, Func<string?> Read)> files)
    {
        var own = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (path, read) in files)
        {
            if (NameOf(path) is not { } name || read() is not { } text) continue;
            var includes = new List<string>();
            var names = Scan(text, includes);
            if (!own.TryGetValue(name, out var set)) own[name] = set = new SortedSet<string>(StringComparer.Ordinal);
            AddCapped(set, names);
            if (includes.Count > 0)
            {
                if (!uses.TryGetValue(name, out var used)) uses[name] = used = new HashSet<string>(StringComparer.Ordinal);
                used.UnionWith(includes);
            }
        }
        // A template renders the ones it includes and extends with its own context: what they print unescaped, it does.
        // Each template's includes are followed on their own, with a bound on how many templates one reaches and on how
        // many names a template holds, so a repository of long or cyclic include chains of large templates costs at most
        // that many additions of that many names per template.
        var index = new Dictionary<string, string[]>(own.Count, StringComparer.Ordinal);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        foreach (var name in own.Keys)
        {
            var all = new SortedSet<string>(own[name], StringComparer.Ordinal);
            reached.Clear();
            reached.Add(name);
            pending.Push(name);
            while (pending.Count > 0)
            {
                if (!uses.TryGetValue(pending.Pop(), out var used)) continue;
                foreach (var other in used)
                {
                    if (reached.Count >= MaxReached || !own.TryGetValue(other, out var theirs) || !reached.Add(other)) continue;
                    AddCapped(all, theirs);
                    pending.Push(other);
                }
            }
            if (all.Count > 0) index[name] = [.. all];
        }
        return new TemplateIndex(index);
    }

    /// <summary>Templates one template's includes and extends are followed to (itself included).</summary>
    const int MaxReached = 256;

    /// <summary>
    /// Names one template keeps (its own and those of the templates it reaches, in name order): a real page prints a
    /// handful of values unescaped, and a crafted one printing thousands, included by hundreds of others, made the
    /// unions of every template with every other quadratic in the repository's size (30 one-megabyte templates: 23 s).
    /// </summary>
    const int MaxNames = 256;

    static void AddCapped(SortedSet<string> set, IEnumerable<string> names)
    {
        foreach (var n in names)
        {
            if (set.Count >= MaxNames) return;
            set.Add(n);
        }
    }

    static readonly string[] Extensions = [".html", ".htm", ".jinja", ".jinja2", ".j2", ".djhtml", ".xhtml", ".tpl"];

    /// <summary>The name a view renders the file by (its path below the nearest `templates` directory), or null.</summary>
    public static string? NameOf(string relativePath)
    {
        var p = relativePath.Replace('\\', '/');
        bool template = false;
        foreach (var ext in Extensions) if (p.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) { template = true; break; }
        if (!template) return null;
        for (int i = p.LastIndexOf("templates/", StringComparison.Ordinal); i >= 0; i = i == 0 ? -1 : p.LastIndexOf("templates/", i - 1, StringComparison.Ordinal))
            if (i == 0 || p[i - 1] == '/') return p[(i + "templates/".Length)..];
        return null;
    }

    /// <summary>Filters after which a value printed with autoescaping off is still escaped or no longer text.</summary>
    static readonly HashSet<string> Escaping = new(StringComparer.Ordinal)
    {
        "escape", "e", "force_escape", "escapejs", "urlencode", "tojson", "json_script", "length", "count", "int", "float",
        "filesizeformat", "yesno", "pluralize", "wordcount", "date", "time", "timesince", "timeuntil", "add",
    };

    /// <summary>The context variables a template's text prints without escaping (the root name of each expression).</summary>
    public static IReadOnlyCollection<string> UnescapedNames(string text) => Scan(text, null);

    /// <summary>
    /// <see cref="UnescapedNames"/>, and into <paramref name="includes"/> the templates it includes or extends by a
    /// constant name (`{% include "partials/row.html" %}`, `{% extends "base.html" %}`).
    /// </summary>
    public static IReadOnlyCollection<string> Scan(string text, List<string>? includes)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        // `{% for item in items %}`: a loop variable stands for the context variable it iterates.
        var loops = new Dictionary<string, string?>(StringComparer.Ordinal);
        var autoescape = new Stack<bool>();
        int i = 0;
        while (i < text.Length - 1)
        {
            int open = text.IndexOf('{', i);
            if (open < 0 || open + 1 >= text.Length) break;
            char kind = text[open + 1];
            string? close = kind switch { '{' => "}}", '%' => "%}", '#' => "#}", _ => null };
            if (close is null) { i = open + 1; continue; }
            int end = text.IndexOf(close, open + 2, StringComparison.Ordinal);
            if (end < 0) break;
            var inner = text.AsSpan(open + 2, end - open - 2).Trim().Trim("-+~").Trim();
            i = end + 2;
            if (kind == '{') Output(inner);
            else if (kind == '%') Tag(inner);
        }
        return names;

        void Tag(ReadOnlySpan<char> tag)
        {
            Span<Range> words = stackalloc Range[8];
            int count = tag.SplitAny(words, " \t\r\n", StringSplitOptions.RemoveEmptyEntries);
            if (count == 0) return;
            var first = tag[words[0]];
            if (first.SequenceEqual("autoescape") && count >= 2)
            {
                var mode = tag[words[1]];
                autoescape.Push(mode.SequenceEqual("off") || mode.SequenceEqual("false") || mode.SequenceEqual("False"));
            }
            else if (first.SequenceEqual("endautoescape") && autoescape.Count > 0) autoescape.Pop();
            else if ((first.SequenceEqual("include") || first.SequenceEqual("extends")) && includes is not null && Quoted(tag[words[0].End.Value..]) is { } included)
                includes.Add(included);
            else if (first.SequenceEqual("with") || first.SequenceEqual("set"))
                Aliases(tag[words[0].End.Value..]);
            else if (first.SequenceEqual("for"))
            {
                // `for a, b in pairs` / `for item in items|dictsort` / `for x in xs reversed`
                int inAt = -1;
                for (int w = 1; w < count; w++) if (tag[words[w]].SequenceEqual("in")) { inAt = w; break; }
                if (inAt < 0 || inAt + 1 >= count) return;
                var source = Root(tag[words[inAt + 1]]);
                for (int w = 1; w < inAt; w++)
                    foreach (var part in tag[words[w]].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        loops[part] = source;
            }
        }

        // `{% with total = order.total %}`, `{% with total=order.total count=items|length %}`, Django's older
        // `{% with order.total as total %}`, Jinja's `{% set total = order.total %}`: an alias stands for the variable
        // its value starts with (none for a call or a literal).
        void Aliases(ReadOnlySpan<char> rest)
        {
            int asAt = rest.IndexOf(" as ", StringComparison.Ordinal);
            if (asAt > 0 && rest.IndexOf('=') < 0)
            {
                var alias = Root(rest[(asAt + 4)..]);
                if (alias is not null) loops[alias] = Root(rest[..asAt]);
                return;
            }
            for (int i = 0; i < rest.Length; i++)
            {
                if (rest[i] != '=' || i + 1 < rest.Length && rest[i + 1] == '=' || i > 0 && rest[i - 1] is '=' or '!' or '<' or '>') continue;
                int end = i;
                while (end > 0 && rest[end - 1] == ' ') end--;
                int begin = end;
                while (begin > 0 && (char.IsAsciiLetterOrDigit(rest[begin - 1]) || rest[begin - 1] == '_')) begin--;
                if (begin == end) continue;
                loops[rest[begin..end].ToString()] = Root(rest[(i + 1)..]);
            }
        }

        void Output(ReadOnlySpan<char> expression)
        {
            bool unescaped = autoescape.Count > 0 && autoescape.Peek();
            var parts = SplitFilters(expression);
            for (int p = 1; p < parts.Count; p++)
            {
                var filter = FilterName(parts[p]);
                if (filter is "safe" or "safeseq") unescaped = true;
                else if (Escaping.Contains(filter)) unescaped = false;
            }
            if (!unescaped || parts.Count == 0) return;
            var root = Root(parts[0]);
            for (int hop = 0; root is not null && hop < 8 && loops.TryGetValue(root, out var source); hop++) root = source;
            if (root is not null) names.Add(root);
        }
    }

    /// <summary>The first quoted string of a tag's arguments (`"base.html"` in `extends "base.html"`), or null.</summary>
    static string? Quoted(ReadOnlySpan<char> arguments)
    {
        arguments = arguments.TrimStart();
        if (arguments.Length < 2 || arguments[0] is not ('"' or '\'')) return null;
        int end = arguments[1..].IndexOf(arguments[0]);
        return end <= 0 ? null : arguments.Slice(1, end).ToString();
    }

    /// <summary>The expression and its filters, split at each `|` outside quotes.</summary>
    static List<string> SplitFilters(ReadOnlySpan<char> expression)
    {
        var parts = new List<string>();
        int start = 0;
        char quote = '\0';
        for (int i = 0; i < expression.Length; i++)
        {
            char c = expression[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '|') { parts.Add(expression[start..i].Trim().ToString()); start = i + 1; }
        }
        parts.Add(expression[start..].Trim().ToString());
        return parts;
    }

    /// <summary>`default:"x"` → `default`; `truncate(20)` → `truncate`.</summary>
    static string FilterName(string filter)
    {
        int end = 0;
        while (end < filter.Length && (char.IsAsciiLetterOrDigit(filter[end]) || filter[end] == '_')) end++;
        return filter[..end];
    }

    /// <summary>The variable an expression starts with (`post` for `post.body`, `items[0]`); null for a call or a literal.</summary>
    static string? Root(ReadOnlySpan<char> expression)
    {
        expression = expression.Trim();
        int end = 0;
        while (end < expression.Length && (char.IsAsciiLetterOrDigit(expression[end]) || expression[end] == '_')) end++;
        if (end == 0 || char.IsAsciiDigit(expression[0])) return null;
        if (end < expression.Length && expression[end] == '(') return null;
        var name = expression[..end].ToString();
        return name is "True" or "False" or "None" or "true" or "false" or "none" ? null : name;
    }
}
