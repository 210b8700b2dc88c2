using Bulwark.Python.Syntax;

namespace Bulwark.Semantics;

/// <summary>What the semantic model may ask about libraries: the types their callables return and their objects have.</summary>
public interface ITypeOracle
{
    /// <summary>The type of a library's module-level object: `flask.request` → `flask.Request`; null when not modelled.</summary>
    string? GlobalType(string qualifiedName);
    /// <summary>What calling a library callable gives: `sqlite3.connect` → `sqlite3.Connection`, `sqlite3.Connection.cursor` → `sqlite3.Cursor`.</summary>
    string? ReturnType(string qualifiedCallable);
    /// <summary>The type of an attribute of a library type: `flask.Request.args` → `werkzeug.datastructures.MultiDict`.</summary>
    string? AttributeType(string type, string attribute);
}

/// <summary>
/// What an expression is an instance of, where that is knowable from one module: library types through an
/// <see cref="ITypeOracle"/> (`cur = sqlite3.connect(p).cursor()` is a `sqlite3.Cursor`), classes and functions of the
/// module (`self` in a method, `self.conn` assigned in `__init__`, the return type of a local function), parameter
/// annotations (`db: Session`, `request: Request`), through every reaching definition.
/// <para>
/// Types are strings. A library or project type is its qualified name; a project type is qualified by
/// <c>moduleKey</c> (the module's dotted name, or a key the caller chooses for files that have none). What needs
/// other modules to decide stays symbolic and is resolved over the whole project:
/// `=call:X` (the result of calling X, an imported name), `=attr:T:a` (attribute a of a T), `=ret:T:m` (the result
/// of method m of a T), `=global:X` (the value of an imported module-level variable X).
/// </para>
/// Built and queried on one thread; its memo is its own.
/// </summary>
public sealed class TypeResolver(SemanticModel model, ITypeOracle oracle, string moduleKey)
{
    const int MaxDepth = 12;
    static readonly string[] None = [];
    readonly NodeMap<Node, string[]?> _memo = new();
    // Definitions reach one another along every path of the flow graph (a loop of `if`/`elif` branches that each
    // mutate a list gives exponentially many paths): each definition's types are computed once.
    readonly Dictionary<Definition, string[]> _definitionMemo = new(ReferenceEqualityComparer.Instance);
    readonly HashSet<Definition> _definitionsInProgress = new(ReferenceEqualityComparer.Instance);

    public SemanticModel Model => model;
    public string ModuleKey => moduleKey;

    /// <summary>The possible types of an expression's value (empty when unknown).</summary>
    public IReadOnlyList<string> TypeOf(Expr e) => Of(e, 0);

    /// <summary>The qualified name of a class or function defined in this module: `pkg.mod.Repo.find`.</summary>
    public string DefinitionName(Node def)
    {
        // Asked for every class and function, and again at each of their uses: built once per definition.
        if (_definitionNames.TryGetValue(def, out var known)) return known;
        var enclosing = EnclosingDefinition(def);
        var own = def switch { FunctionDef f => f.Name, ClassDef c => c.Name, _ => null };
        var prefix = enclosing is null ? moduleKey : DefinitionName(enclosing);
        var name = own is null ? enclosing is null ? moduleKey + "." : prefix : prefix + "." + own;
        _definitionNames[def] = name;
        return name;
    }

    readonly NodeMap<Node, string> _definitionNames = new();

    Node? EnclosingDefinition(Node n)
    {
        for (var p = model.Parent(n); p is not null; p = model.Parent(p))
            if (p is FunctionDef or ClassDef) return p;
        return null;
    }

    string[] Of(Expr e, int depth)
    {
        if (depth > MaxDepth) return None;
        // An expression being typed is marked in the memo by null (a type that depends on itself gets none from it).
        if (_memo.TryGetValue(e, out var known)) return known ?? None;
        _memo[e] = null;
        var result = Compute(e, depth);
        _memo[e] = result;
        return result;
    }

    string[] Compute(Expr e, int depth)
    {
        switch (e)
        {
            case Name n: return OfName(n, depth);
            case AttributeExpr a:
                if (model.QualifiedName(a) is { } q && oracle.GlobalType(q) is { } global) return [global];
                var owner = Of(a.Value, depth + 1);
                if (owner.Length > 0) return Member(owner, a.Attr, call: false);
                return model.QualifiedName(a) is { } qualified ? ["=global:" + qualified] : None;
            case Call c: return OfCall(c, depth);
            case Await aw: return Of(aw.Value, depth + 1);
            case NamedExpr ne: return Of(ne.Value, depth + 1);
            case IfExp ie:
                if (model.Evaluate(ie.Test) is { } t) return Of(t.Truthy ? ie.Body : ie.Orelse, depth + 1);
                return Union(Of(ie.Body, depth + 1), Of(ie.Orelse, depth + 1));
            case BoolOp bo:
                string[] all = None;
                foreach (var v in bo.Values) all = Union(all, Of(v, depth + 1));
                return all;
            case JoinedStr or Constant { ValueKind: ConstantKind.Str }: return StrType;
            case Constant { ValueKind: ConstantKind.Int }: return IntType;
            case DictExpr or DictComp: return DictType;
            case ListExpr or ListComp: return ListType;
            case TupleExpr: return TupleType;
            // `base / name` joins paths: a Path on either side makes a Path (`Path(DIR) / "x"`, `"x" / Path(DIR)`).
            case BinOp { Op: Operator.Div } div:
                return IsPath(Of(div.Left, depth + 1)) || IsPath(Of(div.Right, depth + 1)) ? PathType : None;
            default: return None;
        }
    }

    // Type lists are never changed once made (callers keep them as they are), so literals share theirs.
    static readonly string[] StrType = ["str"], IntType = ["int"], DictType = ["dict"], ListType = ["list"], TupleType = ["tuple"];
    static readonly string[] PathType = ["pathlib.Path"];

    static bool IsPath(string[] types)
    {
        foreach (var t in types)
            if (t is "pathlib.Path" or "pathlib.PurePath" or "pathlib.PosixPath" or "pathlib.WindowsPath" or "pathlib.PurePosixPath" or "pathlib.PureWindowsPath")
                return true;
        return false;
    }

    string[] OfName(Name n, int depth)
    {
        var defs = model.ReachingDefinitions(n);
        if (defs.Count == 0)
        {
            // Names the flow analysis does not cover: the import or definition they are bound to.
            if (model.BindingOf(n) is { IsImport: true, ImportedName: { } imported }) return Imported(imported);
            return None;
        }
        string[] result = None;
        foreach (var d in defs) result = Union(result, OfDefinition(d, depth + 1));
        return result;
    }

    string[] Imported(string qualified)
    {
        // Every use of an imported name asks: one answer per name.
        if (_imported.TryGetValue(qualified, out var known)) return known;
        // A project module-level variable (`from app import app`): decided over the project.
        known = oracle.GlobalType(qualified) is { } g ? [g] : ["=global:" + qualified];
        _imported[qualified] = known;
        return known;
    }

    readonly Dictionary<string, string[]> _imported = new(StringComparer.Ordinal);

    /// <summary>The types a definition gives its place.</summary>
    public IReadOnlyList<string> TypeOf(Definition d) => OfDefinition(d, 0);

    string[] OfDefinition(Definition d, int depth)
    {
        if (depth > MaxDepth) return None;
        if (_definitionMemo.TryGetValue(d, out var known)) return known;
        if (!_definitionsInProgress.Add(d)) return None;
        string[] result;
        try { result = ComputeDefinition(d, depth); }
        finally { _definitionsInProgress.Remove(d); }
        _definitionMemo[d] = result;
        return result;
    }

    string[] ComputeDefinition(Definition d, int depth)
    {
        switch (d.Kind)
        {
            case DefinitionKind.Assignment or DefinitionKind.Walrus when d.Value is not null && d.Unpack is null && !d.Starred:
                return Of(d.Value, depth + 1);
            case DefinitionKind.With when d.Value is not null && d.Unpack is null:
                return Of(d.Value, depth + 1);
            case DefinitionKind.Narrowing or DefinitionKind.Mutation or DefinitionKind.AugmentedAssignment:
                string[] prior = None;
                foreach (var p in d.Prior) prior = Union(prior, OfDefinition(p, depth + 1));
                return prior;
            case DefinitionKind.Parameter when d.Node is Arg arg:
                return OfParameter(arg, d, depth);
            case DefinitionKind.Import:
                var binding = FindImport(d);
                return binding is null ? None : Imported(binding);
            case DefinitionKind.Class when d.Node is ClassDef c:
                return ["=class:" + DefinitionName(c)];
            default:
                return None;
        }
    }

    string? FindImport(Definition d)
    {
        foreach (var b in d.Scope.BindingsOf(d.Name))
            if (ReferenceEquals(b.Node, d.Node) && b.IsImport) return b.ImportedName;
        return null;
    }

    string[] OfParameter(Arg arg, Definition d, int depth)
    {
        if (arg.Annotation is { } ann && Annotation(ann) is { } t) return [t];
        // `self` of a method: an instance of the class (not for static methods; `cls` of class methods is the class).
        if (d.ParameterIndex == 0 && model.Parent(model.Parent(arg) ?? arg) is FunctionDef f && model.Parent(f) is ClassDef c)
        {
            foreach (var dec in f.DecoratorList)
            {
                var name = SemanticModel.SimpleName(dec);
                if (name == "staticmethod") return None;
                if (name == "classmethod") return ["=class:" + DefinitionName(c)];
            }
            return [DefinitionName(c)];
        }
        _ = depth;
        return None;
    }

    /// <summary>The type an annotation names: `Session`, `Optional[Request]`, `Request | None`, `Annotated[Request, …]`.</summary>
    public string? Annotation(Expr ann)
    {
        switch (ann)
        {
            case Subscript { Value: var head, Slice: var slice }:
                var h = model.QualifiedName(head) ?? SemanticModel.DottedName(head);
                if (h is "typing.Optional" or "Optional" or "typing_extensions.Optional")
                    return Annotation(slice);
                if (h is "typing.Annotated" or "Annotated" or "typing_extensions.Annotated" && slice is TupleExpr { Elts.Count: > 0 } at)
                    return Annotation(at.Elts[0]);
                if (h is "typing.Union" or "Union" && slice is TupleExpr u) return SingleNonNone(u.Elts);
                return null;
            case BinOp { Op: Operator.BitOr } or:
                var parts = new List<Expr>();
                Flatten(or, parts);
                return SingleNonNone(parts);
            case Name or AttributeExpr:
                if (ann is Name local && LocalClass(local) is { } cls) return DefinitionName(cls);
                if (model.QualifiedName(ann) is { } q) return Canonical(q);
                return SemanticModel.DottedName(ann);
            case Constant { ValueKind: ConstantKind.Str } s when s.AsString is { } text && IsIdentifier(text):
                return moduleKey + "." + text;
            default:
                return null;
        }
    }

    static bool IsIdentifier(string s) => s.Length > 0 && s.All(c => char.IsLetterOrDigit(c) || c is '_' or '.');

    static string Canonical(string q) => q switch
    {
        "str" or "builtins.str" => "str",
        "int" or "builtins.int" => "int",
        _ => q,
    };

    string? SingleNonNone(IReadOnlyList<Expr> options)
    {
        string? found = null;
        foreach (var o in options)
        {
            if (o is Constant { ValueKind: ConstantKind.None } || o is Name { Id: "None" }) continue;
            if (found is not null) return null;
            found = Annotation(o);
            if (found is null) return null;
        }
        return found;
    }

    static void Flatten(Expr e, List<Expr> parts)
    {
        if (e is BinOp { Op: Operator.BitOr } b) { Flatten(b.Left, parts); Flatten(b.Right, parts); }
        else parts.Add(e);
    }

    ClassDef? LocalClass(Name n)
    {
        foreach (var d in model.ReachingDefinitions(n))
            if (d.Kind == DefinitionKind.Class && d.Node is ClassDef c) return c;
        if (model.BindingOf(n) is { Kind: BindingKind.ClassDef, Node: ClassDef bc }) return bc;
        return null;
    }

    FunctionDef? LocalFunction(Name n)
    {
        var defs = model.ReachingDefinitions(n);
        if (defs.Count == 1 && defs[0].Kind == DefinitionKind.Function && defs[0].Node is FunctionDef f) return f;
        if (defs.Count == 0 && model.BindingOf(n) is { Kind: BindingKind.FunctionDef, Node: FunctionDef bf }) return bf;
        return null;
    }

    string[] OfCall(Call c, int depth)
    {
        var func = c.Func;
        if (func is Name n)
        {
            if (LocalClass(n) is { } cls) return [DefinitionName(cls)];
            if (LocalFunction(n) is { } f) return Returns(f, depth);
        }
        if (model.QualifiedName(func) is { } q)
        {
            if (oracle.ReturnType(q) is { } r) return [r];
            if (q is "str" or "int" or "float" or "bool" or "dict" or "list" or "tuple" or "set" or "bytes") return [q];
            return ["=call:" + q];
        }
        if (func is AttributeExpr a)
        {
            var receiver = Of(a.Value, depth + 1);
            return Member(receiver, a.Attr, call: true);
        }
        return None;
    }

    /// <summary>The return types of a function of this module: its annotation, else every `return` value (a generator is unknown).</summary>
    public IReadOnlyList<string> ReturnTypes(FunctionDef f) => Returns(f, 0);

    string[] Returns(FunctionDef f, int depth)
    {
        if (f.Returns is { } ann && Annotation(ann) is { } annotated) return [annotated];
        // The returned expressions are syntax: found once per function, not at every call of it.
        if (!_returns.TryGetValue(f, out var returned))
        {
            var collector = new ReturnCollector();
            foreach (var s in f.Body) collector.Visit(s);
            _returns[f] = returned = collector.Yields ? null : collector.Values.ToArray();
        }
        if (returned is null) return None;
        string[] result = None;
        foreach (var r in returned) result = Union(result, Of(r, depth + 1));
        return result;
    }

    readonly NodeMap<FunctionDef, Expr[]?> _returns = new();

    sealed class ReturnCollector : AstWalker
    {
        public readonly List<Expr> Values = [];
        public bool Yields;
        public override void Visit(Node node)
        {
            switch (node)
            {
                case FunctionDef or ClassDef or Lambda: return;
                case Return { Value: { } v }: Values.Add(v); break;
                case Yield or YieldFrom: Yields = true; break;
            }
            node.WalkChildren(this);
        }
    }

    /// <summary>A member of values of the given types: a modelled library attribute or method result, a class of this module, or symbolic.</summary>
    string[] Member(string[] receiver, string member, bool call)
    {
        string[] result = None;
        foreach (var t in receiver)
        {
            if (t.StartsWith('=') && !t.StartsWith("=class:", StringComparison.Ordinal))
            {
                result = Union(result, [(call ? "=ret:" : "=attr:") + t + ":" + member]);
                continue;
            }
            var owner = t.StartsWith("=class:", StringComparison.Ordinal) ? t[7..] : t;
            if (call && oracle.ReturnType(owner + "." + member) is { } r) { result = Union(result, [r]); continue; }
            if (!call && oracle.AttributeType(owner, member) is { } at) { result = Union(result, [at]); continue; }
            if (LocalClassNamed(owner) is { } cls)
            {
                result = Union(result, ClassMember(cls, member, call));
                continue;
            }
            result = Union(result, [(call ? "=ret:" : "=attr:") + owner + ":" + member]);
        }
        return result;
    }

    ClassDef? LocalClassNamed(string qualified)
    {
        if (!qualified.StartsWith(moduleKey + ".", StringComparison.Ordinal)) return null;
        var path = qualified[(moduleKey.Length + 1)..].Split('.');
        IReadOnlyList<Stmt> body = model.ModuleScope.Node is Module m ? m.Body : [];
        ClassDef? found = null;
        foreach (var part in path)
        {
            found = null;
            foreach (var s in body)
                if (s is ClassDef c && c.Name == part) { found = c; break; }
            if (found is null) return null;
            body = found.Body;
        }
        return found;
    }

    /// <summary>A member of a class of this module: a method's return, an attribute assigned in the class body or on `self`, else what its bases say.</summary>
    string[] ClassMember(ClassDef cls, string member, bool call)
    {
        var body = cls.Body;
        for (int i = 0; i < body.Count; i++)
            if (body[i] is FunctionDef f && f.Name == member)
                return call ? Returns(f, 1) : None;
        if (!call)
        {
            string[] result = None;
            for (int k = 0; k < body.Count; k++)
            {
                var s = body[k];
                if (s is AnnAssign { Target: Name { Id: var an } } aa && an == member)
                    result = Union(result, aa.Annotation is { } annotation && Annotation(annotation) is { } t ? [t] : aa.Value is { } av ? Of(av, 1) : None);
                if (s is Assign { Value: var v } asg && AssignsName(asg, member))
                    result = Union(result, Of(v, 1));
            }
            for (int k = 0; k < body.Count; k++)
            {
                if (body[k] is not FunctionDef method) continue;
                var scope = model.ScopeOpenedBy(method);
                if (scope is null) continue;
                // By index: typing a value may build a nested body whose `nonlocal` stores join this list.
                var definitions = model.DefinitionsIn(scope);
                for (int i = 0; i < definitions.Count; i++)
                    if (definitions[i] is var d && IsAttributeMember(d.Member, member) && d.Kind == DefinitionKind.Assignment && d.Unpack is null && d.Value is not null
                        && d.Target is AttributeExpr { Value: Name self } && IsSelf(self, method))
                        result = Union(result, Of(d.Value, 1));
            }
            if (result.Length > 0) return result;
        }
        // Inherited: from a library base through the oracle, otherwise decided over the project.
        foreach (var b in cls.Bases)
        {
            var baseName = b is Name bn && LocalClass(bn) is { } lc ? DefinitionName(lc) : model.QualifiedName(b);
            if (baseName is null) continue;
            var fromBase = Member([baseName], member, call);
            if (fromBase.Length > 0) return fromBase;
        }
        return None;
    }

    static bool AssignsName(Assign a, string name)
    {
        for (int i = 0; i < a.Targets.Count; i++) if (a.Targets[i] is Name tn && tn.Id == name) return true;
        return false;
    }

    /// <summary>`member == "." + attribute`, without building that string for every definition of every method.</summary>
    static bool IsAttributeMember(string? member, string attribute) =>
        member is not null && member.Length == attribute.Length + 1 && member[0] == '.' && member.AsSpan(1).SequenceEqual(attribute);

    static bool IsSelf(Name n, FunctionDef method) =>
        method.Args.Args.Count > 0 && method.Args.Args[0].Name == n.Id || method.Args.Posonlyargs.Count > 0 && method.Args.Posonlyargs[0].Name == n.Id;

    static string[] Union(string[] a, string[] b)
    {
        if (a.Length == 0) return b;
        if (b.Length == 0) return a;
        var list = new List<string>(a);
        foreach (var x in b) if (!list.Contains(x)) list.Add(x);
        return list.Count > 8 ? list.GetRange(0, 8).ToArray() : list.ToArray();
    }
}
