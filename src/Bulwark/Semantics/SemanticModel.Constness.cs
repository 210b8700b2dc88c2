using Bulwark.Python.Syntax;

namespace Bulwark.Semantics;

public sealed partial class SemanticModel
{
    /// <summary>
    /// The value is built only from constants and from values that cannot carry attacker text, on every definition
    /// that reaches each name: literals and module constants, `+`/`%`/f-strings/`str.format`/`join` of such parts,
    /// string methods of such strings, items of local tables whose stores at that key are all constant, a replayed
    /// list element or `ConfigParser` option (<see cref="ReplayedElement"/>, <see cref="ReplayedOption"/>), and numbers
    /// whatever they come from (`int(x)`, `len(x)`, `float(x)`, `bool(x)`), and `sys.executable`. A query or command
    /// that passes this is fixed by the program, so there is nothing to inject.
    /// </summary>
    public bool IsBuiltFromConstants(Expr? expr) => expr is not null && BuiltFromConstants(expr, 0, new ConstWalk());

    /// <summary>
    /// One question's state: each definition is judged once (branches that join again and loops would otherwise
    /// be walked once per path), a definition met again while being judged counts as not constant, and the walk
    /// gives up — answering no — past a fixed number of steps.
    /// </summary>
    sealed class ConstWalk
    {
        public readonly Dictionary<Definition, bool> Judged = new();
        public int Steps;
        public const int MaxSteps = 4096;
    }

    static readonly HashSet<string> NumericBuiltins = new(StringComparer.Ordinal) { "int", "float", "len", "bool", "abs", "round", "ord", "hash" };
    static readonly HashSet<string> StringMethods = new(StringComparer.Ordinal)
    {
        "upper", "lower", "strip", "lstrip", "rstrip", "title", "capitalize", "casefold", "replace", "encode", "decode",
        "zfill", "ljust", "rjust", "center",
        // Pieces of the string: a list or tuple of constants when it is one (`"git rev-parse HEAD".split()`).
        "split", "rsplit", "splitlines", "partition", "rpartition",
    };

    bool BuiltFromConstants(Expr expr, int depth, ConstWalk walk)
    {
        if (depth > MaxEvaluationDepth || ++walk.Steps > ConstWalk.MaxSteps) return false;
        // a scalar known at analysis time (a container's value may hold unknown items)
        if (Evaluate(expr, depth) is { Kind: not (ValueKind.List or ValueKind.Tuple or ValueKind.Dict) }) return true;
        switch (expr)
        {
            case Constant:
                return true;
            case AttributeExpr when QualifiedName(expr) is "sys.executable":
                // The interpreter running the program: chosen by whoever runs it, like the program itself.
                return true;
            case Name n:
                return NameBuiltFromConstants(n, depth, walk);
            case BinOp { Op: Operator.Add or Operator.Mod or Operator.Mult or Operator.Sub or Operator.Div or Operator.FloorDiv } b:
                return BuiltFromConstants(b.Left, depth + 1, walk) && BuiltFromConstants(b.Right, depth + 1, walk);
            case JoinedStr j:
                foreach (var part in j.Values)
                    if (part is FormattedValue fv && !BuiltFromConstants(fv.Value, depth + 1, walk)) return false;
                return true;
            case TupleExpr t:
                return AllBuiltFromConstants(t.Elts, depth, walk);
            case ListExpr l:
                return AllBuiltFromConstants(l.Elts, depth, walk);
            case DictExpr d:
                return AllBuiltFromConstants(d.Values, depth, walk);
            case IfExp ie:
                return Evaluate(ie.Test, depth + 1) is { } test
                    ? BuiltFromConstants(test.Truthy ? ie.Body : ie.Orelse, depth + 1, walk)
                    : BuiltFromConstants(ie.Body, depth + 1, walk) && BuiltFromConstants(ie.Orelse, depth + 1, walk);
            case Call call when _building == 0 && ReplayedOption(call) is { } option:
                return BuiltFromConstants(option, depth + 1, walk);
            case Call call:
                return CallBuiltFromConstants(call, depth, walk);
            case Subscript sub when _building == 0 && ReplayedElement(sub) is { } element:
                return BuiltFromConstants(element, depth + 1, walk);
            case Subscript { Value: Name root } sub when _building == 0 && Evaluate(sub.Slice, depth + 1) is { Kind: ValueKind.Str or ValueKind.Int }:
                return ItemBuiltFromConstants(sub, root, depth, walk);
            default:
                return false;
        }
    }

    /// <summary>
    /// `table["k"]` of a local dict or list that starts as a display of constants and is changed only by stores at
    /// constant keys (`table["k"] = …`): each store of that key reaching the read, or the display when none does, must
    /// be constant. The object must not escape — every use of its name in the body is a subscript, and no nested
    /// function sees it — since a call or an alias could change it where the analysis does not look; a store at an
    /// unknown key, an `update()` or a `pop()` is a mutation of the name, which the display alone does not describe.
    /// </summary>
    bool ItemBuiltFromConstants(Subscript sub, Name root, int depth, ConstWalk walk)
    {
        if (Reaching(root) is not [{ Kind: DefinitionKind.Assignment, Unpack: null, Starred: false, Value: DictExpr or ListExpr } display]) return false;
        if (!DefinitionBuiltFromConstants(display, depth + 1, walk)) return false;
        // No store of that key anywhere in the body leaves the path untracked: the display is what is read.
        foreach (var d in Reaching(sub) ?? [])
            if (d.Kind != DefinitionKind.Assignment || d.Unpack is not null || !DefinitionBuiltFromConstants(d, depth + 1, walk)) return false;
        return !Escapes(root.Id, display.Scope);
    }

    /// <summary>Whether the name is used other than as `name[...]` in the scope, or at all in a scope nested in it.</summary>
    bool Escapes(string name, Scope scope) =>
        !OnlyUsedAs(name, scope, use => use.Parent is Subscript sp && ReferenceEquals(sp.Value, use));

    /// <summary>
    /// Whether every load of the name in the scope passes <paramref name="allowed"/>, and no scope nested in it uses
    /// the name at all. Assignments and deletions of the name itself are the flow analysis's business.
    /// </summary>
    bool OnlyUsedAs(string name, Scope scope, Func<Name, bool> allowed)
    {
        foreach (var use in NameUsesIn(scope, name))
        {
            if (!ReferenceEquals(ScopeOf(use), scope)) return false;
            if (use.Ctx == ExprContext.Load && !allowed(use)) return false;
        }
        return true;
    }

    /// <summary>Names under each scope's body (nested scopes included), by identifier: walked once per scope.</summary>
    readonly Dictionary<Scope, Dictionary<string, List<Name>>> _nameUses = new(ReferenceEqualityComparer.Instance);

    IReadOnlyList<Name> NameUsesIn(Scope scope, string name)
    {
        if (!_nameUses.TryGetValue(scope, out var byName))
        {
            var finder = new NameIndex();
            foreach (var child in scope.Node switch { FunctionDef f => (IEnumerable<Node>)f.Body, Module m => m.Body, ClassDef c => c.Body, _ => [] })
                finder.Visit(child);
            _nameUses[scope] = byName = finder.Names;
        }
        return byName.TryGetValue(name, out var uses) ? uses : [];
    }

    sealed class NameIndex : AstWalker
    {
        public readonly Dictionary<string, List<Name>> Names = new(StringComparer.Ordinal);

        public override void Visit(Node node)
        {
            if (node is Name n)
            {
                if (!Names.TryGetValue(n.Id, out var list)) Names[n.Id] = list = [];
                list.Add(n);
            }
            node.WalkChildren(this);
        }
    }

    bool AllBuiltFromConstants(IReadOnlyList<Expr?> items, int depth, ConstWalk walk)
    {
        foreach (var e in items)
            if (e is null || e is Starred || !BuiltFromConstants(e, depth + 1, walk)) return false;
        return true;
    }

    /// <summary>Functions whose result is fixed by their arguments (encoders and decoders): constant when those are.</summary>
    static readonly HashSet<string> PureFunctions = new(StringComparer.Ordinal)
    {
        "base64.b64decode", "base64.b64encode", "base64.urlsafe_b64decode", "base64.urlsafe_b64encode",
        "base64.standard_b64decode", "base64.standard_b64encode", "base64.b32decode", "base64.b32encode",
        "base64.b16decode", "base64.b16encode", "base64.b85decode", "base64.b85encode",
        "binascii.unhexlify", "binascii.hexlify", "binascii.a2b_base64", "binascii.b2a_base64", "binascii.a2b_hex",
        "codecs.decode", "codecs.encode", "urllib.parse.quote", "urllib.parse.quote_plus", "urllib.parse.unquote",
        "urllib.parse.unquote_plus", "html.escape", "html.unescape", "textwrap.dedent", "bytes.fromhex",
    };

    bool CallBuiltFromConstants(Call call, int depth, ConstWalk walk)
    {
        if (QualifiedName(call.Func) is { } pure && PureFunctions.Contains(pure))
        {
            foreach (var a in call.Args)
                if (a is Starred || !BuiltFromConstants(a, depth + 1, walk)) return false;
            foreach (var k in call.Keywords)
                if (k.Name is null || !BuiltFromConstants(k.Value, depth + 1, walk)) return false;
            return true;
        }
        if (call.Func is Name f && IsBuiltin(f))
        {
            if (NumericBuiltins.Contains(f.Id)) return true;
            if (f.Id is "str" or "repr")
                return call.Args.Count == 0 || call.Args.Count == 1 && BuiltFromConstants(call.Args[0], depth + 1, walk);
            return false;
        }
        if (call.Func is not AttributeExpr { Value: var receiver, Attr: var method }) return false;
        foreach (var k in call.Keywords)
            if (!BuiltFromConstants(k.Value, depth + 1, walk)) return false;
        foreach (var a in call.Args)
            if (!BuiltFromConstants(a is Starred s ? s.Value : a, depth + 1, walk)) return false;
        return method switch
        {
            "format" or "join" => BuiltFromConstants(receiver, depth + 1, walk),
            _ => StringMethods.Contains(method) && BuiltFromConstants(receiver, depth + 1, walk),
        };
    }

    bool NameBuiltFromConstants(Name n, int depth, ConstWalk walk)
    {
        if (_building == 0 && Reaching(n) is { } defs)
        {
            if (defs.Length == 0) return false;
            foreach (var d in defs)
                if (!DefinitionBuiltFromConstants(d, depth + 1, walk)) return false;
            // What was stored at a key or attribute of the object since (`cmd[0] = arg`) is part of it too.
            foreach (var m in ReachingMemberDefinitions(n))
                if (!DefinitionBuiltFromConstants(m, depth + 1, walk)) return false;
            foreach (var d in defs)
                if (LocalContainer(d) && !OnlyUsedAs(n.Id, d.Scope, use => ReferenceEquals(use, n) || LeavesObjectAsItIs(use))) return false;
            return true;
        }
        var b = BindingOf(n);
        if (b is null || b.Kind != BindingKind.Assignment || b.Value is null) return false;
        if (b.Scope.BindingsOf(n.Id).Count != 1) return false;
        if (ReferenceEquals(ScopeOf(n), b.Scope) && b.Position > n.Start) return false;
        return BuiltFromConstants(b.Value, depth + 1, walk);
    }

    bool DefinitionBuiltFromConstants(Definition d, int depth, ConstWalk walk)
    {
        if (walk.Judged.TryGetValue(d, out var known)) return known;
        walk.Judged[d] = false; // met again while being judged: a loop carries it, so not provably constant
        var result = JudgeDefinition(d, depth, walk);
        walk.Judged[d] = result;
        return result;
    }

    bool JudgeDefinition(Definition d, int depth, ConstWalk walk)
    {
        if (depth > MaxEvaluationDepth) return false;
        switch (d.Kind)
        {
            case DefinitionKind.Assignment or DefinitionKind.Walrus when d.Value is not null && !d.Starred:
                Expr? e = d.Value;
                foreach (var i in d.Unpack ?? [])
                {
                    var elts = e switch { TupleExpr t => t.Elts, ListExpr l => l.Elts, _ => null };
                    if (elts is null || i >= elts.Count || elts.Any(x => x is Starred)) return false;
                    e = elts[i];
                }
                return BuiltFromConstants(e, depth + 1, walk);
            case DefinitionKind.Loop or DefinitionKind.Comprehension when d.Value is not null && d.Unpack is null:
                // an item of a literal collection of constants
                return d.Value switch
                {
                    TupleExpr t => AllBuiltFromConstants(t.Elts, depth, walk),
                    ListExpr l => AllBuiltFromConstants(l.Elts, depth, walk),
                    SetExpr set => AllBuiltFromConstants(set.Elts, depth, walk),
                    _ => false,
                };
            case DefinitionKind.Narrowing:
                foreach (var p in d.Prior)
                    if (!DefinitionBuiltFromConstants(p, depth + 1, walk)) return false;
                return d.Prior.Count > 0;
            case DefinitionKind.Mutation:
                // The object it held, changed in place: constant when that was and the change adds only constants.
                foreach (var p in d.Prior)
                    if (!DefinitionBuiltFromConstants(p, depth + 1, walk)) return false;
                return d.Prior.Count > 0 && MutationAddsConstants(d, depth, walk);
            case DefinitionKind.AugmentedAssignment when d.Node is AugAssign aug && d.Member is null:
                foreach (var p in d.Prior)
                    if (!DefinitionBuiltFromConstants(p, depth + 1, walk)) return false;
                return d.Prior.Count > 0 && BuiltFromConstants(aug.Value, depth + 1, walk);
            default:
                return false;
        }
    }

    /// <summary>Methods that only take out or reorder what a container holds: nothing of their arguments goes in.</summary>
    static readonly HashSet<string> RemovingMethods = new(StringComparer.Ordinal)
    {
        "pop", "popleft", "popitem", "remove", "discard", "clear", "reverse", "sort",
    };

    /// <summary>What a <see cref="DefinitionKind.Mutation"/> puts into the object: `x.append(v)`, `x[k] = v`, `x[k] += v`.</summary>
    bool MutationAddsConstants(Definition d, int depth, ConstWalk walk)
    {
        // A store at a key not known at analysis time: the key can be content too (`" ".join(table)` reads the keys).
        if (d.Target is Subscript sub)
            return d.Value is not null && BuiltFromConstants(sub.Slice, depth + 1, walk) && BuiltFromConstants(d.Value, depth + 1, walk);
        // Otherwise a method changing it in place (the definition's step is that call), or something not read here.
        if (d.Node is not Call { Func: AttributeExpr { Attr: var method } } call || !ReferenceEquals(d.Value, call)) return false;
        if (RemovingMethods.Contains(method)) return true;
        foreach (var a in call.Args)
            if (a is Starred || !BuiltFromConstants(a, depth + 1, walk)) return false;
        foreach (var k in call.Keywords)
            if (k.Name is null || !BuiltFromConstants(k.Value, depth + 1, walk)) return false;
        return true;
    }

    /// <summary>
    /// A list, dict or set a function builds for itself (a display, or one changed in place since): any code it is
    /// handed to may change it where the analysis does not look, so its uses are checked.
    /// </summary>
    static bool LocalContainer(Definition d) =>
        d.Scope.Kind == ScopeKind.Function
        && (d.Kind == DefinitionKind.Mutation || d.Value is ListExpr or DictExpr or SetExpr && d.Kind == DefinitionKind.Assignment && d.Unpack is null);

    /// <summary>
    /// A use of a container that cannot change it unseen: a method or item of it (the changing ones are definitions
    /// of their own), an operand, a value formatted, iterated or unpacked into another call, or an argument of a
    /// function known to read its arguments only (builtins, `subprocess`, `os`, `shlex`, logging, `str.join`).
    /// Handed to anything else, or aliased, stored or returned, it may be changed elsewhere.
    /// </summary>
    bool LeavesObjectAsItIs(Name use) => use.Parent switch
    {
        AttributeExpr a => ReferenceEquals(a.Value, use),
        Subscript => true,
        Compare or BoolOp or UnaryOp or BinOp or FormattedValue or Starred => true,
        For f => ReferenceEquals(f.Iter, use),
        Comprehension c => ReferenceEquals(c.Iter, use),
        Call c => !ReferenceEquals(c.Func, use) && ReadsArgumentsOnly(c),
        Keyword { Parent: Call c } => ReadsArgumentsOnly(c),
        _ => false,
    };

    static readonly HashSet<string> ReadingBuiltins = new(StringComparer.Ordinal)
    {
        "len", "str", "repr", "print", "list", "tuple", "sorted", "set", "frozenset", "dict", "bool", "any", "all",
        "enumerate", "iter", "reversed", "zip", "min", "max", "sum", "isinstance", "hash", "id", "type", "format",
    };

    static readonly HashSet<string> ReadingMethods = new(StringComparer.Ordinal)
    {
        "join", "format", "debug", "info", "warning", "warn", "error", "exception", "critical", "log",
    };

    bool ReadsArgumentsOnly(Call c)
    {
        if (c.Func is Name f && IsBuiltin(f)) return ReadingBuiltins.Contains(f.Id);
        if (QualifiedName(c.Func) is { } q)
            return q.StartsWith("subprocess.", StringComparison.Ordinal) || q.StartsWith("os.", StringComparison.Ordinal)
                || q.StartsWith("shlex.", StringComparison.Ordinal) || q.StartsWith("logging.", StringComparison.Ordinal)
                || q.StartsWith("asyncio.", StringComparison.Ordinal);
        return c.Func is AttributeExpr { Attr: var method } && ReadingMethods.Contains(method);
    }
}
