using Bulwark.Python.Syntax;

namespace Bulwark.Semantics;

/// <summary>
/// Containers filled in straight-line code and read back at a constant position: the reaching definitions of the
/// container's name form a chain of mutations (`append`, `pop`, `set`…, each a definition of the name) back to the
/// assignment that made it, and replaying that chain gives the expression the read returns. Used by the taint
/// lowering (what flows out) and by the constant check of the pattern rules (whether it is fixed by the program).
/// Anything the replay does not model — a loop or a branch (two definitions reach), another method, an index or key
/// computed at run time — answers null, and the container is then read as one value.
/// </summary>
public sealed partial class SemanticModel
{
    const int MaxReplayedCalls = 64;

    /// <summary>
    /// `items[1]` of a local list that starts as a display and is changed only by `append`, `insert` and `pop` at
    /// constant positions (`items = []; items.append("safe"); items.append(value); items.pop(0)`): the element at
    /// that index after the calls.
    /// </summary>
    public Expr? ReplayedElement(Subscript read)
    {
        if (read.Value is not Name n || read.Slice is Slice || SmallInt(read.Slice) is not { } wanted) return null;
        var calls = new List<Call>();
        var defs = ReachingDefinitions(n);
        while (defs.Count == 1 && defs[0].Kind == DefinitionKind.Mutation && defs[0].Value is Call c && calls.Count < MaxReplayedCalls)
        {
            calls.Add(c);
            defs = defs[0].Prior;
        }
        if (defs.Count != 1 || defs[0] is not { Kind: DefinitionKind.Assignment, Unpack: null, Starred: false, Value: ListExpr display } made
            || !InBodyOf(made, n) || !OnlyUsedAs(n.Id, made.Scope, use => ReadOrCalled(use, ListMethods))) return null;
        var items = new List<Expr>();
        foreach (var e in display.Elts) { if (e is Starred) return null; items.Add(e); }
        for (int i = calls.Count - 1; i >= 0; i--)
        {
            var c = calls[i];
            if (c.Keywords.Count > 0 || c.Args.Any(a => a is Starred)) return null;
            switch (((AttributeExpr)c.Func).Attr)
            {
                case "append" when c.Args.Count == 1:
                    items.Add(c.Args[0]);
                    break;
                case "insert" when c.Args.Count == 2 && SmallInt(c.Args[0]) is { } at:
                    items.Insert(Math.Clamp(at < 0 ? items.Count + at : at, 0, items.Count), c.Args[1]);
                    break;
                case "pop" when c.Args.Count == 0 && items.Count > 0:
                    items.RemoveAt(items.Count - 1);
                    break;
                case "pop" when c.Args.Count == 1 && SmallInt(c.Args[0]) is { } at:
                    var from = at < 0 ? items.Count + at : at;
                    if (from < 0 || from >= items.Count) return null;
                    items.RemoveAt(from);
                    break;
                default:
                    return null;
            }
        }
        var index = wanted < 0 ? items.Count + wanted : wanted;
        return index >= 0 && index < items.Count ? items[index] : null;
    }

    static readonly HashSet<string> ConfigParsers = new(StringComparer.Ordinal)
    {
        "configparser.ConfigParser", "configparser.RawConfigParser", "configparser.SafeConfigParser",
    };

    /// <summary>
    /// `conf.get("section", "option")` on a local `configparser.ConfigParser()` filled by `conf.set(...)` at constant
    /// sections and options: the value the last `set` of that option stored. An option never set there answers null
    /// (what a file gave, read as the parser itself).
    /// </summary>
    public Expr? ReplayedOption(Call read)
    {
        if (read.Func is not AttributeExpr { Attr: "get", Value: Name n } || read.Args.Count != 2 || read.Keywords.Count > 0) return null;
        if (Evaluate(read.Args[0])?.AsString is not { } section || Evaluate(read.Args[1])?.AsString is not { } option) return null;
        var defs = ReachingDefinitions(n);
        for (int steps = 0; steps < MaxReplayedCalls && defs.Count == 1; steps++)
        {
            var d = defs[0];
            if (d.Kind != DefinitionKind.Mutation || d.Value is not Call { Func: AttributeExpr { Attr: var method } } m) return null;
            switch (method)
            {
                case "set" when m.Args.Count == 3 && m.Keywords.Count == 0:
                    if (Evaluate(m.Args[0])?.AsString is not { } s || Evaluate(m.Args[1])?.AsString is not { } k) return null;
                    // Option names are case-insensitive (the default `optionxform` lowers them).
                    if (s == section && string.Equals(k, option, StringComparison.OrdinalIgnoreCase))
                        return MadeBy(d, n) && OnlyUsedAs(n.Id, d.Scope, use => ReadOrCalled(use, ParserMethods, subscripts: false)) ? m.Args[2] : null;
                    break;
                case "add_section":
                    break;
                default:
                    return null;
            }
            defs = d.Prior;
        }
        return null;
    }

    /// <summary>Whether the chain of mutations from <paramref name="from"/> back starts at a `ConfigParser()` made in the reader's body.</summary>
    bool MadeBy(Definition from, Name reader)
    {
        var d = from;
        for (int steps = 0; steps < MaxReplayedCalls; steps++)
        {
            if (d.Kind == DefinitionKind.Assignment)
                return d.Unpack is null && d.Value is Call ctor && QualifiedName(ctor.Func) is { } q && ConfigParsers.Contains(q) && InBodyOf(d, reader);
            if (d.Kind != DefinitionKind.Mutation || d.Prior.Count != 1) return false;
            d = d.Prior[0];
        }
        return false;
    }

    static readonly HashSet<string> ListMethods = new(StringComparer.Ordinal) { "append", "insert", "pop" };
    static readonly HashSet<string> ParserMethods = new(StringComparer.Ordinal) { "set", "add_section", "get", "has_section", "has_option" };

    /// <summary>
    /// A use the replay accounts for: read at an index (`items[1]`) or the receiver of one of the replayed methods.
    /// Anything else (`items.reverse()`, `items[0] = v`, `fill(items)`, `alias = items`, `conf.read_string(text)`)
    /// may change the container where the replay does not look.
    /// </summary>
    static bool ReadOrCalled(Name use, HashSet<string> methods, bool subscripts = true) => use.Parent switch
    {
        Subscript s => subscripts && ReferenceEquals(s.Value, use) && s.Ctx == ExprContext.Load,
        AttributeExpr { Attr: var method } a => ReferenceEquals(a.Value, use) && methods.Contains(method)
            && a.Parent is Call c && ReferenceEquals(c.Func, a),
        _ => false,
    };

    /// <summary>A definition the flow analysis of the reader's own body made (not a module or closure variable).</summary>
    bool InBodyOf(Definition d, Name reader) => d.Bit >= 0 && ReferenceEquals(d.Scope, ScopeOf(reader));

    /// <summary>An integer constant of a size an index can have.</summary>
    int? SmallInt(Expr e) => Evaluate(e)?.AsInt is { } v && v >= -1_000_000 && v <= 1_000_000 ? (int)v : null;
}
