using Bulwark.Python.Syntax;

namespace Bulwark.Semantics;

public enum ScopeKind { Module, Class, Function, Lambda, Comprehension }

/// <summary>How a name got its value; rules (and the planned taint engine) decide by this what the name can refer to.</summary>
public enum BindingKind
{
    /// <summary>`import a.b` (binds `a`) or `import a.b as c`.</summary>
    Import,
    /// <summary>`from a import b [as c]`.</summary>
    FromImport,
    /// <summary>`x = importlib.import_module("m")` or `x = __import__("m")`.</summary>
    DynamicImport,
    Assignment,
    /// <summary>`x += …`: the name keeps a value derived from its previous one.</summary>
    AugmentedAssignment,
    Parameter,
    FunctionDef,
    ClassDef,
    /// <summary>Loop, `with … as`, `except … as`, walrus in a comprehension, match capture, `del`, star import.</summary>
    Other,
}

/// <summary>One place where a name is bound in a scope.</summary>
public sealed class Binding(string name, BindingKind kind, Scope scope, Node node, int position)
{
    public string Name { get; } = name;
    public BindingKind Kind { get; } = kind;
    public Scope Scope { get; } = scope;
    /// <summary>The binding statement or node (Import, Assign, Arg, FunctionDef…).</summary>
    public Node Node { get; } = node;
    /// <summary>Offset from which the binding holds (the end of an assignment statement, the start of a def).</summary>
    public int Position { get; } = position;
    /// <summary>For imports: the qualified name the binding stands for (`os.path` for `import os.path as p`).</summary>
    public string? ImportedName { get; init; }
    /// <summary>For single-target assignments and defaults: the assigned expression.</summary>
    public Expr? Value { get; init; }
    public bool IsImport => Kind is BindingKind.Import or BindingKind.FromImport or BindingKind.DynamicImport;
}

/// <summary>A Python scope: its bindings by name, and the names it declares global or nonlocal.</summary>
public sealed class Scope(ScopeKind kind, Node node, Scope? parent)
{
    readonly Dictionary<string, List<Binding>> _bindings = new(StringComparer.Ordinal);
    HashSet<string>? _globals, _nonlocals;

    public ScopeKind Kind { get; } = kind;
    /// <summary>The Module, ClassDef, FunctionDef, Lambda or comprehension expression that opens the scope.</summary>
    public Node Node { get; } = node;
    public Scope? Parent { get; } = parent;
    /// <summary>Its position in <see cref="SemanticModel.Scopes"/> (-1 before the binder opens it).</summary>
    internal int Index { get; set; } = -1;

    public IReadOnlyDictionary<string, List<Binding>> Bindings => _bindings;

    /// <summary>Bindings of a name in this scope, in source order; empty when the scope does not bind it.</summary>
    public IReadOnlyList<Binding> BindingsOf(string name) => _bindings.TryGetValue(name, out var l) ? l : [];

    public bool IsGlobal(string name) => _globals?.Contains(name) == true;
    public bool IsNonlocal(string name) => _nonlocals?.Contains(name) == true;

    internal void DeclareGlobal(string name) => (_globals ??= new(StringComparer.Ordinal)).Add(name);
    internal void DeclareNonlocal(string name) => (_nonlocals ??= new(StringComparer.Ordinal)).Add(name);

    internal void Add(Binding b)
    {
        // Most names are bound once in a scope: a list for one, grown only for the names bound again.
        if (!_bindings.TryGetValue(b.Name, out var list)) _bindings[b.Name] = list = new List<Binding>(1);
        list.Add(b);
    }

    public Scope ModuleScope
    {
        get { var s = this; while (s.Parent is not null) s = s.Parent; return s; }
    }

    /// <summary>
    /// The scope where a use of <paramref name="name"/> in this scope is resolved, following Python's rules:
    /// local if bound here, `global`/`nonlocal` declarations, class bodies invisible to nested functions;
    /// null for a builtin or undefined name.
    /// </summary>
    public Scope? ResolvingScope(string name)
    {
        if (IsGlobal(name)) return ModuleScope.BindingsOf(name).Count > 0 ? ModuleScope : null;
        var s = this;
        bool first = true;
        while (s is not null)
        {
            if ((first || s.Kind != ScopeKind.Class) && s._bindings.ContainsKey(name) && !(s != this && s.IsGlobal(name)))
                return s;
            first = false;
            s = s.Parent;
        }
        return null;
    }
}
