using Bulwark.Python.Syntax;

namespace Bulwark.Semantics;

/// <summary>What kind of step gives a place its value at a definition.</summary>
public enum DefinitionKind
{
    /// <summary>`x = value` (also annotated), or one element of an unpacking `a, b = value`.</summary>
    Assignment,
    /// <summary>`x += value`: derived from the <see cref="Definition.Prior"/> definitions.</summary>
    AugmentedAssignment,
    Parameter,
    /// <summary>The target of a `for` loop (an item of <see cref="Definition.Value"/>, the iterable).</summary>
    Loop,
    /// <summary>`with value as x`.</summary>
    With,
    /// <summary>`except E as x`.</summary>
    Except,
    Import,
    Function,
    Class,
    /// <summary>`(x := value)`.</summary>
    Walrus,
    /// <summary>A capture of a `match` pattern (<see cref="Definition.Value"/> is the subject).</summary>
    Match,
    /// <summary>The target of a comprehension's `for` clause.</summary>
    Comprehension,
    /// <summary>`del x`: unbound afterwards.</summary>
    Delete,
    /// <summary>
    /// On a branch: the value of the <see cref="Definition.Prior"/> definitions, known to satisfy
    /// <see cref="Definition.Condition"/> (or not, when <see cref="Definition.Polarity"/> is false).
    /// </summary>
    Narrowing,
    /// <summary>
    /// The object of the <see cref="Definition.Prior"/> definitions, changed in place: `x.append(v)`, `x[k] = v`
    /// with a key not known at analysis time (<see cref="Definition.Value"/> is what was added).
    /// </summary>
    Mutation,
    /// <summary>Anything else that binds (a `type` alias, a star import).</summary>
    Other,
}

/// <summary>
/// One point where a place gets a value: a name (`x`), or an access path one step below a name (`x.attr`,
/// `x["key"]`, `x[0]`). Reaching-definition analysis gives each use the set of definitions that can reach it.
/// Immutable once the semantic model is built.
/// </summary>
public sealed class Definition
{
    internal Definition(int id, string name, string? member, DefinitionKind kind, Scope scope, Node node)
    {
        Id = id; Name = name; Member = member; Kind = kind; Scope = scope; Node = node;
    }

    /// <summary>Unique within the module; also the order in which definitions were found.</summary>
    public int Id { get; }
    /// <summary>The name defined, or the root name of the access path.</summary>
    public string Name { get; }
    /// <summary>For an access path: `.attr` or `[key]` (key as Python's repr: `['a']`, `[0]`); null for the name itself.</summary>
    public string? Member { get; }
    public DefinitionKind Kind { get; }
    /// <summary>The scope whose place is defined (the module for a `global` name).</summary>
    public Scope Scope { get; }
    /// <summary>The step that defines: the statement, the Arg of a parameter, the NamedExpr, the comprehension, or the condition's owner for a narrowing.</summary>
    public Node Node { get; }
    /// <summary>The target expression (a Name, Attribute or Subscript), when there is one.</summary>
    public Expr? Target { get; internal set; }
    /// <summary>The assigned expression; the iterable of a loop; the context expression of a `with`; the subject of a `match`; what a mutation adds.</summary>
    public Expr? Value { get; internal set; }
    /// <summary>For unpacking: element indexes from the outermost tuple inward (`a, (b, c) = v` gives c the path [1, 1]); null when the whole value is bound.</summary>
    public IReadOnlyList<int>? Unpack { get; internal set; }
    /// <summary>The target is starred in an unpacking (`first, *rest = v`): it gets a list of the remaining items.</summary>
    public bool Starred { get; internal set; }
    /// <summary>For augmented assignments, narrowings and mutations: the definitions reaching just before.</summary>
    public IReadOnlyList<Definition> Prior { get; internal set; } = [];
    /// <summary>For a narrowing: the test (an expression, or a MatchCase whose pattern matched or not).</summary>
    public Node? Condition { get; internal set; }
    /// <summary>For a narrowing: whether the condition held (true edge) or not.</summary>
    public bool Polarity { get; internal set; }
    /// <summary>For a parameter: its position among all parameters (positional-only, positional, *args, keyword-only, **kwargs).</summary>
    public int ParameterIndex { get; internal set; } = -1;

    internal Definition? NextAtStep;
    Definition[]? _single;
    /// <summary>A one-element array of this definition, shared by every use it alone reaches.</summary>
    internal Definition[] Single => _single ??= [this];

    // Position in the reaching-definitions bit sets of the body that owns it, and its place there.
    internal int Bit = -1;
    internal int PlaceIndex = -1;

    /// <summary>`x`, `x.attr` or `x['k']`.</summary>
    public string Place => Member is null ? Name : Name + Member;

    public override string ToString() => $"{Place}#{Id} ({Kind})";
}
