namespace Bulwark.Taint;

/// <summary>Which argument of a call a model means: by position, by keyword, either, the receiver, or every argument.</summary>
public readonly record struct ArgSpec(int Position, string? Keyword, bool Receiver, bool All, int Element = -1, string? Key = null)
{
    public static readonly ArgSpec None = new(-1, null, false, false);

    /// <summary>`0`, `sql`, `0|sql`, `receiver`, `*` (every argument); `0[1]`, an element; `2|headers[Content-Type]`, a dict's entry.</summary>
    public static ArgSpec? Parse(string text, bool allowKey = false)
    {
        text = text.Trim();
        if (text == "receiver") return new ArgSpec(-1, null, true, false);
        if (text == "*") return new ArgSpec(-1, null, false, true);
        // `0[1]`: element 1 of the first argument (a list or tuple); `headers[Content-Type]`: the value under that key of
        // a dict argument (conditions only).
        int element = -1;
        string? key = null;
        var bracket = text.IndexOf('[');
        if (bracket > 0 && text.EndsWith(']'))
        {
            var inside = text[(bracket + 1)..^1];
            if (int.TryParse(inside, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var e)) element = e;
            else if (allowKey && inside.Length > 0 && inside.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) key = inside;
            else return null;
            text = text[..bracket];
        }
        int position = -1;
        string? keyword = null;
        foreach (var part in text.Split('|', StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p)) position = p;
            else if (part.Length > 0 && part.All(c => char.IsLetterOrDigit(c) || c == '_')) keyword = part;
            else return null;
        }
        return position < 0 && keyword is null ? null : new ArgSpec(position, keyword, false, false, element, key);
    }

    public override string ToString()
    {
        var arg = Receiver ? "receiver" : All ? "*" : Position >= 0 && Keyword is not null ? $"{Position}|{Keyword}" : Position >= 0 ? Position.ToString(System.Globalization.CultureInfo.InvariantCulture) : Keyword ?? "?";
        return Element >= 0 ? $"{arg}[{Element}]" : Key is not null ? $"{arg}[{Key}]" : arg;
    }
}

public enum ClauseOp
{
    /// <summary>`shell`: the argument is present and truthy, or not known at analysis time.</summary>
    Truthy,
    /// <summary>`content_type~html`: the argument is a known string containing the text.</summary>
    Contains,
    /// <summary>`content_type?~html`: absent, not known, or a string containing the text.</summary>
    MayContain,
    /// <summary>`1!~html`: a known string containing none of the texts (`set_header("Content-Type", "application/json")`).</summary>
    ContainsNone,
    /// <summary>`Loader!=yaml.SafeLoader|yaml.CSafeLoader`: absent, or neither of the names/values.</summary>
    NotIn,
    /// <summary>`filter=data`: present and one of the names/values.</summary>
    In,
}

/// <summary>A condition on a call's arguments: all clauses of a model's `when` must hold.</summary>
public sealed record Clause(ArgSpec Arg, ClauseOp Op, string[] Values)
{
    public static Clause? Parse(string text)
    {
        text = text.Trim();
        (string Token, ClauseOp Op)[] ops = [("?~", ClauseOp.MayContain), ("!~", ClauseOp.ContainsNone), ("!=", ClauseOp.NotIn), ("~", ClauseOp.Contains), ("=", ClauseOp.In)];
        foreach (var (token, op) in ops)
        {
            var i = text.IndexOf(token, StringComparison.Ordinal);
            if (i <= 0) continue;
            var arg = ArgSpec.Parse(text[..i], allowKey: true);
            if (arg is null) return null;
            var values = text[(i + token.Length)..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(Unescape).ToArray();
            return values.Length == 0 ? null : new Clause(arg.Value, op, values);
        }
        return ArgSpec.Parse(text, allowKey: true) is { } a ? new Clause(a, ClauseOp.Truthy, []) : null;
    }

    /// <summary>`\n`, `\r`, `\t` and `\\` in a condition's values stand for the characters (line breaks cannot be written plainly).</summary>
    static string Unescape(string v)
    {
        if (!v.Contains('\\')) return v;
        var sb = new System.Text.StringBuilder(v.Length);
        for (int i = 0; i < v.Length; i++)
        {
            if (v[i] != '\\' || i + 1 >= v.Length) { sb.Append(v[i]); continue; }
            char n = v[++i];
            sb.Append(n switch { 'n' => '\n', 'r' => '\r', 't' => '\t', _ => n });
        }
        return sb.ToString();
    }

    public static Clause[]? ParseList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var list = new List<Clause>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Parse(part) is not { } c) return null;
            list.Add(c);
        }
        return list.ToArray();
    }
}

/// <summary>A call that needs a value to carry a marker (a parser configured to resolve external entities).</summary>
public sealed record MarkerRequirement(ArgSpec Arg, string Marker);

/// <param name="SafeKeys">Items of the source that hold no text of the client's (`request.META["REMOTE_ADDR"]`, the peer's address the server writes).</param>
public sealed record SourceModel(uint Kind, string Description, string[]? SafeKeys = null);

/// <summary>A place where tainted data does harm: the argument that matters and the condition under which it does.</summary>
/// <param name="Unless">A marker that makes the call no sink (`self.set_header("Content-Type", "application/json")` before `self.write`).</param>
/// <param name="TextOnly">Only text is a page: a dict, list, number or response passed there is not (Tornado writes a dict as JSON).</param>
public sealed record SinkModel(uint Kind, ArgSpec Arg, int Element, Clause[] When, MarkerRequirement? Requires, bool NameOnly, string Callee,
    MarkerRequirement? Unless = null, bool TextOnly = false)
{
    /// <summary>
    /// For a template render (`render(request, "page.html", context)`): the argument naming the template. The sink is
    /// then only the context variables that template prints unescaped (<see cref="TemplateIndex"/>): items of the
    /// context argument, or — when <see cref="Arg"/> is `*` — the keyword arguments (`render_template(name, **context)`).
    /// </summary>
    public ArgSpec? Template { get; init; }
}

/// <summary>The result of the call is safe for the kinds cleared (or, for path normalisers, only normalised).</summary>
public sealed record SanitizerModel(uint Clears, bool Normalizes)
{
    /// <summary>Conditions on the call (`replace` clears log injection only when it replaces a line break).</summary>
    public Clause[] When { get; init; } = [];
}

/// <summary>A check: when it returns true (or false, for <see cref="WhenTrue"/> false), the argument is safe for the kinds cleared.</summary>
public sealed record ValidatorModel(ArgSpec Arg, uint Clears, bool WhenTrue);

/// <summary>Which inputs of a call its result carries (by default all of them, receiver included).</summary>
/// <summary>Which inputs reach a call's result; <paramref name="Decodes"/>: the result is the text an encoder hid, so what the encoding cleared is dangerous again.</summary>
/// <param name="FromSpecs">Arguments named by position and keyword (`0|url`), for calls that take them either way.</param>
/// <param name="Reaching">When not 0: only what still reaches a sink of these kinds passes through (the body a client request
/// fetches is the attacker's only when the attacker chose where it comes from: a URL of a fixed origin passes nothing).</param>
public sealed record PropagatorModel(bool FromReceiver, int[] FromArgs, bool AllArgs, bool Decodes = false)
{
    public ArgSpec[] FromSpecs { get; init; } = [];
    public uint Reaching { get; init; }
}

/// <summary>
/// A call on a file named by <paramref name="Path"/>: with <paramref name="Writes"/>, it writes that argument's data to the
/// file (`upload.save(path)`, `out.write(data)` on a file opened from a path); without, it opens or reads the file, and
/// its result holds what the same function wrote to the same file before. The path is the argument's value (the same
/// variable, or the same constant text), or — for a file object — the path it was opened from.
/// </summary>
public sealed record FileModel(ArgSpec Path, ArgSpec? Writes);

/// <summary>A call that marks its result or receiver (a parser that resolves external entities).</summary>
public sealed record MarkerModel(string Marker, bool OnReceiver, Clause[] When);

/// <summary>How a framework makes a function an entry point: a decorator, a registration call, or a base class.</summary>
/// <param name="Routes">For a registration that takes a table of routes: the argument holding the list of
/// `(pattern, handler, …)` tuples (Tornado's `Application(handlers)`); null for one route and one view.</param>
public sealed record EntryPointModel(string Framework, ArgSpec Route, ArgSpec View, ArgSpec? Routes = null);

/// <summary>An immutable snapshot of the loaded models, indexed by qualified name.</summary>
public sealed class ModelTables
{
    public Dictionary<string, string> Types { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Returns { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string[]> Bases { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SourceModel> SourceAttributes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SourceModel> SourceCalls { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SourceModel> SourceGlobals { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<SinkModel>> SinkCalls { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<SinkModel>> SinkMethods { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<SinkModel>> SinkStores { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SanitizerModel> SanitizerCalls { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SanitizerModel> SanitizerMethods { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<ValidatorModel>> ValidatorCalls { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<ValidatorModel>> ValidatorMethods { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, PropagatorModel> PropagatorCalls { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, PropagatorModel> PropagatorMethods { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<MarkerModel>> MarkerCalls { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, FileModel> FileCalls { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, FileModel> FileMethods { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, EntryPointModel> EntryDecorators { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, EntryPointModel> EntryRegistrations { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, EntryPointModel> EntryBases { get; } = new(StringComparer.Ordinal);

    /// <summary>Every library type the models name (as a global's type, a return, an attribute, or with bases).</summary>
    public HashSet<string> KnownTypes { get; } = new(StringComparer.Ordinal);

    internal void Seal()
    {
        KnownTypes.Clear();
        foreach (var t in Types.Values) KnownTypes.Add(t);
        foreach (var t in Returns.Values) KnownTypes.Add(t);
        foreach (var t in Attributes.Values) KnownTypes.Add(t);
        foreach (var t in Bases.Keys) KnownTypes.Add(t);
        // `T.attr` names type T; so does `T[]`, the type of T's items.
        foreach (var k in Attributes.Keys) KnownTypes.Add(k.EndsWith("[]", StringComparison.Ordinal) ? k[..^2] : k[..Math.Max(0, k.LastIndexOf('.'))]);
    }

    /// <summary>Adds another file's rows after these, as if it had been read after them: lists grow, single entries are replaced.</summary>
    internal void MergeFrom(ModelTables o)
    {
        var t = this;
        foreach (var kv in o.Types) t.Types[kv.Key] = kv.Value;
        foreach (var kv in o.Returns) t.Returns[kv.Key] = kv.Value;
        foreach (var kv in o.Attributes) t.Attributes[kv.Key] = kv.Value;
        foreach (var kv in o.Bases) t.Bases[kv.Key] = kv.Value;
        foreach (var kv in o.SourceAttributes) t.SourceAttributes[kv.Key] = kv.Value;
        foreach (var kv in o.SourceCalls) t.SourceCalls[kv.Key] = kv.Value;
        foreach (var kv in o.SourceGlobals) t.SourceGlobals[kv.Key] = kv.Value;
        foreach (var kv in o.SinkCalls) t.SinkCalls[kv.Key] = t.SinkCalls.TryGetValue(kv.Key, out var sinkCalls) ? [.. sinkCalls, .. kv.Value] : [.. kv.Value];
        foreach (var kv in o.SinkMethods) t.SinkMethods[kv.Key] = t.SinkMethods.TryGetValue(kv.Key, out var sinkMethods) ? [.. sinkMethods, .. kv.Value] : [.. kv.Value];
        foreach (var kv in o.SinkStores) t.SinkStores[kv.Key] = t.SinkStores.TryGetValue(kv.Key, out var sinkStores) ? [.. sinkStores, .. kv.Value] : [.. kv.Value];
        foreach (var kv in o.SanitizerCalls) t.SanitizerCalls[kv.Key] = kv.Value;
        foreach (var kv in o.SanitizerMethods) t.SanitizerMethods[kv.Key] = kv.Value;
        foreach (var kv in o.ValidatorCalls) t.ValidatorCalls[kv.Key] = t.ValidatorCalls.TryGetValue(kv.Key, out var validatorCalls) ? [.. validatorCalls, .. kv.Value] : [.. kv.Value];
        foreach (var kv in o.ValidatorMethods) t.ValidatorMethods[kv.Key] = t.ValidatorMethods.TryGetValue(kv.Key, out var validatorMethods) ? [.. validatorMethods, .. kv.Value] : [.. kv.Value];
        foreach (var kv in o.PropagatorCalls) t.PropagatorCalls[kv.Key] = kv.Value;
        foreach (var kv in o.PropagatorMethods) t.PropagatorMethods[kv.Key] = kv.Value;
        foreach (var kv in o.MarkerCalls) t.MarkerCalls[kv.Key] = t.MarkerCalls.TryGetValue(kv.Key, out var markerCalls) ? [.. markerCalls, .. kv.Value] : [.. kv.Value];
        foreach (var kv in o.FileCalls) t.FileCalls[kv.Key] = kv.Value;
        foreach (var kv in o.FileMethods) t.FileMethods[kv.Key] = kv.Value;
        foreach (var kv in o.EntryDecorators) t.EntryDecorators[kv.Key] = kv.Value;
        foreach (var kv in o.EntryRegistrations) t.EntryRegistrations[kv.Key] = kv.Value;
        foreach (var kv in o.EntryBases) t.EntryBases[kv.Key] = kv.Value;
    }
}
