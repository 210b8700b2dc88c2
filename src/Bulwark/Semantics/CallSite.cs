using Bulwark.Python.Syntax;

namespace Bulwark.Semantics;

/// <summary>A call seen through the semantic model, so that rules read as one-liners: `call.Resolves("yaml.load")`.</summary>
public readonly struct CallSite(Call node, SemanticModel model)
{
    public Call Node { get; } = node;
    public SemanticModel Model { get; } = model;

    /// <summary>What the callee resolves to through imports (`subprocess.Popen`); null for locals, methods of objects…</summary>
    public string? QualifiedName => Model.QualifiedName(Node.Func);
    /// <summary>Resolved when possible, else the dotted name as written (Bandit's view of a callee).</summary>
    public string? LooseName => Model.LooseQualifiedName(Node.Func);
    /// <summary>The callee's last name segment: `get` for `session.get(...)`.</summary>
    public string? Name => SemanticModel.SimpleName(Node.Func);

    public bool Resolves(string qualifiedName) => QualifiedName == qualifiedName;

    public bool ResolvesAny(IReadOnlyList<string> qualifiedNames) =>
        QualifiedName is { } q && qualifiedNames.Contains(q);

    public int PositionalCount => Node.Args.Count;

    public Keyword? Keyword(string name)
    {
        // Indexed rather than foreach: an interface's enumerator is an allocation, and call rules ask on every call.
        var keywords = Node.Keywords;
        for (int i = 0; i < keywords.Count; i++) if (keywords[i].Name == name) return keywords[i];
        return null;
    }

    public bool HasKeyword(string name) => Keyword(name) is not null;

    /// <summary>`**kwargs` in the call: any keyword may be passed without being visible.</summary>
    public bool HasKeywordUnpacking
    {
        get
        {
            var keywords = Node.Keywords;
            for (int i = 0; i < keywords.Count; i++) if (keywords[i].Name is null) return true;
            return false;
        }
    }

    /// <summary>An argument by keyword, else by position (−1: keyword only); a starred positional hides the rest.</summary>
    public Expr? Arg(string keyword, int position = -1)
    {
        if (Keyword(keyword) is { } k) return k.Value;
        return Positional(position);
    }

    public Expr? Positional(int position)
    {
        if (position < 0) return null;
        for (int i = 0; i < Node.Args.Count && i <= position; i++)
            if (Node.Args[i] is Starred) return null;
        return position < Node.Args.Count ? Node.Args[position] : null;
    }

    public ConstValue? Value(string keyword, int position = -1) => Model.Evaluate(Arg(keyword, position));

    /// <summary>The node to report for an argument: its value when present, else the call.</summary>
    public Node At(string keyword) => Keyword(keyword)?.Value ?? (Node)Node;

    /// <summary>
    /// Whether `shell=` turns a shell on, as Bandit reads it: known values by Python truthiness; anything not
    /// known at analysis time counts as on. No `shell=` argument is off.
    /// </summary>
    public bool ShellIsOn
    {
        get
        {
            var k = Keyword("shell");
            if (k is null) return false;
            return Model.Truthiness(k.Value) ?? true;
        }
    }
}
