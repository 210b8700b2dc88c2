using System.Numerics;
using Bulwark.Python.Syntax;

namespace Bulwark.Semantics;

/// <summary>
/// What the names of one module refer to: scopes and bindings (imports, assignments, parameters, definitions),
/// qualified names through any alias, parents of nodes, and constant values of simple expressions.
/// Built once per file and read by its code rules.
/// </summary>
/// <remarks>
/// Threads: the model is built and queried on one worker thread, its owner, and never changes once built,
/// except for <see cref="QueryMemo"/>, which remembers answers the rules of one walk ask for again and again.
/// Only the owner thread reads or writes that memo; a query from any other thread computes its answer afresh,
/// so reading a model from several threads (a project-wide phase) is safe.
/// </remarks>
public sealed partial class SemanticModel
{
    const int MaxEvaluationDepth = 16;

    /// <summary>
    /// A list, tuple or dict larger than this, counted as a tree (<see cref="ConstValue.Size"/>), is not known: displays
    /// naming displays (`L1 = [L0, L0, …]`) are small objects whose walk grows as the width to the power of the depth.
    /// </summary>
    public const int MaxConstantSize = 4096;

    static ConstValue? Bounded(ConstValue value) => value.Size > MaxConstantSize ? null : value;

    readonly HashSet<string> _importedModules = new(StringComparer.Ordinal);
    readonly HashSet<string> _importedNames = new(StringComparer.Ordinal);
    // Names the binder recorded (each one's scope is in the name itself, Name.ScopeSlot): how many, and those inside
    // a function, class, lambda or comprehension, the only ones that can read a closure variable.
    int _nameCount;
    readonly List<Name> _nestedNames = [];
    readonly NodeMap<Node, Scope> _scopesByNode = new();
    readonly List<Scope> _scopes = [];
    readonly int _ownerThread = Environment.CurrentManagedThreadId;
    readonly QueryMemo _memo = new();

    /// <summary>Answers remembered for the owner thread; see the remarks on <see cref="SemanticModel"/>.</summary>
    sealed class QueryMemo
    {
        // Every call rule asks about the same callee in turn during the shared walk: the last answer of each kind.
        public Expr? QualifiedFor, LooseFor;
        public string? Qualified, Loose;
        // Asked for every call by some rules; the answer is fixed once the model is built.
        public readonly Dictionary<string, bool> ImportedLike = new(StringComparer.Ordinal);
    }

    /// <summary>The memo on the owner thread; null on any other, where queries are answered without it.</summary>
    QueryMemo? Memo => Environment.CurrentManagedThreadId == _ownerThread ? _memo : null;

    SemanticModel(Module module, string? moduleName, bool isPackage)
    {
        ModuleName = moduleName;
        IsPackage = isPackage;
        ModuleScope = new Scope(ScopeKind.Module, module, null);
    }


    /// <summary>Dotted module name of the file (`pkg.sub.mod`) when known; relative imports resolve against it.</summary>
    public string? ModuleName { get; }
    /// <summary>The file is a package's `__init__.py`.</summary>
    public bool IsPackage { get; }
    public Scope ModuleScope { get; }
    public IReadOnlyList<Scope> Scopes => _scopes;

    /// <summary>Top-level names of every module imported (`os` for `import os.path`), dynamic imports included.</summary>
    public IReadOnlySet<string> ImportedModules => _importedModules;

    /// <summary>Every imported name in full, as Bandit records them: `os.path` for `import os.path`, `m.n` for `from m import n`.</summary>
    public IReadOnlySet<string> ImportedNames => _importedNames;

    public static SemanticModel Build(Module module, string? moduleName = null, bool isPackage = false)
    {
        var model = new SemanticModel(module, moduleName, isPackage);
        new Binder(model).Run(module);
        model.BuildFlow(module);
        return model;
    }

    /// <summary>`pkg.sub.mod` for `pkg/sub/mod.py`, `pkg.sub` (a package) for `pkg/sub/__init__.py`; a leading `src/` is dropped.</summary>
    public static (string? Name, bool IsPackage) ModuleNameFor(string relativePath)
    {
        var p = relativePath.Replace('\\', '/');
        if (p.EndsWith(".pyi", StringComparison.Ordinal)) p = p[..^4];
        else if (p.EndsWith(".py", StringComparison.Ordinal)) p = p[..^3];
        else return (null, false);
        if (p.StartsWith("src/", StringComparison.Ordinal)) p = p[4..];
        var parts = p.Split('/', StringSplitOptions.RemoveEmptyEntries);
        bool package = parts.Length > 0 && parts[^1] == "__init__";
        if (package) parts = parts[..^1];
        foreach (var part in parts)
            if (part.Length == 0 || part.Contains('.') || part.Contains(' ') || part.Contains('-')) return (null, false);
        return parts.Length == 0 ? (null, false) : (string.Join('.', parts), package);
    }

    // ───────────── structure ─────────────

    /// <summary>The node's parent in the tree; null for the module.</summary>
    public Node? Parent(Node node) => node.Parent;

    /// <summary>The scope a scope-opening node (Module, ClassDef, FunctionDef, Lambda, comprehension) opens.</summary>
    public Scope? ScopeOpenedBy(Node node) => _scopesByNode.TryGetValue(node, out var s) ? s : null;

    /// <summary>How many names the binder recorded, for sizing tables of uses.</summary>
    internal int NameCount => _nameCount;

    /// <summary>The names the binder recorded in a scope other than the module's, with that scope.</summary>
    internal IEnumerable<(Name Name, Scope Scope)> NestedNames()
    {
        foreach (var n in _nestedNames) yield return (n, _scopes[n.ScopeSlot - 1]);
    }

    internal void RecordName(Name n, Scope scope)
    {
        n.ScopeSlot = scope.Index + 1;
        _nameCount++;
        if (scope.Kind != ScopeKind.Module) _nestedNames.Add(n);
    }

    /// <summary>The scope the binder recorded for a name of this model's tree; null for any other name.</summary>
    Scope? RecordedScope(Name n)
    {
        int slot = n.ScopeSlot - 1;
        if ((uint)slot >= (uint)_scopes.Count) return null;
        var s = _scopes[slot];
        // A name of another tree (a node made by hand, or parsed again) must not take this model's scope at that index.
        return s.Node.Start <= n.Start && n.End <= s.Node.End ? s : null;
    }

    /// <summary>The scope in which the node is evaluated.</summary>
    public Scope ScopeOf(Node node)
    {
        if (node is Name n && RecordedScope(n) is { } s) return s;
        Node? grandchild = null;
        for (var p = Parent(node); p is not null; grandchild = node, node = p, p = Parent(p))
        {
            if (ScopeOpenedBy(p) is not { } opened) continue;
            // Decorators, defaults, bases and a comprehension's first iterable belong to the enclosing scope.
            if (BelongsToBody(p, node, grandchild)) return opened;
        }
        return ModuleScope;
    }

    // A def's or class's statements are its body: its other children (decorators, arguments, annotations, bases,
    // keywords, type parameters) are expressions and the like. Testing the kind, rather than searching the body for
    // the child, keeps a question about a long body from reading every statement of it.
    static bool BelongsToBody(Node opener, Node child, Node? grandchild) => opener switch
    {
        FunctionDef => child is Stmt,
        ClassDef => child is Stmt,
        Lambda l => ReferenceEquals(l.Body, child),
        Module => true,
        _ => !(Generators(opener) is { Count: > 0 } g && ReferenceEquals(g[0], child) && ReferenceEquals(g[0].Iter, grandchild)),
    };

    internal static IReadOnlyList<Comprehension>? Generators(Node n) => n switch
    {
        ListComp c => c.Generators, SetComp c => c.Generators, GeneratorExp c => c.Generators, DictComp c => c.Generators,
        _ => null,
    };

    /// <summary>The innermost function (or lambda) the node is in; null at module or class level.</summary>
    public Node? EnclosingFunction(Node node)
    {
        for (var s = ScopeOf(node); s is not null; s = s.Parent)
            if (s.Kind is ScopeKind.Function or ScopeKind.Lambda) return s.Node;
        return null;
    }

    // ───────────── names ─────────────

    /// <summary>
    /// The binding a name refers to at this point: the latest binding before the use in the scope that resolves it
    /// (or the scope's last one, for uses before any binding: loops, functions defined before the import).
    /// Null for builtins and undefined names.
    /// </summary>
    public Binding? BindingOf(Name name)
    {
        var scope = RecordedScope(name) ?? ModuleScope;
        var resolving = scope.ResolvingScope(name.Id);
        if (resolving is null) return null;
        return LatestBefore(resolving.BindingsOf(name.Id), name.Start);
    }

    static Binding? LatestBefore(IReadOnlyList<Binding> bindings, int offset)
    {
        // By index: a foreach over the interface would allocate an enumerator on every name lookup.
        Binding? best = null;
        for (int i = 0; i < bindings.Count; i++) if (bindings[i].Position <= offset) best = bindings[i];
        return best ?? (bindings.Count > 0 ? bindings[^1] : null);
    }

    /// <summary>The name is not bound anywhere in the module: a builtin (or an undefined name).</summary>
    public bool IsBuiltin(Name name) => BindingOf(name) is null;

    /// <summary>
    /// `subprocess.Popen` for `sp.Popen` after `import subprocess as sp`, `os.path.join` for `join` after
    /// `from os.path import join`, `exec` for the builtin. Null when the expression is not a dotted name rooted
    /// in an import or a builtin: a local function, parameter or variable named like a module is not that module.
    /// </summary>
    public string? QualifiedName(Expr expr)
    {
        var memo = Memo;
        if (memo is null) return QualifiedName(expr, 0);
        if (ReferenceEquals(expr, memo.QualifiedFor)) return memo.Qualified;
        var name = QualifiedName(expr, 0);
        memo.QualifiedFor = expr;
        memo.Qualified = name;
        return name;
    }

    string? QualifiedName(Expr expr, int depth)
    {
        if (depth > MaxEvaluationDepth) return null;
        switch (expr)
        {
            case Name n:
                var b = BindingOf(n);
                if (b is null) return n.Id;
                if (b.IsImport) return b.ImportedName;
                // `run = subprocess.run`: an alias by assignment, when it is the name's only binding.
                if (b.Kind == BindingKind.Assignment && b.Value is Name or AttributeExpr && b.Scope.BindingsOf(n.Id).Count == 1)
                    return QualifiedName(b.Value, depth + 1);
                return null;
            case AttributeExpr a:
                var inner = QualifiedName(a.Value, depth + 1);
                return inner is null ? null : inner + "." + a.Attr;
            default:
                return null;
        }
    }

    public bool Resolves(Expr expr, string qualifiedName) => QualifiedName(expr) == qualifiedName;

    /// <summary>`a.b.c` as written, without resolving anything; null when not a dotted name.</summary>
    public static string? DottedName(Expr expr) => expr switch
    {
        Name n => n.Id,
        AttributeExpr a => DottedName(a.Value) is { } inner ? inner + "." + a.Attr : null,
        _ => null,
    };

    /// <summary>
    /// Bandit's notion of a call's qualified name: import aliases replaced, otherwise the dotted name as written
    /// (`app.run` for a local `app`). For rules that match on a name's shape rather than on what it is.
    /// </summary>
    public string? LooseQualifiedName(Expr expr)
    {
        var memo = Memo;
        if (memo is null) return QualifiedName(expr) ?? LooseFromParts(expr);
        if (ReferenceEquals(expr, memo.LooseFor)) return memo.Loose;
        var name = QualifiedName(expr) ?? LooseFromParts(expr);
        memo.LooseFor = expr;
        memo.Loose = name;
        return name;
    }

    /// <summary><see cref="WriteLooseQualifiedName"/>'s answer when the name does not fit the buffer.</summary>
    public const int LooseNameTooLong = -2;

    /// <summary>
    /// <see cref="LooseQualifiedName"/> written into <paramref name="buffer"/> without making a string: its length,
    /// -1 where that is null, or <see cref="LooseNameTooLong"/>.
    /// </summary>
    public int WriteLooseQualifiedName(Expr expr, Span<char> buffer)
    {
        if (QualifiedName(expr) is { } q) return q.TryCopyTo(buffer) ? q.Length : LooseNameTooLong;
        switch (expr)
        {
            case Name n:
                return n.Id.TryCopyTo(buffer) ? n.Id.Length : LooseNameTooLong;
            case AttributeExpr a:
                int inner = WriteLooseQualifiedName(a.Value, buffer);
                if (inner < 0) return inner;
                if (inner + 1 + a.Attr.Length > buffer.Length) return LooseNameTooLong;
                buffer[inner] = '.';
                a.Attr.CopyTo(buffer[(inner + 1)..]);
                return inner + 1 + a.Attr.Length;
            default:
                return -1;
        }
    }

    string? LooseFromParts(Expr expr) => expr switch
    {
        Name n => n.Id,
        AttributeExpr a => LooseQualifiedName(a.Value) is { } inner ? inner + "." + a.Attr : null,
        _ => null,
    };

    /// <summary>The last segment of a name or attribute (`get` for `requests.get`, `self.session.get`); Bandit's `call_function_name`.</summary>
    public static string? SimpleName(Expr expr) => expr switch
    {
        Name n => n.Id,
        AttributeExpr a => a.Attr,
        _ => null,
    };

    /// <summary>Imported in full or as a submodule/member: `IsImported("django.db")` holds after `from django.db.models import Q`.</summary>
    public bool IsImported(string module)
    {
        // Another thread may ask too (the model outlives its walk): each builds the same set, and it is published whole.
        var prefixes = Volatile.Read(ref _importedPrefixes);
        if (prefixes is null) Volatile.Write(ref _importedPrefixes, prefixes = DottedPrefixes(_importedNames));
        return prefixes.Contains(module);
    }

    /// <summary>
    /// Every imported name and each of its dotted prefixes (`a`, `a.b` for `a.b.c`), made on the first question: rules
    /// ask on every call or assignment, and going through all imported names each time was a visible share of a scan.
    /// </summary>
    HashSet<string>? _importedPrefixes;

    static HashSet<string> DottedPrefixes(HashSet<string> names)
    {
        var prefixes = new HashSet<string>(names, StringComparer.Ordinal);
        foreach (var n in names)
            for (int dot = n.IndexOf('.'); dot >= 0; dot = n.IndexOf('.', dot + 1))
                prefixes.Add(n[..dot]);
        return prefixes;
    }

    /// <summary>Bandit's `is_module_imported_like`: some imported name contains the text.</summary>
    public bool IsImportedLike(string fragment)
    {
        var memo = Memo;
        if (memo is not null && memo.ImportedLike.TryGetValue(fragment, out var known)) return known;
        bool found = false;
        foreach (var n in _importedNames) if (n.Contains(fragment, StringComparison.Ordinal)) { found = true; break; }
        if (memo is not null) memo.ImportedLike[fragment] = found;
        return found;
    }

    public CallSite Call(Call call) => new(call, this);

    // ───────────── constants ─────────────

    /// <summary>Syntactically a string literal (not an f-string, not a name).</summary>
    public static bool IsLiteralString(Expr? e) => e is Constant { ValueKind: ConstantKind.Str };

    /// <summary>
    /// The value of an expression built from literals, names bound once to such expressions (module constants,
    /// local single assignments), `+` on strings/lists, arithmetic and bitwise operators on integers,
    /// f-strings of constants and a few stdlib constants (`stat.S_IWOTH`). Null when unknown.
    /// </summary>
    public ConstValue? Evaluate(Expr? expr) => expr is null ? null : Evaluate(expr, 0);

    public string? StringValue(Expr? expr) => Evaluate(expr)?.AsString;
    public BigInteger? IntValue(Expr? expr) => Evaluate(expr) is { Kind: ValueKind.Int } v ? v.AsInt : null;

    /// <summary>`bool(expr)` when the value is known, else null.</summary>
    public bool? Truthiness(Expr? expr) => Evaluate(expr)?.Truthy;

    /// <summary>The name or attribute an expression ends with (`PROTOCOL_SSLv2` for `ssl.PROTOCOL_SSLv2`), through `from` imports.</summary>
    public string? SymbolName(Expr? expr) => expr switch
    {
        AttributeExpr a => a.Attr,
        Name n => BindingOf(n) is { IsImport: true, ImportedName: { } q } ? q[(q.LastIndexOf('.') + 1)..] : n.Id,
        _ => null,
    };

    ConstValue? Evaluate(Expr expr, int depth)
    {
        if (depth > MaxEvaluationDepth) return null;
        switch (expr)
        {
            case Constant c:
                return c.ValueKind switch
                {
                    ConstantKind.None => ConstValue.None,
                    ConstantKind.True => ConstValue.True,
                    ConstantKind.False => ConstValue.False,
                    ConstantKind.Int => ConstValue.Int(c.AsInt!.Value),
                    ConstantKind.Float => ConstValue.Float((double)c.Value!),
                    ConstantKind.Str => ConstValue.Str(c.AsString!),
                    ConstantKind.Bytes => ConstValue.Bytes(c.AsBytes!),
                    _ => null,
                };
            case Name n:
                return EvaluateName(n, depth);
            case AttributeExpr a:
                return QualifiedName(a) is { } q && KnownConstants.TryGetValue(q, out var known) ? ConstValue.Int(known) : null;
            case ListExpr l:
                return Bounded(ConstValue.List(EvaluateAll(l.Elts, depth)));
            case TupleExpr t:
                return Bounded(ConstValue.Tuple(EvaluateAll(t.Elts, depth)));
            case DictExpr d:
            {
                // Too large to walk: its count still says whether it is empty.
                var dict = ConstValue.Dict(d.Keys.Count, DictEntries(d, depth));
                return dict.Size > MaxConstantSize ? ConstValue.Dict(d.Keys.Count) : dict;
            }
            case UnaryOp u:
                var operand = Evaluate(u.Operand, depth + 1);
                if (operand is null) return null;
                return u.Op switch
                {
                    UnaryOperator.Not => ConstValue.Bool(!operand.Truthy),
                    UnaryOperator.USub when operand.Kind == ValueKind.Int => ConstValue.Int(-operand.AsInt!.Value),
                    UnaryOperator.UAdd when operand.Kind == ValueKind.Int => operand,
                    UnaryOperator.Invert when operand.Kind == ValueKind.Int => ConstValue.Int(-operand.AsInt!.Value - 1),
                    _ => null,
                };
            case BinOp b:
                return EvaluateBinOp(b, depth);
            case Compare c:
                return EvaluateCompare(c, depth);
            case BoolOp bo:
                // `a and b` is the first falsy operand (else the last); `a or b` the first truthy one.
                for (int i = 0; i < bo.Values.Count; i++)
                {
                    var v = Evaluate(bo.Values[i], depth + 1);
                    if (v is null) return null;
                    if (i == bo.Values.Count - 1 || (bo.Op == BoolOperator.And ? !v.Truthy : v.Truthy)) return v;
                }
                return null;
            case IfExp ie:
                return Evaluate(ie.Test, depth + 1) is { } test ? Evaluate(test.Truthy ? ie.Body : ie.Orelse, depth + 1) : null;
            case Subscript { Slice: Slice range } sub:
                return EvaluateSlice(sub, range, depth);
            case Subscript sub:
                return EvaluateIndex(sub, depth);
            case JoinedStr j:
                var sb = new System.Text.StringBuilder();
                foreach (var part in j.Values)
                {
                    if (part is Constant { ValueKind: ConstantKind.Str } s) { sb.Append(s.AsString); continue; }
                    if (part is FormattedValue { FormatSpec: null } fv && Evaluate(fv.Value, depth + 1)?.ToPythonString() is { } text && fv.Conversion < 0)
                    { sb.Append(text); continue; }
                    return null;
                }
                return ConstValue.Str(sb.ToString());
            default:
                return null;
        }
    }

    /// <summary>
    /// `"ABC"[1]`, `PAIR[-1]`: an item of a string or a tuple (immutable, so what the definition holds is what is read)
    /// at a constant index. A string with characters outside the Basic Multilingual Plane is left unknown (Python
    /// indexes code points).
    /// </summary>
    ConstValue? EvaluateIndex(Subscript sub, int depth)
    {
        if (Evaluate(sub.Slice, depth + 1)?.AsInt is not { } index) return null;
        var container = Evaluate(sub.Value, depth + 1);
        switch (container?.Kind)
        {
            case ValueKind.Str:
                var text = container.AsString!;
                if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0) return null;
                var i = index < 0 ? text.Length + index : index;
                return i >= 0 && i < text.Length ? ConstValue.Str(text[(int)i].ToString()) : null;
            case ValueKind.Tuple:
                var items = container.Items!;
                var j = index < 0 ? items.Count + index : index;
                return j >= 0 && j < items.Count ? items[(int)j] : null;
            default:
                return null;
        }
    }

    /// <summary>`"BenchmarkTest00025"[13:]`, `NAME[:-3]`: a slice of a string with constant bounds and no step.</summary>
    ConstValue? EvaluateSlice(Subscript sub, Slice range, int depth)
    {
        if (range.Step is not null) return null;
        if (Evaluate(sub.Value, depth + 1) is not { Kind: ValueKind.Str } container) return null;
        var text = container.AsString!;
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0) return null;
        int Bound(Expr? e, int missing)
        {
            if (e is null) return missing;
            if (Evaluate(e, depth + 1)?.AsInt is not { } b) return -1;
            var i = b < 0 ? text.Length + b : b;
            return i < 0 ? 0 : i > text.Length ? text.Length : (int)i;
        }
        if (range.Lower is not null && Evaluate(range.Lower, depth + 1)?.AsInt is null) return null;
        if (range.Upper is not null && Evaluate(range.Upper, depth + 1)?.AsInt is null) return null;
        int lower = Bound(range.Lower, 0), upper = Bound(range.Upper, text.Length);
        return ConstValue.Str(upper > lower ? text[lower..upper] : "");
    }

    /// <summary>A dict display's entries when every key is a constant string (no `**` unpacking) and there are few; else null.</summary>
    KeyValuePair<string, ConstValue?>[]? DictEntries(DictExpr d, int depth)
    {
        if (d.Keys.Count == 0 || d.Keys.Count > ConstValue.MaxDictEntries) return null;
        var entries = new KeyValuePair<string, ConstValue?>[d.Keys.Count];
        for (int i = 0; i < entries.Length; i++)
        {
            if (d.Keys[i] is not Constant { ValueKind: ConstantKind.Str } key) return null;
            entries[i] = new(key.AsString!, Evaluate(d.Values[i], depth + 1));
        }
        return entries;
    }

    ConstValue?[] EvaluateAll(IReadOnlyList<Expr> elts, int depth)
    {
        var items = new ConstValue?[elts.Count];
        for (int i = 0; i < items.Length; i++) items[i] = elts[i] is Starred ? null : Evaluate(elts[i], depth + 1);
        return items;
    }

    /// <summary>
    /// A name's value: the same constant on every definition reaching the use (after the model is built), else, during
    /// the build and for code no flow analysis covers, the value of the scope's only binding of the name.
    /// </summary>
    ConstValue? EvaluateName(Name n, int depth)
    {
        if (_building == 0 && Reaching(n) is { } defs)
            return defs.Length == 0 ? null : EvaluateDefinitions(defs, depth);
        var b = BindingOf(n);
        if (b is null)
            return n.Id switch { "True" => ConstValue.True, "False" => ConstValue.False, "None" => ConstValue.None, _ => null };
        if (b.Kind != BindingKind.Assignment || b.Value is null) return null;
        if (b.Scope.BindingsOf(n.Id).Count != 1) return null;
        // A use in the binding's own scope that precedes the assignment sees no value (or a loop's previous one).
        if (ReferenceEquals(ScopeOf(n), b.Scope) && b.Position > n.Start) return null;
        return Evaluate(b.Value, depth + 1);
    }

    /// <summary>The value every one of the definitions gives, when they agree; null when any is unknown or they differ.</summary>
    ConstValue? EvaluateDefinitions(IReadOnlyList<Definition> defs, int depth)
    {
        if (depth > MaxEvaluationDepth || defs.Count == 0) return null;
        ConstValue? result = null;
        foreach (var d in defs)
        {
            var v = EvaluateDefinition(d, depth + 1);
            if (v is null) return null;
            if (result is null) result = v;
            else if (!result.SameAs(v)) return null;
        }
        return result;
    }

    /// <summary>
    /// Values of assignments worked out, with the depth each was worked out at: a name read in many places is worked
    /// out once. Without it, displays naming displays (`D1 = {"a": D0, "b": D0, …}`, `L1 = [L0, L0, …]`) cost the
    /// width to the power of the depth: a 13-line file took 8 s, two more lines minutes.
    /// </summary>
    readonly Dictionary<Definition, (ConstValue? Value, int Depth)> _assignedValues = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// An assignment's value: one worked out at this depth or a shallower one (with at least as much of the depth
    /// budget left, so at least as complete) is reused; a deeper one is worked out again.
    /// </summary>
    ConstValue? EvaluateAssigned(Definition d, int depth)
    {
        if (_assignedValues.TryGetValue(d, out var known) && known.Depth <= depth) return known.Value;
        var value = Evaluate(d.Value!, depth + 1);
        _assignedValues[d] = (value, depth);
        return value;
    }

    /// <summary>The value a definition gives its place, when known at analysis time.</summary>
    public ConstValue? ValueOf(Definition d) => EvaluateDefinition(d, 0);

    ConstValue? EvaluateDefinition(Definition d, int depth)
    {
        if (depth > MaxEvaluationDepth) return null;
        switch (d.Kind)
        {
            case DefinitionKind.Assignment or DefinitionKind.Walrus when d.Value is not null && !d.Starred:
                if (d.Unpack is null) return EvaluateAssigned(d, depth);
                Expr? e = d.Value;
                foreach (var i in d.Unpack)
                {
                    var elts = e switch { TupleExpr t => t.Elts, ListExpr l => l.Elts, _ => null };
                    if (elts is null || i >= elts.Count || elts.Any(x => x is Starred)) return null;
                    e = elts[i];
                }
                return Evaluate(e, depth + 1);
            case DefinitionKind.Narrowing:
                return EvaluateDefinitions(d.Prior, depth + 1);
            case DefinitionKind.AugmentedAssignment when d.Node is AugAssign aug && d.Member is null:
                var left = EvaluateDefinitions(d.Prior, depth + 1);
                var right = left is null ? null : Evaluate(aug.Value, depth + 1);
                return left is null || right is null ? null : Combine(left, aug.Op, right);
            default:
                return null;
        }
    }

    ConstValue? EvaluateCompare(Compare c, int depth)
    {
        var left = Evaluate(c.Left, depth + 1);
        if (left is null) return null;
        for (int i = 0; i < c.Ops.Count; i++)
        {
            var right = Evaluate(c.Comparators[i], depth + 1);
            if (right is null) return null;
            bool? holds = c.Ops[i] switch
            {
                CmpOperator.Eq => left.SameAs(right),
                CmpOperator.NotEq => !left.SameAs(right),
                CmpOperator.Is when left.IsNone || right.IsNone || left.Kind == ValueKind.Bool && right.Kind == ValueKind.Bool => left.SameAs(right),
                CmpOperator.IsNot when left.IsNone || right.IsNone || left.Kind == ValueKind.Bool && right.Kind == ValueKind.Bool => !left.SameAs(right),
                CmpOperator.Lt or CmpOperator.LtE or CmpOperator.Gt or CmpOperator.GtE => Order(left, right) is { } o
                    ? c.Ops[i] switch { CmpOperator.Lt => o < 0, CmpOperator.LtE => o <= 0, CmpOperator.Gt => o > 0, _ => o >= 0 }
                    : null,
                CmpOperator.In => Contains(right, left),
                CmpOperator.NotIn => Contains(right, left) is { } inside ? !inside : null,
                _ => null,
            };
            if (holds is null) return null;
            if (!holds.Value) return ConstValue.False;
            left = right;
        }
        return ConstValue.True;
    }

    static int? Order(ConstValue a, ConstValue b)
    {
        if (a.AsInt is { } x && b.AsInt is { } y) return x.CompareTo(y);
        if (a.Kind == ValueKind.Str && b.Kind == ValueKind.Str) return string.CompareOrdinal(a.AsString, b.AsString);
        return null;
    }

    static bool? Contains(ConstValue container, ConstValue item)
    {
        if (container.Kind == ValueKind.Str && item.Kind == ValueKind.Str) return container.AsString!.Contains(item.AsString!, StringComparison.Ordinal);
        if (container.Items is { } items)
        {
            bool unknown = false;
            foreach (var i in items)
            {
                if (i is null) { unknown = true; continue; }
                if (i.SameAs(item)) return true;
            }
            return unknown ? null : false;
        }
        return null;
    }

    ConstValue? EvaluateBinOp(BinOp b, int depth)
    {
        var left = Evaluate(b.Left, depth + 1);
        if (left is null) return null;
        var right = Evaluate(b.Right, depth + 1);
        if (right is null) return null;
        return Combine(left, b.Op, right);
    }

    static ConstValue? Combine(ConstValue left, Operator op, ConstValue right)
    {
        if (op == Operator.Add)
        {
            if (left.Kind == ValueKind.Str && right.Kind == ValueKind.Str) return ConstValue.Str(left.AsString + right.AsString);
            if (left.Kind == ValueKind.List && right.Kind == ValueKind.List)
                return Bounded(ConstValue.List([.. left.Items!, .. right.Items!]));
            if (left.Kind == ValueKind.Tuple && right.Kind == ValueKind.Tuple)
                return Bounded(ConstValue.Tuple([.. left.Items!, .. right.Items!]));
        }
        if (left.Kind is ValueKind.Int or ValueKind.Bool && right.Kind is ValueKind.Int or ValueKind.Bool)
        {
            var x = left.AsInt!.Value;
            var y = right.AsInt!.Value;
            switch (op)
            {
                case Operator.Add: return ConstValue.Int(x + y);
                case Operator.Sub: return ConstValue.Int(x - y);
                case Operator.Mult: return ConstValue.Int(x * y);
                case Operator.BitOr: return ConstValue.Int(x | y);
                case Operator.BitAnd: return ConstValue.Int(x & y);
                case Operator.BitXor: return ConstValue.Int(x ^ y);
                case Operator.LShift when y >= 0 && y < 64: return ConstValue.Int(x << (int)y);
                case Operator.RShift when y >= 0 && y < 64: return ConstValue.Int(x >> (int)y);
            }
        }
        return null;
    }

    /// <summary>Values of stdlib constants that security checks compare against (file permission bits).</summary>
    static readonly Dictionary<string, int> KnownConstants = new(StringComparer.Ordinal)
    {
        ["stat.S_ISUID"] = 0x800, ["stat.S_ISGID"] = 0x400, ["stat.S_ISVTX"] = 0x200,
        ["stat.S_IRWXU"] = 0x1C0, ["stat.S_IRUSR"] = 0x100, ["stat.S_IWUSR"] = 0x80, ["stat.S_IXUSR"] = 0x40,
        ["stat.S_IRWXG"] = 0x38, ["stat.S_IRGRP"] = 0x20, ["stat.S_IWGRP"] = 0x10, ["stat.S_IXGRP"] = 0x8,
        ["stat.S_IRWXO"] = 0x7, ["stat.S_IROTH"] = 0x4, ["stat.S_IWOTH"] = 0x2, ["stat.S_IXOTH"] = 0x1,
        ["stat.S_IREAD"] = 0x100, ["stat.S_IWRITE"] = 0x80, ["stat.S_IEXEC"] = 0x40,
    };
}
