using System.Text;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Taint;

/// <summary>
/// Lowers one module to the taint IR, on the worker thread that built its semantic model: every module, class and
/// function body and every lambda becomes an <see cref="IrFunction"/> whose values refer to each other through the
/// reaching definitions; nothing of the syntax tree is kept but offsets.
/// </summary>
public static class Lowering
{
    /// <summary>The type given to a module variable holding `View.as_view()`, followed by the view class's name (a route table may name the view by that variable).</summary>
    public const string AsViewType = "=asview:";

    /// <summary>
    /// Longer constant texts are lowered as strings of unknown text. What the analysis reads of a constant's text — a
    /// key, a content type, a shell name, the start of a URL — is short; texts past this are data (an embedded JSON
    /// document, C source, a long help text), each held through the whole project phase: on site-packages, 20 such
    /// texts made 8 MB of the 41 MB of strings the phase held, one of them a 4-million-character JSON document in moto.
    /// </summary>
    public const int MaxConstantText = 4096;

    /// <summary>A list, tuple or dict argument larger than this (<see cref="ConstValue.Size"/>) is kept as not known.</summary>
    public const int MaxArgumentConstantSize = 256;

    public static ModuleIr Lower(string relativePath, Module module, SemanticModel model, ModelCatalog catalog)
    {
        // The models of this file's imports, never those other files loaded meanwhile: the result must not depend on scheduling.
        var models = catalog.ForImports(model.ImportedModules);
        var key = model.ModuleName ?? "file:" + StripExtension(relativePath);
        model.ExpectEveryBody();
        return new ModuleLowerer(relativePath, key, module, model, models).Run();
    }

    static string StripExtension(string path)
    {
        var p = path.Replace('\\', '/');
        if (p.EndsWith(".py", StringComparison.Ordinal)) p = p[..^3];
        else if (p.EndsWith(".pyi", StringComparison.Ordinal)) p = p[..^4];
        if (p.EndsWith("/__init__", StringComparison.Ordinal)) p = p[..^9];
        return p;
    }
}

sealed class ModuleLowerer(string path, string key, Module module, SemanticModel model, ModelCatalog catalog)
{
    internal readonly SemanticModel Model = model;
    internal readonly ModelCatalog Catalog = catalog;
    internal readonly TypeResolver Types = new(model, catalog, key);
    internal readonly string Key = key;
    readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    readonly List<string> _stringList = [];
    readonly Dictionary<string, int> _typeLists = new(StringComparer.Ordinal);
    readonly List<string[]> _typeListList = [];
    // Sized for a body per scope (comprehensions have none): the most they can hold.
    internal readonly List<IrFunction> Functions = new(model.Scopes.Count);
    internal readonly List<IrClass> Classes = [];
    internal readonly NodeMap<Node, int> FunctionOf = new(model.Scopes.Count);
    internal readonly NodeMap<ClassDef, int> ClassOf = new();
    internal readonly NodeMap<Node, Scope> ScopeOfOwner = new(model.Scopes.Count);
    /// <summary>The working lists and tables of the body being lowered, reused from one body to the next (bodies are lowered one at a time).</summary>
    internal readonly BodyBuffers Buffers = BodyBuffers.OfThisThread();

    internal int Str(string? s)
    {
        if (s is null) return -1;
        if (_strings.TryGetValue(s, out var id)) return id;
        id = _stringList.Count;
        _stringList.Add(s);
        _strings[s] = id;
        return id;
    }

    internal string StrText(int id) => _stringList[id];

    /// <summary>
    /// The string id of an expression's dotted name as written (`self.request.args`), -1 when it is not one. Built in a
    /// buffer and looked up there: the text becomes a string only the first time the module uses it.
    /// </summary>
    internal int DottedStr(Expr e)
    {
        Span<char> buffer = stackalloc char[256];
        int length = WriteDotted(e, buffer);
        if (length == -1) return -1;
        if (length < 0) return Str(SemanticModel.DottedName(e));
        if (_strings.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(buffer[..length], out var id)) return id;
        return Str(new string(buffer[..length]));
    }

    /// <summary>Writes the dotted name; its length, -1 when the expression is not a dotted name, -2 when it does not fit.</summary>
    static int WriteDotted(Expr e, Span<char> buffer)
    {
        switch (e)
        {
            case Name n:
                if (n.Id.Length > buffer.Length) return -2;
                n.Id.CopyTo(buffer);
                return n.Id.Length;
            case AttributeExpr a:
                int inner = WriteDotted(a.Value, buffer);
                if (inner < 0) return inner;
                if (inner + 1 + a.Attr.Length > buffer.Length) return -2;
                buffer[inner] = '.';
                a.Attr.CopyTo(buffer[(inner + 1)..]);
                return inner + 1 + a.Attr.Length;
            default:
                return -1;
        }
    }

    internal int TypeList(IReadOnlyList<string> types)
    {
        if (types.Count == 0) return -1;
        var k = string.Join('\n', types);
        if (_typeLists.TryGetValue(k, out var id)) return id;
        id = _typeListList.Count;
        _typeListList.Add(types.ToArray());
        _typeLists[k] = id;
        return id;
    }

    /// <summary>Per function scope: its names that nested functions and lambdas read (closure variables).</summary>
    internal readonly Dictionary<Scope, HashSet<string>> Captured = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Fills <see cref="Captured"/> from the scope the binder recorded for every name (no walk of the tree): a name
    /// outside every function can capture nothing, since only function scopes count.
    /// </summary>
    void FindCaptures()
    {
        foreach (var (n, s) in Model.NestedNames())
        {
            if (n.Ctx != ExprContext.Load) continue;
            var r = s.ResolvingScope(n.Id);
            if (r is { Kind: ScopeKind.Function } && !ReferenceEquals(r, s))
            {
                bool crossesFunction = false;
                for (var x = s; x is not null && !ReferenceEquals(x, r); x = x.Parent)
                    if (x.Kind is ScopeKind.Function or ScopeKind.Lambda) crossesFunction = true;
                if (crossesFunction)
                {
                    if (!Captured.TryGetValue(r, out var set)) Captured[r] = set = new(StringComparer.Ordinal);
                    set.Add(n.Id);
                }
            }
        }
    }

    public ModuleIr Run()
    {
        FindCaptures();
        // Number every body first, so references can point forward.
        foreach (var scope in Model.Scopes)
        {
            switch (scope.Node)
            {
                case Module:
                    NewFunction(scope, "<module>", "<module>", FunctionKind.Module);
                    break;
                case ClassDef c:
                    var cls = new IrClass { Index = Classes.Count, Name = c.Name, Path = Types.DefinitionName(c)[(Key.Length + 1)..] };
                    Classes.Add(cls);
                    ClassOf[c] = cls.Index;
                    cls.Body = NewFunction(scope, c.Name, cls.Path + ".<body>", FunctionKind.ClassBody).Index;
                    break;
                case FunctionDef f:
                    NewFunction(scope, f.Name, Types.DefinitionName(f)[(Key.Length + 1)..], FunctionKind.Function);
                    break;
                case Lambda l:
                    var parent = EnclosingPath(l);
                    NewFunction(scope, "<lambda>", (parent is null ? "" : parent + ".") + "<lambda:" + l.Start + ">", FunctionKind.Lambda);
                    break;
            }
        }
        // By index: the list does not grow while bodies are lowered (every body was numbered above).
        for (int i = 0, count = Functions.Count; i < count; i++)
        {
            var fn = Functions[i];
            new FunctionLowerer(this, fn, ScopeOfOwner[OwnerOf(fn)], OwnerOf(fn)).Lower();
        }
        foreach (var c in ClassOf)
            DescribeClass(c.Key, Classes[c.Value]);

        return new ModuleIr
        {
            Path = path,
            ModuleName = Model.ModuleName,
            IsPackage = Model.IsPackage,
            Key = Key,
            Strings = _stringList.ToArray(),
            TypeLists = _typeListList.ToArray(),
            Functions = Functions.ToArray(),
            Classes = Classes.ToArray(),
            Exports = Exports(),
            StarImports = StarImports(),
            ImportedModules = [.. Model.ImportedModules.Order(StringComparer.Ordinal)],
        };
    }

    readonly List<Node> _owners = new(model.Scopes.Count);
    Node OwnerOf(IrFunction f) => _owners[f.Index];

    IrFunction NewFunction(Scope scope, string name, string path, FunctionKind kind)
    {
        var f = new IrFunction { Index = Functions.Count, Name = name, Path = path, Kind = kind };
        Functions.Add(f);
        FunctionOf[scope.Node] = f.Index;
        ScopeOfOwner[scope.Node] = scope;
        _owners.Add(scope.Node);
        f.Start = scope.Node.Start;
        f.End = scope.Node.End;
        return f;
    }

    string? EnclosingPath(Node n)
    {
        for (var p = Model.Parent(n); p is not null; p = Model.Parent(p))
            if (p is FunctionDef or ClassDef) return Types.DefinitionName(p)[(Key.Length + 1)..];
        return null;
    }

    void DescribeClass(ClassDef c, IrClass cls)
    {
        var bases = new List<string>();
        foreach (var b in c.Bases)
        {
            if (b is Name n && LocalClass(n) is { } local) bases.Add(Types.DefinitionName(local));
            else if (Model.QualifiedName(b) is { } q) bases.Add(q);
            else if (b is Subscript { Value: var head } && Model.QualifiedName(head) is { } gq) bases.Add(gq);
        }
        cls.Bases = bases.ToArray();
        cls.Decorators = c.DecoratorList.Select(d => Model.QualifiedName(d is Call dc ? dc.Func : d) ?? SemanticModel.DottedName(d is Call dc2 ? dc2.Func : d) ?? "").ToArray();
        foreach (var s in c.Body)
        {
            if (s is AnnAssign { Target: Name tn } aa)
            {
                var annotated = Types.Annotation(aa.Annotation);
                cls.Fields.Add((tn.Id, annotated, aa.Value is not null));
                if (annotated is not null) AddFieldTypes(cls, tn.Id, [annotated]);
                // `mode: Literal["fast", "slow"]`: validation lets only those constants through.
                else if (IsLiteral(aa.Annotation)) AddFieldTypes(cls, tn.Id, ["typing.Literal"]);
                if ((FieldPattern(aa.Annotation) ?? (aa.Value is null ? null : FieldPattern(aa.Value))) is { } pattern)
                    (cls.FieldPatterns ??= new(StringComparer.Ordinal))[tn.Id] = pattern;
            }
            else if (s is Assign { Targets: [Name an], Value: var av })
            {
                var types = Types.TypeOf(av);
                // A Django form's declared field (`age = forms.IntegerField()`): its class says what validation lets through.
                if (av is Call { Func: var fieldClass } && Model.QualifiedName(fieldClass) is { } q && q.StartsWith("django.forms.", StringComparison.Ordinal))
                    types = [q];
                AddFieldTypes(cls, an.Id, types);
            }
            else if (s is FunctionDef fd && FunctionOf.TryGetValue(fd, out var fi))
            {
                cls.Methods.Add(fi);
                Functions[fi].Class = cls.Index;
            }
        }
    }

    /// <summary>`Literal[...]` of constants, also inside `Optional[...]` or as the first part of `Annotated[...]`.</summary>
    bool IsLiteral(Expr annotation)
    {
        if (annotation is not Subscript { Value: var head, Slice: var slice }) return false;
        var h = Model.QualifiedName(head) ?? SemanticModel.DottedName(head);
        if (h is "typing.Optional" or "Optional" or "typing_extensions.Optional") return IsLiteral(slice);
        if (h is "typing.Annotated" or "Annotated" or "typing_extensions.Annotated") return slice is TupleExpr { Elts.Count: > 0 } a && IsLiteral(a.Elts[0]);
        if (h is not ("typing.Literal" or "Literal" or "typing_extensions.Literal")) return false;
        return slice is TupleExpr t ? t.Elts.All(e => e is Constant) : slice is Constant;
    }

    /// <summary>Pydantic's string constraints that validate a field against a regular expression.</summary>
    static readonly HashSet<string> ConstraintCalls = new(StringComparer.Ordinal) { "constr", "Field", "StringConstraints", "Query", "Path", "Body", "Form" };

    /// <summary>
    /// The pattern a field's annotation or default constrains it to: `constr(pattern=…)`, `Field(…, pattern=…)`,
    /// `Annotated[str, StringConstraints(pattern=…)]` (`regex=` in Pydantic 1).
    /// </summary>
    string? FieldPattern(Expr e)
    {
        if (e is Subscript { Slice: TupleExpr { Elts.Count: > 1 } parts } annotated
            && (Model.QualifiedName(annotated.Value) ?? SemanticModel.DottedName(annotated.Value)) is "typing.Annotated" or "Annotated" or "typing_extensions.Annotated")
        {
            for (int i = 1; i < parts.Elts.Count; i++)
                if (FieldPattern(parts.Elts[i]) is { } inner) return inner;
            return null;
        }
        if (e is not Call c || (Model.QualifiedName(c.Func) ?? SemanticModel.DottedName(c.Func)) is not { } callee
            || !ConstraintCalls.Contains(callee[(callee.LastIndexOf('.') + 1)..]))
            return null;
        foreach (var k in c.Keywords)
            if (k.Name is "pattern" or "regex" && Model.Evaluate(k.Value)?.AsString is { } pattern) return pattern;
        return null;
    }

    /// <summary>The class `X.as_view()` is called on: this module's by its definition name, else the import-resolved name.</summary>
    string? ViewClassName(Expr e) =>
        e is Name n && Model.BindingOf(n) is { Kind: BindingKind.ClassDef, Node: ClassDef cd } ? Types.DefinitionName(cd)
        : e is Name or AttributeExpr ? Model.QualifiedName(e) ?? SemanticModel.DottedName(e)
        : null;

    internal void AddFieldTypes(IrClass cls, string field, IEnumerable<string> types)
    {
        if (!cls.FieldTypes.TryGetValue(field, out var existing)) existing = [];
        var list = new List<string>(existing);
        foreach (var t in types) if (!list.Contains(t)) list.Add(t);
        cls.FieldTypes[field] = list.Take(8).ToArray();
    }

    int? FunctionNamed(Name n)
    {
        foreach (var d in Model.ReachingDefinitions(n))
            if (d.Kind == DefinitionKind.Function && d.Node is FunctionDef f && FunctionOf.TryGetValue(f, out var i)) return i;
        if (Model.BindingOf(n) is { Kind: BindingKind.FunctionDef, Node: FunctionDef bf } && FunctionOf.TryGetValue(bf, out var bi)) return bi;
        return null;
    }

    internal ClassDef? LocalClass(Name n)
    {
        foreach (var d in Model.ReachingDefinitions(n))
            if (d.Kind == DefinitionKind.Class && d.Node is ClassDef c) return c;
        if (Model.BindingOf(n) is { Kind: BindingKind.ClassDef, Node: ClassDef bc }) return bc;
        return null;
    }

    Dictionary<string, Export> Exports()
    {
        var exports = new Dictionary<string, Export>(StringComparer.Ordinal);
        var scope = Model.ModuleScope;
        Dictionary<string, List<Definition>>? byName = null;
        foreach (var (name, bindings) in scope.Bindings)
        {
            if (bindings.Count == 0) continue;
            var last = bindings[^1];
            switch (last.Kind)
            {
                case BindingKind.FunctionDef when last.Node is FunctionDef f && FunctionOf.TryGetValue(f, out var fi):
                    exports[name] = new Export(ExportKind.Function, fi, null, []);
                    break;
                case BindingKind.ClassDef when last.Node is ClassDef c && ClassOf.TryGetValue(c, out var ci):
                    exports[name] = new Export(ExportKind.Class, ci, Types.DefinitionName(c), []);
                    break;
                case BindingKind.Import or BindingKind.FromImport or BindingKind.DynamicImport:
                    exports[name] = new Export(ExportKind.Import, -1, last.ImportedName, []);
                    break;
                default:
                    // The module's definitions by name, made once: every body is lowered by now, so the list is complete.
                    byName ??= DefinitionsByName(Model.DefinitionsIn(scope));
                    var defs = byName.TryGetValue(name, out var named) ? named : [];
                    var types = new List<string>();
                    foreach (var d in defs)
                        if (d.Kind != DefinitionKind.Narrowing)
                            foreach (var t in Types.TypeOf(d)) if (!types.Contains(t)) types.Add(t);
                    var functions = new List<int>();
                    foreach (var d in defs)
                    {
                        if (d.Kind == DefinitionKind.Assignment && d.Value is not null && Guards.ConstantCollection(d.Value, Model) is { } table)
                            foreach (var v in table)
                                if (v is Name fn && FunctionNamed(fn) is { } fi2) functions.Add(fi2);
                        // `reset = ResetView.as_view()`: the class-based view a route table may name by this variable.
                        if (d.Kind == DefinitionKind.Assignment && d.Value is Call { Func: AttributeExpr { Attr: "as_view", Value: var viewClass } }
                            && ViewClassName(viewClass) is { } viewName && !types.Contains(Lowering.AsViewType + viewName))
                            types.Add(Lowering.AsViewType + viewName);
                    }
                    exports[name] = new Export(ExportKind.Variable, -1, Key + "#" + name, types.ToArray()) { Functions = functions.ToArray() };
                    break;
            }
        }
        return exports;
    }

    /// <summary>The definitions of names (not access paths), by name, each list in the order found.</summary>
    static Dictionary<string, List<Definition>> DefinitionsByName(IReadOnlyList<Definition> all)
    {
        var byName = new Dictionary<string, List<Definition>>(StringComparer.Ordinal);
        for (int i = 0; i < all.Count; i++)
        {
            var d = all[i];
            if (d.Member is not null) continue;
            if (!byName.TryGetValue(d.Name, out var list)) byName[d.Name] = list = [];
            list.Add(d);
        }
        return byName;
    }

    string[] StarImports()
    {
        var list = new List<string>();
        foreach (var s in module.Body)
            if (s is ImportFrom { Names: [{ Name: "*" }] } from)
            {
                var target = from.Level == 0 ? from.Module : AbsoluteModule(from);
                if (target is not null) list.Add(target);
            }
        return list.ToArray();
    }

    string? AbsoluteModule(ImportFrom from)
    {
        if (Model.ModuleName is null) return new string('.', from.Level) + (from.Module ?? "");
        var parts = Model.ModuleName.Split('.').ToList();
        int drop = from.Level - (Model.IsPackage ? 1 : 0);
        if (drop > parts.Count) return null;
        parts.RemoveRange(parts.Count - drop, drop);
        if (from.Module is not null) parts.Add(from.Module);
        return string.Join('.', parts);
    }
}

/// <summary>Lowers one body: a value per expression and per definition, calls, effects, guards and sites.</summary>
sealed class FunctionLowerer(ModuleLowerer m, IrFunction f, Scope scope, Node owner)
{
    readonly SemanticModel _model = m.Model;
    // Field initialisers run in order: the buffers are cleared for this body first.
    readonly BodyBuffers _buffers = m.Buffers.Reset();
    List<IrValue> _values => _buffers.Values;
    List<int> _operands => _buffers.Operands;
    List<IrCall> _calls => _buffers.Calls;
    List<IrEffect> _effects => _buffers.Effects;
    List<IrGuard> _guards => _buffers.Guards;
    List<IrSite> _sites => _buffers.Sites;
    NodeMap<Node, int> _exprs => _buffers.Exprs;
    /// <summary>Values of definitions, by <see cref="Definition.Id"/> (unique within the model).</summary>
    Dictionary<int, int> _defs => _buffers.Definitions;
    /// <summary>In <see cref="_exprs"/>: the expression is being computed (a value that refers back to it gets Unknown).</summary>
    const int Computing = int.MinValue;
    /// <summary>
    /// Value ids being collected for a Phi, a container or a call, shared by nested computations: each user notes
    /// the count (its mark), pushes, and truncates back to its mark when done, so what a nested one pushed is gone
    /// by then. Saves a list per expression.
    /// </summary>
    List<int> _stack => _buffers.Stack;
    int _unknown = -1;

    const int MaxDepth = 200;
    int _depth;

    public void Lower()
    {
        switch (owner)
        {
            case FunctionDef fd:
                f.IsAsync = fd.IsAsync;
                f.ReturnTypes = m.Types.ReturnTypes(fd).ToArray();
                f.Params = Parameters(fd.Args, fd);
                f.Decorators = fd.DecoratorList.Select(Decorator).ToArray();
                foreach (var d in fd.DecoratorList)
                {
                    var n = SemanticModel.SimpleName(d);
                    if (n == "staticmethod") f.IsStatic = true;
                    if (n == "classmethod") f.IsClassMethod = true;
                }
                f.Start = fd.Start;
                f.End = fd.End;
                LowerGraph(_model.FlowGraph(fd));
                break;
            case Lambda l:
                f.Params = Parameters(l.Args, l);
                var body = ValueOf(l.Body);
                AddEffect(EffectKind.Return, -1, body, -1, -1, Site(l.Body, SiteKind.Return, null));
                break;
            case Module mod:
                LowerGraph(_model.FlowGraph(mod));
                break;
            case ClassDef c:
                if (c.DecoratorList.Any(d => d is Call) && m.ClassOf.TryGetValue(c, out var ci))
                    m.Classes[ci].CallDecorators = c.DecoratorList.Where(d => d is Call).Select(Decorator).ToArray();
                LowerGraph(_model.FlowGraph(c));
                break;
        }
        f.Values = _values.ToArray();
        f.Operands = _operands.ToArray();
        foreach (var c in _calls)
        {
            c.CalleeId = m.Str(c.Callee);
            c.MethodId = m.Str(c.Method);
        }
        f.Calls = _calls.ToArray();
        f.Effects = _effects.ToArray();
        f.Guards = _guards.ToArray();
        f.Sites = _sites.ToArray();
    }

    // ───────────── building blocks ─────────────

    int Add(IrValue v)
    {
        _values.Add(v);
        return _values.Count - 1;
    }

    int Add(IrOp op, ReadOnlySpan<int> operands, int s = -1, int n = -1, int site = -1, ValueShape shape = ValueShape.Unknown)
    {
        int start = _operands.Count;
        foreach (var o in operands) _operands.Add(o);
        return Add(new IrValue { Op = op, A = start, N = operands.Length == 0 && n >= 0 ? n : operands.Length, S = s, Site = site, Shape = shape });
    }

    /// <summary>A value whose operands are filled in later (definitions in loops refer to themselves).</summary>
    int Reserve() => Add(new IrValue { Op = IrOp.Unknown, S = -1, Site = -1, A = 0, N = 0 });

    /// <summary>Fills a reserved slot with a Phi of one operand.</summary>
    void Fill(int slot, int operand, int site)
    {
        int start = _operands.Count;
        _operands.Add(operand);
        _values[slot] = new IrValue { Op = IrOp.Phi, A = start, N = 1, S = -1, Site = site, Shape = ValueShape.Unknown };
    }

    int Const(string? text = null, ValueShape shape = ValueShape.Unknown) =>
        Add(new IrValue { Op = IrOp.Const, S = KeptText(text) is { } kept ? m.Str(kept) : -1, Site = -1, Shape = text is not null ? ValueShape.Str : shape });

    static string? KeptText(string? text) => text is { Length: > Lowering.MaxConstantText } ? null : text;

    int Unknown()
    {
        if (_unknown < 0) _unknown = Add(new IrValue { Op = IrOp.Unknown, S = -1, Site = -1 });
        return _unknown;
    }

    /// <summary>Any one of the operands, each once in the order first seen; the operand itself when there is one.</summary>
    int Phi(ReadOnlySpan<int> ops, int site = -1)
    {
        Span<int> distinct = ops.Length <= 64 ? stackalloc int[ops.Length] : new int[ops.Length];
        int count = 0;
        if (ops.Length <= 64)
        {
            foreach (var o in ops)
                if (distinct[..count].IndexOf(o) < 0) distinct[count++] = o;
        }
        else
        {
            var seen = new HashSet<int>();
            foreach (var o in ops)
                if (seen.Add(o)) distinct[count++] = o;
        }
        if (count == 1 && site < 0) return distinct[0];
        if (count == 0) return Unknown();
        return Add(IrOp.Phi, distinct[..count], site: site);
    }

    /// <summary>The Phi of what was pushed on <see cref="_stack"/> since <paramref name="mark"/>, which it pops.</summary>
    int PhiFrom(int mark, int site = -1)
    {
        var v = Phi(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_stack)[mark..], site);
        _stack.RemoveRange(mark, _stack.Count - mark);
        return v;
    }

    /// <summary>A container of the (key, value) pairs pushed on <see cref="_stack"/> since <paramref name="mark"/>, which it pops.</summary>
    int ContainerFrom(int mark)
    {
        var v = ContainerValue(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_stack)[mark..]);
        _stack.RemoveRange(mark, _stack.Count - mark);
        return v;
    }

    int Site(Node n, SiteKind kind, string? name) => Site(n, kind, m.Str(name));

    /// <summary>A site named by a string id (-1: no name).</summary>
    int Site(Node n, SiteKind kind, int name)
    {
        _sites.Add(new IrSite(n.Start, n.End, name, kind));
        return _sites.Count - 1;
    }

    void AddEffect(EffectKind kind, int obj, int value, int s, int types, int site) =>
        _effects.Add(new IrEffect { Kind = kind, Object = obj, Value = value, S = s, Types = types, Site = site });

    // ───────────── bodies ─────────────

    void LowerGraph(ControlFlowGraph? graph)
    {
        if (graph is null) return;
        var blocks = graph.Blocks;
        for (int b = 0; b < blocks.Count; b++)
        {
            if (!blocks[b].Reachable) continue;
            var steps = blocks[b].Steps;
            for (int i = 0; i < steps.Count; i++) Step(steps[i]);
        }
        // Variables shared with other bodies: module variables other modules and functions read, closure variables.
        // By index: computing a value may build another body, whose `global` stores and deletes join this list.
        var definitions = _model.DefinitionsIn(scope);
        for (int i = 0; i < definitions.Count; i++)
        {
            var d = definitions[i];
            if (d.Member is not null || d.Kind is DefinitionKind.Narrowing or DefinitionKind.Parameter or DefinitionKind.Import
                or DefinitionKind.Function or DefinitionKind.Class or DefinitionKind.Delete) continue;
            if (!IsShared(d)) continue;
            if (d.Bit < 0 && !ReferenceEquals(d.Scope, scope)) continue;
            var cell = CellKey(d.Scope, d.Name);
            if (cell is null) continue;
            var value = ValueOfDefinition(d);
            // At the definition, so a flow through the variable shows where it was set (not the body's first line).
            AddEffect(EffectKind.StoreCell, -1, value, m.Str(cell), -1, Site(d.Node, SiteKind.Store, d.Name));
        }
        // `global x` / `nonlocal x` assignments in this body define another scope's variable.
        for (int b = 0; b < blocks.Count; b++)
        {
            if (!blocks[b].Reachable) continue;
            var steps = blocks[b].Steps;
            for (int i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                var made = _model.DefinitionsAt(step);
                for (int k = 0; k < made.Count; k++)
                {
                    var d = made[k];
                    if (!ReferenceEquals(d.Scope, scope) && d.Bit < 0 && d.Member is null && CellKey(d.Scope, d.Name) is { } key)
                        AddEffect(EffectKind.StoreCell, -1, ValueOfDefinition(d), m.Str(key), -1, Site(step, SiteKind.Assignment, d.Name));
                }
            }
        }
    }

    /// <summary>A definition some other body reads: any module or class variable, or a variable a nested function uses.</summary>
    bool IsShared(Definition d)
    {
        if (d.Scope.Kind is ScopeKind.Module or ScopeKind.Class) return true;
        return m.Captured.TryGetValue(d.Scope, out var names) && names.Contains(d.Name);
    }

    /// <summary>The key of a variable shared between bodies: `module#name`, `module.Class.name` (a class attribute), `module#f.g#name` (a closure).</summary>
    string? CellKey(Scope s, string name) => s.Kind switch
    {
        ScopeKind.Module => m.Key + "#" + name,
        ScopeKind.Class => m.Types.DefinitionName(s.Node) + "." + name,
        ScopeKind.Function => m.Key + "#" + m.Types.DefinitionName(s.Node)[(m.Key.Length + 1)..] + "#" + name,
        _ => null,
    };

    void Step(Node step)
    {
        switch (step)
        {
            case Assign a:
                var value = ValueOf(a.Value);
                foreach (var t in a.Targets) StoreTargets(t, value, a);
                break;
            case AnnAssign { Value: { } av } an:
                StoreTargets(an.Target, ValueOf(av), an);
                break;
            case AugAssign aug:
                var augValue = ValueOf(aug.Value);
                if (aug.Target is AttributeExpr or Subscript)
                {
                    var current = ValueOf(aug.Target, asLoad: true);
                    var composed = Add(IrOp.Compose, [current, augValue]);
                    StoreTargets(aug.Target, composed, aug);
                }
                break;
            // A docstring or other bare constant does nothing: its text would only take room.
            case ExprStmt { Value: Constant }: break;
            case ExprStmt e: ValueOf(e.Value); break;
            case Return r:
                var rv = r.Value is null ? Const(null, ValueShape.None) : ValueOf(r.Value);
                AddEffect(EffectKind.Return, -1, rv, m.Str(DeclaredContentType(r.Value)), -1, Site(r, SiteKind.Return, null));
                break;
            case Raise r:
                if (r.Exc is not null) ValueOf(r.Exc);
                break;
            case Assert a:
                ValueOf(a.Test);
                if (a.Msg is not null) ValueOf(a.Msg);
                break;
            case Delete d:
                foreach (var t in d.Targets) if (t is not Name) ValueOf(t, asLoad: true);
                break;
            case WithItem w: ValueOf(w.ContextExpr); break;
            case Expr e: ValueOf(e); break;
        }
    }

    /// <summary>Stores into attributes and items become effects (names are definitions, read where they are used).</summary>
    void StoreTargets(Expr target, int value, Node statement)
    {
        switch (target)
        {
            case AttributeExpr a:
                var obj = ValueOf(a.Value);
                if (statement is Assign or AnnAssign && a.Value is Name selfName && f.Kind == FunctionKind.Function && owner is FunctionDef method
                    && _model.Parent(method) is ClassDef cls && m.ClassOf.TryGetValue(cls, out var ci) && IsFirstParameter(selfName, method))
                {
                    var valueExpr = statement is Assign asg ? asg.Value : ((AnnAssign)statement).Value;
                    var types = statement is AnnAssign { Annotation: var ann } && m.Types.Annotation(ann) is { } at ? [at] : valueExpr is null ? [] : m.Types.TypeOf(valueExpr);
                    if (types.Count > 0) m.AddFieldTypes(m.Classes[ci], a.Attr, types);
                }
                AddEffect(EffectKind.StoreAttr, obj, value, m.Str(a.Attr), m.TypeList(m.Types.TypeOf(a.Value)), Site(statement, SiteKind.Store, m.DottedStr(target) is >= 0 and var dotted ? dotted : m.Str(a.Attr)));
                break;
            case Subscript s:
                var container = ValueOf(s.Value);
                var keyValue = ValueOf(s.Slice);
                var keyText = KeyText(s.Slice);
                var containerTypes = m.TypeList(m.Types.TypeOf(s.Value));
                var storeSite = Site(statement, SiteKind.Store, m.DottedStr(s.Value));
                AddEffect(EffectKind.StoreItem, container, value, m.Str(keyText), containerTypes, storeSite);
                if (keyText is null && s.Slice is not Slice) AddEffect(EffectKind.StoreKey, container, keyValue, -1, containerTypes, storeSite);
                break;
            case TupleExpr or ListExpr:
                var elts = target is TupleExpr t ? t.Elts : ((ListExpr)target).Elts;
                for (int i = 0; i < elts.Count; i++)
                    if (elts[i] is AttributeExpr or Subscript or TupleExpr or ListExpr)
                        StoreTargets(elts[i], Add(IrOp.Element, [value], s: m.Str(IndexText(i))), statement);
                break;
            case Starred st:
                StoreTargets(st.Value, value, statement);
                break;
        }
    }

    static readonly string[] SmallIndices = [.. Enumerable.Range(0, 32).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The text of an element index (`0`, `1`…), without a new string for the common small ones.</summary>
    static string IndexText(int i) => i < SmallIndices.Length ? SmallIndices[i] : i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    string? KeyText(Expr key) => key switch
    {
        Constant { ValueKind: ConstantKind.Str } c => c.AsString,
        Constant { ValueKind: ConstantKind.Int } i => i.AsInt!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => _model.Evaluate(key) is { Kind: ValueKind.Str or ValueKind.Int } v ? v.ToPythonString() : null,
    };

    static bool IsFirstParameter(Name n, FunctionDef method) =>
        method.Args.Posonlyargs.Count > 0 ? method.Args.Posonlyargs[0].Name == n.Id : method.Args.Args.Count > 0 && method.Args.Args[0].Name == n.Id;

    // ───────────── parameters and decorators ─────────────

    IrParam[] Parameters(Arguments args, Node node)
    {
        var list = new List<IrParam>();
        int index = 0;
        int positional = args.Posonlyargs.Count + args.Args.Count;
        int firstDefault = positional - args.Defaults.Count;
        int i = 0;
        foreach (var a in args.Posonlyargs.Concat(args.Args))
        {
            var p = Param(a, index++, ParameterKind.Positional);
            if (i >= firstDefault) Default(p, args.Defaults[i - firstDefault]);
            list.Add(p);
            i++;
        }
        if (args.Vararg is not null) list.Add(Param(args.Vararg, index++, ParameterKind.VarArgs));
        for (int k = 0; k < args.Kwonlyargs.Count; k++)
        {
            var p = Param(args.Kwonlyargs[k], index++, ParameterKind.KeywordOnly);
            if (k < args.KwDefaults.Count && args.KwDefaults[k] is { } d) Default(p, d);
            list.Add(p);
        }
        if (args.Kwarg is not null) list.Add(Param(args.Kwarg, index++, ParameterKind.VarKeywords));
        _ = node;
        return list.ToArray();
    }

    IrParam Param(Arg a, int index, ParameterKind kind)
    {
        var p = new IrParam { Name = a.Name, Index = index, Kind = kind, Start = a.Start, End = a.End };
        if (a.Annotation is { } ann)
        {
            p.Annotation = m.Types.Annotation(ann);
            var names = new List<string>();
            new AnnotationNames(_model, names, m).Visit(ann);
            p.AnnotationNames = names.ToArray();
        }
        return p;
    }

    sealed class AnnotationNames(SemanticModel model, List<string> names, ModuleLowerer m) : AstWalker
    {
        public override void Visit(Node node)
        {
            switch (node)
            {
                case Name n:
                    if (m.LocalClass(n) is { } lc) names.Add(m.Types.DefinitionName(lc));
                    else names.Add(model.QualifiedName(n) ?? n.Id);
                    return;
                case AttributeExpr a:
                    names.Add(model.QualifiedName(a) ?? SemanticModel.DottedName(a) ?? a.Attr);
                    return;
                case Call c:
                    // `Query(pattern=...)` inside `Annotated[...]`
                    names.Add("call:" + (model.QualifiedName(c.Func) ?? SemanticModel.DottedName(c.Func) ?? "?"));
                    foreach (var k in c.Keywords)
                        if (k.Name is not null && model.Evaluate(k.Value) is { Kind: ValueKind.Str } v) names.Add("kw:" + k.Name + "=" + v.AsString);
                    return;
            }
            node.WalkChildren(this);
        }
    }

    void Default(IrParam p, Expr d)
    {
        p.HasDefault = true;
        p.DefaultIsBool = d is Constant { ValueKind: ConstantKind.True or ConstantKind.False };
        if (d is not Call c) return;
        p.DefaultCallee = _model.QualifiedName(c.Func) ?? SemanticModel.DottedName(c.Func);
        foreach (var k in c.Keywords)
            if (k.Name is not null && _model.Evaluate(k.Value) is { } v)
                (p.DefaultKeywords ??= new(StringComparer.Ordinal))[k.Name] = v;
        if (c.Args.Count > 0) p.DefaultTarget = RefOf(c.Args[0]);
        foreach (var k in c.Keywords) if (k.Name == "dependency") p.DefaultTarget = RefOf(k.Value);
    }

    IrDecorator Decorator(Expr d)
    {
        var dec = new IrDecorator();
        var func = d;
        if (d is Call c)
        {
            dec.IsCall = true;
            func = c.Func;
            dec.Constants = c.Args.Select(a => _model.Evaluate(a)).ToArray();
            foreach (var k in c.Keywords)
                if (k.Name is not null && _model.Evaluate(k.Value) is { } v)
                    (dec.Keywords ??= new(StringComparer.Ordinal))[k.Name] = v;
                else if (k.Name is not null && NameOf(k.Value) is { } named)
                    (dec.KeywordNames ??= new(StringComparer.Ordinal))[k.Name] = named;
        }
        if (_model.QualifiedName(func) is { } q) dec.Callee = q;
        if (func is AttributeExpr a)
        {
            dec.Method = a.Attr;
            dec.ReceiverTypes = TypesOf(a.Value);
            if (dec.ReceiverTypes.Length == 0 && SemanticModel.DottedName(a.Value) is { } dotted) dec.ReceiverTypes = ["=name:" + dotted];
        }
        else if (func is Name n && dec.Callee is null) dec.Callee = n.Id;
        return dec;
    }

    /// <summary>What a dotted name refers to, as calls name it: a class of this module by its definition name, else the import-resolved name.</summary>
    string? NameOf(Expr e) =>
        e is Name n && _model.BindingOf(n) is { Kind: BindingKind.ClassDef, Node: ClassDef cd } ? m.Types.DefinitionName(cd)
        : e is Name or AttributeExpr ? _model.QualifiedName(e) ?? SemanticModel.DottedName(e)
        : null;

    /// <summary>
    /// The content type a returned `(body, headers)` or `(body, status, headers)` tuple declares with a constant
    /// `Content-Type` in a dict display (Flask sends the body with it), or null.
    /// </summary>
    string? DeclaredContentType(Expr? returned)
    {
        if (returned is not TupleExpr { Elts.Count: 2 or 3 } t || t.Elts[^1] is not DictExpr headers) return null;
        for (int i = 0; i < headers.Keys.Count; i++)
            if (headers.Keys[i] is { } k && _model.Evaluate(k)?.AsString is { } name && name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                return _model.Evaluate(headers.Values[i])?.AsString;
        return null;
    }

    // ───────────── expressions ─────────────

    int ValueOf(Expr e, bool asLoad = false)
    {
        // An expression being computed is marked in the same table (an exception abandons the whole module).
        if (_exprs.TryGetValue(e, out var known)) return known == Computing ? Unknown() : known;
        if (_depth > MaxDepth) return Unknown();
        _exprs[e] = Computing;
        _depth++;
        int v;
        try { v = Compute(e, asLoad); }
        finally { _depth--; }
        _exprs[e] = v;
        return v;
    }

    int Compute(Expr e, bool asLoad)
    {
        switch (e)
        {
            case Constant c:
                return c.ValueKind == ConstantKind.Str ? Const(c.AsString) : Const(null, c.ValueKind is ConstantKind.Int or ConstantKind.Float or ConstantKind.True or ConstantKind.False ? ValueShape.Number : ValueShape.Unknown);
            case Name n: return NameValue(n);
            case AttributeExpr a: return Attribute(a, asLoad);
            case Subscript s: return Item(s, asLoad);
            case Call call: return CallValue(call);
            case JoinedStr j: return FString(j);
            case BinOp b: return BinaryOp(b);
            case BoolOp bo:
            {
                int mark = _stack.Count;
                for (int i = 0; i < bo.Values.Count; i++) _stack.Add(ValueOf(bo.Values[i]));
                return PhiFrom(mark);
            }
            case IfExp ie:
                if (_model.Evaluate(ie.Test) is { } test) { ValueOf(ie.Test); return ValueOf(test.Truthy ? ie.Body : ie.Orelse); }
                ValueOf(ie.Test);
                return Phi([GuardedBranch(ie.Test, ie.Body, true), GuardedBranch(ie.Test, ie.Orelse, false)]);
            case Compare cmp:
                ValueOf(cmp.Left);
                for (int i = 0; i < cmp.Comparators.Count; i++) ValueOf(cmp.Comparators[i]);
                return Const(null, ValueShape.Number);
            case UnaryOp u:
                ValueOf(u.Operand);
                return Const(null, ValueShape.Number);
            case TupleExpr or ListExpr or SetExpr:
            {
                var elts = e switch { TupleExpr t => t.Elts, ListExpr l => l.Elts, _ => ((SetExpr)e).Elts };
                int mark = _stack.Count;
                for (int i = 0; i < elts.Count; i++)
                {
                    bool starred = elts[i] is Starred;
                    _stack.Add(starred || e is SetExpr ? -1 : m.Str(IndexText(i)));
                    _stack.Add(starred ? Add(IrOp.Element, [ValueOf(((Starred)elts[i]).Value)]) : ValueOf(elts[i]));
                }
                return ContainerFrom(mark);
            }
            case DictExpr d:
            {
                int mark = _stack.Count;
                for (int i = 0; i < d.Values.Count; i++)
                {
                    if (d.Keys[i] is { } k)
                    {
                        var keyValue = ValueOf(k);
                        var keyText = KeyText(k);
                        _stack.Add(m.Str(keyText));
                        _stack.Add(ValueOf(d.Values[i]));
                        if (keyText is null) { _stack.Add(-1); _stack.Add(keyValue); }
                    }
                    else { _stack.Add(-1); _stack.Add(ValueOf(d.Values[i])); }
                }
                return ContainerFrom(mark);
            }
            case ListComp or SetComp or GeneratorExp or DictComp:
                return Comprehension(e);
            case Lambda l:
                return m.FunctionOf.TryGetValue(l, out var li) ? Add(new IrValue { Op = IrOp.FuncRef, A = li, S = -1, Site = -1 }) : Unknown();
            case Await aw: return ValueOf(aw.Value);
            case Yield y:
                var yv = y.Value is null ? Const(null, ValueShape.None) : ValueOf(y.Value);
                f.IsGenerator = true;
                AddEffect(EffectKind.Yield, -1, yv, -1, -1, Site(y, SiteKind.Yield, null));
                return Unknown();
            case YieldFrom yf:
                f.IsGenerator = true;
                AddEffect(EffectKind.Yield, -1, Add(IrOp.Element, [ValueOf(yf.Value)]), -1, -1, Site(yf, SiteKind.Yield, null));
                return Unknown();
            case NamedExpr ne: return ValueOf(ne.Value);
            case Starred st: return ValueOf(st.Value);
            case Slice sl:
                if (sl.Lower is not null) ValueOf(sl.Lower);
                if (sl.Upper is not null) ValueOf(sl.Upper);
                if (sl.Step is not null) ValueOf(sl.Step);
                return Const(null, ValueShape.Number);
            case FormattedValue fv: return ValueOf(fv.Value);
            default:
                return Unknown();
        }
    }

    int ContainerValue(ReadOnlySpan<int> pairs)
    {
        int start = _operands.Count;
        _operands.AddRange(pairs);
        return Add(new IrValue { Op = IrOp.Container, A = start, N = pairs.Length / 2, S = -1, Site = -1, Shape = ValueShape.Container });
    }

    /// <summary>`a if test else b`: each branch sees the names the test narrows.</summary>
    int GuardedBranch(Expr test, Expr branch, bool polarity)
    {
        var v = ValueOf(branch);
        if (branch is not Name n) return v;
        var guard = Guards.Interpret(test, polarity, n.Id, _model, m.Catalog);
        if (guard.Clears == 0) guard = CollectionGuard(test, polarity, n.Id);
        if (guard.Clears == 0) return v;
        _guards.Add(guard);
        return Add(new IrValue { Op = IrOp.Refine, A = AddOperands([v]), N = _guards.Count - 1, S = -1, Site = -1 });
    }

    /// <summary>Membership in a collection the code computes: the value becomes one of its items (<see cref="IrGuard.Collection"/>).</summary>
    IrGuard CollectionGuard(Node condition, bool polarity, string name) =>
        Guards.MembershipCollection(condition, polarity, name) is { } collection ? new IrGuard(SinkKinds.All, false, ValueOf(collection)) : default;

    int AddOperands(ReadOnlySpan<int> ops)
    {
        int start = _operands.Count;
        foreach (var o in ops) _operands.Add(o);
        return start;
    }

    int Comprehension(Expr comp)
    {
        var generators = SemanticModel.Generators(comp)!;
        foreach (var g in generators)
        {
            ValueOf(g.Iter);
            foreach (var c in g.Ifs) ValueOf(c);
        }
        switch (comp)
        {
            case DictComp dc:
                ValueOf(dc.Key);
                return ContainerValue([-1, ValueOf(dc.Value)]);
            case ListComp lc: return ContainerValue([-1, ValueOf(lc.Elt)]);
            case SetComp sc: return ContainerValue([-1, ValueOf(sc.Elt)]);
            default: return ContainerValue([-1, ValueOf(((GeneratorExp)comp).Elt)]);
        }
    }

    // ───────────── names and definitions ─────────────

    int NameValue(Name n)
    {
        var defs = _model.ReachingDefinitions(n);
        if (defs.Count == 0)
        {
            if (!_model.HasReachingDefinitions(n) && _model.BindingOf(n) is { IsImport: true, ImportedName: { } imported })
                return GlobalValue(imported, n);
            // A builtin, or an undefined name.
            return _model.BindingOf(n) is null ? Add(new IrValue { Op = IrOp.Global, S = m.Str(n.Id), N = -1, Site = Site(n, SiteKind.Expression, n.Id) }) : Unknown();
        }
        int mark = _stack.Count;
        List<Definition>? outside = null;
        for (int i = 0; i < defs.Count; i++)
        {
            var d = defs[i];
            if (IsOwnDefinition(d)) _stack.Add(ValueOfDefinition(d));
            else (outside ??= []).Add(d);
        }
        if (outside is not null) _stack.Add(OutsideValue(n, outside));
        var members = _model.ReachingMemberDefinitions(n);
        for (int i = 0; i < members.Count; i++)
            if (IsOwnDefinition(members[i])) _stack.Add(PlacedMember(members[i]));
        return PhiFrom(mark);
    }

    /// <summary>
    /// What a store into an access path (`o.a = v`, `o["k"] = v`) makes of the whole object: the object with that
    /// member holding the value (<see cref="IrOp.Container"/> with <see cref="IrValue.S"/> 1, shape unknown). A use of
    /// the whole object sees what was stored, and a read of the same member sees it too; a read of another member
    /// (`o.b`, `o["other"]`) does not, as it would if the stored value were taken for the object itself.
    /// </summary>
    int PlacedMember(Definition d)
    {
        var value = ValueOfDefinition(d);
        string? key = d.Target switch
        {
            AttributeExpr a => "." + a.Attr,
            Subscript s when KeyText(s.Slice) is { } k => "[" + k + "]",
            _ => null,
        };
        if (key is null) return value;
        return Add(new IrValue { Op = IrOp.Container, A = AddOperands([m.Str(key), value]), N = 1, S = 1, Site = -1, Shape = ValueShape.Unknown });
    }

    /// <summary>Definitions this body computes itself: its own, or those of a comprehension or lambda it contains.</summary>
    bool IsOwnDefinition(Definition d)
    {
        if (ReferenceEquals(d.Scope, scope)) return d.Bit >= 0 || d.Kind == DefinitionKind.Parameter;
        if (d.Scope.Kind == ScopeKind.Comprehension)
        {
            for (var s = d.Scope; s is not null; s = s.Parent)
            {
                if (ReferenceEquals(s, scope)) return true;
                if (s.Kind != ScopeKind.Comprehension) return false;
            }
        }
        if (d.Scope.Kind == ScopeKind.Lambda && ReferenceEquals(d.Scope.Node, owner)) return true;
        return false;
    }

    /// <summary>A name defined in another body: a module-level constant, import, function or class is used directly; anything else is shared through a cell.</summary>
    int OutsideValue(Name use, List<Definition> defs)
    {
        int mark = _stack.Count;
        bool variable = false;
        foreach (var d in defs)
        {
            switch (d.Kind)
            {
                case DefinitionKind.Import:
                    _stack.Add(ImportedName(d) is { } q ? GlobalValue(q, use) : Unknown());
                    break;
                case DefinitionKind.Function when d.Node is FunctionDef fd && m.FunctionOf.TryGetValue(fd, out var fi):
                    _stack.Add(Add(new IrValue { Op = IrOp.FuncRef, A = fi, S = -1, Site = -1 }));
                    break;
                case DefinitionKind.Class when d.Node is ClassDef cd:
                    _stack.Add(Add(new IrValue { Op = IrOp.ClassRef, S = m.Str(m.Types.DefinitionName(cd)), Site = -1, N = -1 }));
                    break;
                default:
                    variable = true;
                    break;
            }
        }
        if (variable)
        {
            var key = CellKey(defs[0].Scope, use.Id);
            var constant = _model.Evaluate(use);
            // A shared variable that starts as a literal collection (`CACHE = {}`, `SEEN = []`) may be filled by another
            // function (`CACHE[k] = v`), which this body's definitions do not show: it is read as the shared variable.
            bool collection = constant is null && IsConstantCollection(use);
            bool shared = key is not null && (collection || constant is { Kind: ValueKind.List or ValueKind.Dict or ValueKind.Tuple });
            if (constant is not null && !shared) _stack.Add(Const(constant.Kind == ValueKind.Str ? constant.AsString : null, constant.Kind == ValueKind.Str ? ValueShape.Str : ValueShape.Number));
            else if (collection && !shared) _stack.Add(Const(null, ValueShape.Container));
            else if (key is not null)
                _stack.Add(Add(new IrValue { Op = IrOp.Cell, S = m.Str(key), N = m.TypeList(m.Types.TypeOf(use)), Site = -1 }));
            else _stack.Add(Unknown());
        }
        return PhiFrom(mark);
    }

    /// <summary>The qualified name an import definition binds (the binding made by the same statement).</summary>
    static string? ImportedName(Definition d)
    {
        var bindings = d.Scope.BindingsOf(d.Name);
        for (int i = 0; i < bindings.Count; i++)
            if (ReferenceEquals(bindings[i].Node, d.Node) && bindings[i].IsImport) return bindings[i].ImportedName;
        return null;
    }

    int GlobalValue(string qualified, Node? at = null) =>
        Add(new IrValue { Op = IrOp.Global, S = m.Str(qualified), N = m.TypeList(m.Catalog.GlobalType(qualified) is { } t ? [t] : []),
            Site = at is null ? -1 : Site(at, SiteKind.Expression, qualified) });

    int ValueOfDefinition(Definition d)
    {
        if (_defs.TryGetValue(d.Id, out var known)) return known;
        var slot = Reserve();
        _defs[d.Id] = slot;
        int operand;
        int site = -1;
        switch (d.Kind)
        {
            case DefinitionKind.Parameter:
                _values[slot] = new IrValue { Op = IrOp.Param, A = d.ParameterIndex, S = m.Str(d.Name), Site = Site(d.Node, SiteKind.Parameter, d.Name) };
                return slot;
            case DefinitionKind.Assignment or DefinitionKind.Walrus or DefinitionKind.With when d.Value is not null:
                operand = Unpacked(d.Value, d.Unpack, d.Starred);
                site = Site(d.Node, SiteKind.Assignment, d.Place);
                break;
            case DefinitionKind.AugmentedAssignment when d.Node is AugAssign aug:
                var prior = PriorValue(d);
                // `args += ["-o", out]`: a list (or tuple) display added to a list extends it; the items at known
                // indices stay where they are.
                if (aug.Op == Operator.Add && aug.Value is ListExpr or TupleExpr && !ExtendsShellCommand(d))
                {
                    _values[slot] = new IrValue { Op = IrOp.Insert, A = AddOperands([prior, ValueOf(aug.Value)]), N = 2, S = 2, Site = Site(d.Node, SiteKind.Assignment, d.Place) };
                    return slot;
                }
                _values[slot] = new IrValue { Op = IrOp.Compose, A = AddOperands([prior, ValueOf(aug.Value)]), N = 2, S = -1, Site = Site(d.Node, SiteKind.Assignment, d.Place), Shape = ValueShape.Unknown };
                return slot;
            case DefinitionKind.Loop or DefinitionKind.Comprehension when d.Value is not null:
                var item = Add(IrOp.Element, [ValueOf(d.Value)]);
                operand = d.Unpack is null ? item : UnpackValue(item, d.Unpack, 0, d.Starred);
                site = Site(d.Node is For fr ? fr.Target : d.Node, SiteKind.Assignment, d.Place);
                break;
            case DefinitionKind.Match when d.Value is not null:
                operand = Add(IrOp.Element, [ValueOf(d.Value)]);
                break;
            case DefinitionKind.Import:
                operand = ImportedName(d) is { } q ? GlobalValue(q, d.Node) : Unknown();
                break;
            case DefinitionKind.Function when d.Node is FunctionDef fd && m.FunctionOf.TryGetValue(fd, out var fi):
                _values[slot] = new IrValue { Op = IrOp.FuncRef, A = fi, S = -1, Site = -1 };
                return slot;
            case DefinitionKind.Class when d.Node is ClassDef cd:
                _values[slot] = new IrValue { Op = IrOp.ClassRef, S = m.Str(m.Types.DefinitionName(cd)), Site = -1, N = -1 };
                return slot;
            case DefinitionKind.Narrowing:
                var priors = PriorValue(d);
                var guard = d.Condition is null ? default : Guards.Interpret(d.Condition, d.Polarity, d.Name, _model, m.Catalog);
                if (guard.Clears == 0 && d.Condition is not null) guard = CollectionGuard(d.Condition, d.Polarity, d.Name);
                if (guard.Clears == 0)
                {
                    _values[slot] = new IrValue { Op = IrOp.Phi, A = AddOperands([priors]), N = 1, S = -1, Site = -1 };
                    return slot;
                }
                _guards.Add(guard);
                _values[slot] = new IrValue { Op = IrOp.Refine, A = AddOperands([priors]), N = _guards.Count - 1, S = -1, Site = -1 };
                return slot;
            case DefinitionKind.Mutation:
                int mark = _stack.Count;
                _stack.Add(PriorValue(d));
                // What is added joins what the object held; a removal (`pop`, `remove`) adds nothing.
                if (d.Value is Call mc && !IsRemoval(mc))
                {
                    for (int i = 0; i < mc.Args.Count; i++) _stack.Add(ValueOf(mc.Args[i]));
                    for (int i = 0; i < mc.Keywords.Count; i++) _stack.Add(ValueOf(mc.Keywords[i].Value));
                }
                else if (d.Value is not null) _stack.Add(ValueOf(d.Value));
                var added = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_stack)[mark..];
                // S: 1 when the call moves items between indices, 2 when it adds at the end (a list's), -1 otherwise.
                int shifts = d.Value is Call { Func: AttributeExpr { Attr: "pop" or "insert" or "remove" or "reverse" or "sort" or "appendleft" or "popleft" or "extendleft" } } ? 1
                    : d.Value is Call { Func: AttributeExpr { Attr: "append" or "extend" } } && !ExtendsShellCommand(d) ? 2 : -1;
                _values[slot] = new IrValue { Op = IrOp.Insert, A = AddOperands(added), N = added.Length, S = shifts, Site = -1 };
                _stack.RemoveRange(mark, _stack.Count - mark);
                return slot;
            default:
                operand = Unknown();
                break;
        }
        Fill(slot, operand, site);
        return slot;
    }

    /// <summary>The values the definitions before a narrowing, mutation or augmented assignment give.</summary>
    int PriorValue(Definition d)
    {
        int mark = _stack.Count;
        var prior = d.Prior;
        for (int i = 0; i < prior.Count; i++) _stack.Add(ValueOfDefinition(prior[i]));
        return PhiFrom(mark);
    }

    /// <summary>The element an unpacking target gets: straight from a tuple display when there is one.</summary>
    int Unpacked(Expr value, IReadOnlyList<int>? unpack, bool starred)
    {
        if (unpack is null) return ValueOf(value);
        Expr e = value;
        for (int i = 0; i < unpack.Count; i++)
        {
            var elts = e switch { TupleExpr t => t.Elts, ListExpr l => l.Elts, _ => null };
            if (elts is null || HasStarred(elts) || unpack[i] >= elts.Count)
                return UnpackValue(ValueOf(e), unpack, i, starred);
            e = elts[unpack[i]];
        }
        return starred ? Add(IrOp.Element, [ValueOf(e)]) : ValueOf(e);
    }

    static bool HasStarred(IReadOnlyList<Expr> elts)
    {
        for (int i = 0; i < elts.Count; i++) if (elts[i] is Starred) return true;
        return false;
    }

    /// <summary>The element at the unpacking path from position <paramref name="from"/> on.</summary>
    int UnpackValue(int value, IReadOnlyList<int> path, int from, bool starred)
    {
        var v = value;
        for (int k = from; k < path.Count; k++) v = Add(IrOp.Element, [v], s: starred ? -1 : m.Str(IndexText(path[k])));
        return v;
    }

    // ───────────── attributes and items ─────────────

    int Attribute(AttributeExpr a, bool asLoad)
    {
        if (_model.QualifiedName(a) is { } q && IsModuleRooted(a)) return GlobalValue(q, a);
        if (_model.HasReachingDefinitions(a) && OwnDefinitionsValue(a, null) is { } own) return own;
        var obj = ValueOf(a.Value);
        _ = asLoad;
        return Add(new IrValue
        {
            Op = IrOp.LoadAttr, A = AddOperands([obj]), N = m.TypeList(m.Types.TypeOf(a.Value)), S = m.Str(a.Attr),
            Site = Site(a, SiteKind.Expression, m.DottedStr(a)),
        });
    }

    /// <summary>`os.environ`, `flask.request.args`: a dotted name rooted in an import, not a local variable.</summary>
    bool IsModuleRooted(Expr e)
    {
        while (e is AttributeExpr a) e = a.Value;
        if (e is not Name n) return false;
        var defs = _model.ReachingDefinitions(n);
        if (defs.Count == 0) return _model.BindingOf(n) is { IsImport: true };
        for (int i = 0; i < defs.Count; i++)
            if (defs[i].Kind != DefinitionKind.Import) return false;
        return true;
    }

    /// <summary>
    /// The Phi of the definitions of an access path (`x.a`, `x["k"]`) this body makes that reach the use, or null when
    /// none does; <paramref name="first"/> is computed before them when there are some (the subscripted object).
    /// </summary>
    int? OwnDefinitionsValue(Expr use, Expr? first)
    {
        var defs = _model.ReachingDefinitions(use);
        bool any = false;
        for (int i = 0; i < defs.Count && !any; i++) any = IsOwnDefinition(defs[i]);
        if (!any) return null;
        if (first is not null) ValueOf(first);
        int mark = _stack.Count;
        for (int i = 0; i < defs.Count; i++)
            if (IsOwnDefinition(defs[i])) _stack.Add(ValueOfDefinition(defs[i]));
        return PhiFrom(mark);
    }

    /// <summary>
    /// Whether the list a definition adds to may start `sh -c` (a shell and its option, by display): what is added is
    /// the script, and the sinks' conditions that recognise such a list read it as a constant, which a list added to
    /// is not. Those additions are kept at unknown positions, where the program's sink sees them.
    /// </summary>
    static bool ExtendsShellCommand(Definition d)
    {
        // Most lists are added to once, right after their display: no walk, nothing allocated.
        if (d.Prior is [{ Kind: DefinitionKind.Assignment } only])
            return only.Value is ListExpr { Elts: [Constant { AsString: { } first }, ..] } && IsShell(first);
        var seen = new HashSet<Definition>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<Definition>();
        pending.Push(d);
        while (pending.Count > 0)
        {
            var at = pending.Pop();
            if (!seen.Add(at)) continue;
            if (seen.Count > 64) return true;
            foreach (var prior in at.Prior)
            {
                if (prior.Kind is DefinitionKind.Mutation or DefinitionKind.AugmentedAssignment or DefinitionKind.Narrowing) pending.Push(prior);
                else if (prior.Kind is DefinitionKind.Assignment && prior.Value is ListExpr { Elts: [Constant { AsString: { } program }, ..] } && IsShell(program)) return true;
            }
        }
        return false;
    }

    /// <summary>A shell by its program name or path (`sh`, `/bin/bash`).</summary>
    static bool IsShell(string program) =>
        program[(program.LastIndexOf('/') + 1)..] is "sh" or "bash" or "zsh" or "dash" or "ksh" or "csh" or "tcsh" or "ash" or "fish";

    static bool IsRemoval(Call c) => c.Func is AttributeExpr { Attr: "pop" or "popleft" or "popitem" or "remove" or "discard" or "clear" };

    /// <summary>
    /// `s.replace("'", "&apos;")`: every occurrence of one character replaced by text without it leaves none, so the
    /// result is safe where that character is what breaks out (a quote for an XPath literal, `<` for HTML, a line
    /// break for a log line). A longer needle is not: one pass of `replace("../", "")` turns `....//` into `../`.
    /// </summary>
    int? CharacterRemoved(Call call)
    {
        if (call.Func is not AttributeExpr { Attr: "replace", Value: var receiver } || call.Args.Count != 2 || call.Keywords.Count > 0) return null;
        if (_model.Evaluate(call.Args[0])?.AsString is not { Length: 1 } needle || _model.Evaluate(call.Args[1])?.AsString is not { } replacement) return null;
        if (replacement.Contains(needle, StringComparison.Ordinal)) return null;
        var clears = Guards.AbsentSubstring(needle);
        if (clears == 0) return null;
        var inner = ValueOf(receiver);
        return Add(new IrValue { Op = IrOp.Sanitize, A = AddOperands([inner]), N = (int)clears, S = -1, Site = -1, Shape = ValueShape.Str });
    }

    int Item(Subscript s, bool asLoad)
    {
        if (_model.ReplayedElement(s) is { } element) return ValueOf(element);
        if (_model.HasReachingDefinitions(s) && OwnDefinitionsValue(s, s.Value) is { } own) return own;
        var obj = ValueOf(s.Value);
        var key = ValueOf(s.Slice);
        _ = asLoad;
        // A lookup in a constant table (`COLUMNS[sort]`) gives one of its constant values, unless the table is another
        // body's variable, which a function may fill (`CACHE[k] = v`): then it is read as that variable (see OutsideValue).
        if (Guards.ConstantCollection(s.Value, _model) is { } table && !IsSharedName(s.Value)) return TableValue(table);
        var keyText = KeyText(s.Slice);
        var site = Site(s, SiteKind.Expression, m.DottedStr(s.Value));
        return keyText is not null
            ? Add(new IrValue { Op = IrOp.LoadItem, A = AddOperands([obj]), N = 1, S = m.Str(keyText), Site = site })
            : Add(new IrValue { Op = IrOp.LoadItem, A = AddOperands([obj, key]), N = 2, S = -1, Site = site });
    }

    /// <summary>A name some of whose reaching definitions are another body's variable (a module or closure variable).</summary>
    bool IsSharedName(Expr e)
    {
        if (e is not Name n) return false;
        var defs = _model.ReachingDefinitions(n);
        for (int i = 0; i < defs.Count; i++)
            if (!IsOwnDefinition(defs[i]) && defs[i].Kind is not (DefinitionKind.Import or DefinitionKind.Function or DefinitionKind.Class)
                && CellKey(defs[i].Scope, n.Id) is not null) return true;
        return false;
    }

    /// <summary>A name whose every definition is a display of constants (a tuple, list, set or dict of literals, or of names of literals).</summary>
    bool IsConstantCollection(Expr e) => Guards.ConstantCollection(e, _model) is not null;

    // ───────────── strings ─────────────

    int FString(JoinedStr j)
    {
        // The parts go on the shared stack (every nested value pops what it pushed), not into a list per f-string.
        int mark = _stack.Count;
        for (int i = 0; i < j.Values.Count; i++)
        {
            var v = j.Values[i];
            if (v is Constant { ValueKind: ConstantKind.Str } c) _stack.Add(Const(c.AsString));
            else if (v is FormattedValue fv)
            {
                var inner = ValueOf(fv.Value);
                if (fv.FormatSpec is not null) ValueOf(fv.FormatSpec);
                // `!r` escapes line breaks; a numeric format spec (`:d`, `:.2f`) only accepts numbers.
                if (fv.Conversion == 'r' || fv.Conversion == 'a') inner = Escaped(inner);
                else if (fv.FormatSpec is JoinedStr { Values: [Constant { ValueKind: ConstantKind.Str } spec] } && NumericSpec(spec.AsString!))
                    inner = Const(null, ValueShape.Number);
                _stack.Add(inner);
            }
            else _stack.Add(ValueOf(v));
        }
        if (_model.Evaluate(j) is { Kind: ValueKind.Str } whole)
        {
            _stack.RemoveRange(mark, _stack.Count - mark);
            return Const(whole.AsString);
        }
        return ComposeFrom(mark);
    }

    static bool NumericSpec(string spec) => spec.Length > 0 && spec[^1] is 'd' or 'f' or 'e' or 'g' or 'x' or 'o' or 'b' or 'n' or '%' or 'X' or 'E' or 'F' or 'G';

    int ComposeValue(List<int> parts) => ComposeValue(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(parts));

    int ComposeFrom(int mark)
    {
        var v = ComposeValue(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_stack)[mark..]);
        _stack.RemoveRange(mark, _stack.Count - mark);
        return v;
    }

    int ComposeValue(ReadOnlySpan<int> parts)
    {
        // Adjacent constants fold into one (the prefix before a tainted part is what sanitises it). The operands are
        // written straight after the existing ones: making a constant adds a value, never an operand.
        int start = _operands.Count;
        var pending = _buffers.Text.Clear();
        int pieces = 0;
        string single = "";
        foreach (var p in parts)
        {
            var v = _values[p];
            if (v.Op == IrOp.Const && v.Shape == ValueShape.Str)
            {
                var text = v.S >= 0 ? m.StrText(v.S) : "";
                if (pieces == 0) single = text;
                else
                {
                    if (pieces == 1) pending.Append(single);
                    pending.Append(text);
                }
                pieces++;
                continue;
            }
            if (pieces > 0) { _operands.Add(Const(pieces == 1 ? single : pending.ToString())); pending.Clear(); pieces = 0; }
            _operands.Add(p);
        }
        if (pieces > 0) _operands.Add(Const(pieces == 1 ? single : pending.ToString()));
        return Add(new IrValue { Op = IrOp.Compose, A = start, N = _operands.Count - start, S = -1, Site = -1, Shape = ValueShape.Str });
    }

    int BinaryOp(BinOp b)
    {
        if (_model.Evaluate(b) is { } constant)
            return constant.Kind == ValueKind.Str ? Const(constant.AsString) : Const(null, ValueShape.Number);
        if (b.Op == Operator.Mod && b.Left is Constant { ValueKind: ConstantKind.Str } fmt)
            return PercentFormat(fmt.AsString!, b.Right);
        if (b.Op == Operator.Add)
        {
            int mark = _stack.Count;
            Flatten(b);
            return ComposeFrom(mark);
        }
        var left = ValueOf(b.Left);
        var right = ValueOf(b.Right);
        // `base / name` on paths: an absolute `name` replaces the base, so the result is not a string with a fixed prefix.
        if (b.Op == Operator.Div && TypesOf(b).Contains("pathlib.Path")) return Add(IrOp.Phi, [left, right]);
        // Arithmetic: numbers cannot inject, but string repetition (`s * 2`) and unknown operands keep their taint.
        return Add(IrOp.Compose, [left, right]);
    }

    /// <summary>Pushes the operands of a chain of `+` on <see cref="_stack"/>.</summary>
    void Flatten(Expr e)
    {
        if (e is BinOp { Op: Operator.Add } b && _model.Evaluate(b) is null) { Flatten(b.Left); Flatten(b.Right); }
        else _stack.Add(ValueOf(e));
    }

    /// <summary>`"… '%s' …" % value`: the literal's pieces around each conversion, with the values in order.</summary>
    int PercentFormat(string format, Expr right)
    {
        var values = right is TupleExpr t ? t.Elts.Select(x => ValueOf(x)).ToList() : [ValueOf(right)];
        if (right is DictExpr) values = [ValueOf(right)];
        var parts = new List<int>();
        int next = 0, start = 0;
        foreach (var (at, end, conv, _) in PercentFields(format))
        {
            parts.Add(Const(format[start..at].Replace("%%", "%")));
            if (next < values.Count || right is DictExpr)
            {
                var value = right is DictExpr ? values[0] : values[next++];
                parts.Add(IsNumberConversion(conv) ? Const(null, ValueShape.Number) : conv is 'r' or 'a' ? Escaped(value) : value);
            }
            start = end;
        }
        if (start < format.Length) parts.Add(Const(format[start..].Replace("%%", "%")));
        // Values the format does not place (a mismatch, a dict): keep them.
        for (; next < values.Count && right is not DictExpr; next++) parts.Add(values[next]);
        return ComposeValue(parts);
    }

    /// <summary>
    /// The conversions of a `%` format in order: where each starts (its `%`), where it ends, its conversion character
    /// and whether it names a mapping key (`%(name)s`). `%%` is none.
    /// </summary>
    static List<(int Start, int End, char Conversion, bool Named)> PercentFields(string format)
    {
        var fields = new List<(int, int, char, bool)>();
        for (int i = 0; i < format.Length; i++)
        {
            if (format[i] != '%') continue;
            if (i + 1 < format.Length && format[i + 1] == '%') { i++; continue; }
            int j = i + 1;
            bool named = false;
            if (j < format.Length && format[j] == '(') { var close = format.IndexOf(')', j); if (close > 0) { j = close + 1; named = true; } }
            while (j < format.Length && "#0- +*.0123456789hlL".Contains(format[j])) j++;
            fields.Add((i, j + 1, j < format.Length ? format[j] : 's', named));
            i = j;
        }
        return fields;
    }

    static bool IsNumberConversion(char c) => c is 'd' or 'i' or 'f' or 'F' or 'e' or 'E' or 'g' or 'G' or 'x' or 'X' or 'o' or 'u' or 'c';

    /// <summary>A value written with `repr()` (`%r`, `{x!r}`): quotes and escapes make it one line, so it cannot forge log lines or headers.</summary>
    int Escaped(int value) => Add(new IrValue { Op = IrOp.Sanitize, A = AddOperands([value]), N = (int)(SinkKinds.Log | SinkKinds.Header), S = -1, Site = -1 });

    /// <summary>Logging methods: the first argument (the second of `log`) is a `%` format the logger fills with the rest.</summary>
    static readonly HashSet<string> LoggingMethods = new(StringComparer.Ordinal) { "debug", "info", "warning", "warn", "error", "critical", "fatal", "exception", "log" };
    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LoggingMethodsBySpan = LoggingMethods.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// `logger.info("user %r", name)`: the logger formats the arguments itself, so an argument written with `%r`
    /// (or a number conversion, which fails on a string) reaches the log as escaped text.
    /// </summary>
    void LoggingArguments(Call call, ReadOnlySpan<char> method, int[] args)
    {
        // Asked of every call: the method's name is looked up as a slice of the callee, never cut into a string.
        if (method.IsEmpty || !LoggingMethodsBySpan.Contains(method)) return;
        int formatAt = method.SequenceEqual("log") ? 1 : 0;
        if (call.Args.Count <= formatAt + 1 || call.Args.Any(a => a is Starred) || _model.Evaluate(call.Args[formatAt])?.AsString is not { } format) return;
        var fields = PercentFields(format);
        for (int k = 0; k < fields.Count && formatAt + 1 + k < args.Length; k++)
        {
            if (fields[k].Named) return;
            if (fields[k].Conversion is 'r' or 'a' || IsNumberConversion(fields[k].Conversion))
                args[formatAt + 1 + k] = Escaped(args[formatAt + 1 + k]);
        }
    }

    /// <summary>`"…{}…{name}…".format(a, name=b)`: the literal's pieces around each field, with the arguments in place.</summary>
    int StrFormat(string format, Call call)
    {
        var positional = call.Args.Select(a => ValueOf(a)).ToList();
        var named = new Dictionary<string, int>(StringComparer.Ordinal);
        var rest = new List<int>();
        foreach (var k in call.Keywords)
        {
            var v = ValueOf(k.Value);
            if (k.Name is not null) named[k.Name] = v; else rest.Add(v);
        }
        var parts = new List<int>();
        int auto = 0, start = 0;
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c == '{' && i + 1 < format.Length && format[i + 1] == '{') { i++; continue; }
            if (c == '}' && i + 1 < format.Length && format[i + 1] == '}') { i++; continue; }
            if (c != '{') continue;
            int close = format.IndexOf('}', i);
            if (close < 0) break;
            parts.Add(Const(format[start..i].Replace("{{", "{").Replace("}}", "}")));
            var field = format[(i + 1)..close];
            var spec = "";
            var colon = field.IndexOf(':');
            if (colon >= 0) { spec = field[(colon + 1)..]; field = field[..colon]; }
            var bang = field.IndexOf('!');
            var conversion = "";
            if (bang >= 0) { conversion = field[(bang + 1)..]; field = field[..bang]; }
            var head = field.Split('.', '[')[0];
            int value;
            if (head.Length == 0) value = auto < positional.Count ? positional[auto++] : Unknown();
            else if (int.TryParse(head, out var idx)) value = idx < positional.Count ? positional[idx] : Unknown();
            else value = named.TryGetValue(head, out var nv) ? nv : rest.Count > 0 ? Phi(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rest)) : Unknown();
            if (NumericSpec(spec)) value = Const(null, ValueShape.Number);
            else if (conversion is "r" or "a") value = Escaped(value);
            parts.Add(value);
            start = close + 1;
            i = close;
        }
        if (start < format.Length) parts.Add(Const(format[start..].Replace("{{", "{").Replace("}}", "}")));
        return ComposeValue(parts);
    }

    // ───────────── calls ─────────────

    /// <summary>An entry of a table fixed in the source: a constant, or one of its functions (a dispatch table).</summary>
    int TableValue(IReadOnlyList<Expr> table)
    {
        var functions = new List<int>();
        foreach (var v in table)
            if (RefOf(v) is { Local: >= 0 } r) functions.Add(Add(new IrValue { Op = IrOp.FuncRef, A = r.Local, S = -1, Site = -1 }));
        return functions.Count > 0 ? Phi(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(functions)) : Const(null, ValueShape.Unknown);
    }

    int CallValue(Call call)
    {
        if (call.Func is AttributeExpr { Attr: "format", Value: Constant { ValueKind: ConstantKind.Str } fmt })
            return StrFormat(fmt.AsString!, call);
        if (_model.ReplayedOption(call) is { } option)
        {
            foreach (var a in call.Args) ValueOf(a);
            return ValueOf(option);
        }
        if (CharacterRemoved(call) is { } removed) return removed;
        // `TABLE.get(key, default)` on a constant table gives one of its values (or the default).
        if (call.Func is AttributeExpr { Attr: "get", Value: var tableExpr } && Guards.ConstantCollection(tableExpr, _model) is { } table && tableExpr is not DictExpr { Keys.Count: 0 })
        {
            foreach (var a in call.Args) ValueOf(a);
            var entry = TableValue(table);
            return call.Args.Count > 1 ? Phi([entry, ValueOf(call.Args[1])]) : entry;
        }

        var c = new IrCall();
        var func = call.Func;
        Call? bound = null;
        // The callee: an import-rooted name, a function or class of this module, a method of some object.
        switch (func)
        {
            case Name n:
                bound = Callee(n, c);
                break;
            case AttributeExpr a when _model.QualifiedName(a) is { } q && IsModuleRooted(a):
                // `module.function(...)`, or a method of an imported object (`request.args.get`, `app.route`):
                // which one is decided over the project, so the receiver is kept too.
                c.Callee = q;
                c.Method = a.Attr;
                c.Receiver = ValueOf(a.Value);
                c.ReceiverTypes = TypesOf(a.Value);
                break;
            case AttributeExpr a:
                c.Receiver = ValueOf(a.Value);
                c.Method = a.Attr;
                c.ReceiverTypes = TypesOf(a.Value);
                if (a.Value is Call { Func: Name { Id: "super" } } && EnclosingClass() is { } cls)
                    c.ReceiverTypes = ["=super:" + m.Types.DefinitionName(cls)];
                break;
            case Subscript s:
                // A constant dispatch table: `HANDLERS[kind](args)` calls one of its functions.
                if (Guards.ConstantCollection(s.Value, _model) is { } dispatch)
                    c.Targets = TableTargets(dispatch);
                ValueOf(s.Value);
                ValueOf(s.Slice);
                break;
            default:
                c.Receiver = ValueOf(func);
                break;
        }
        // Arrays of the exact size: the partial's bound arguments first, then the call's; facts positional then keyword.
        int boundPositional = bound is null ? 0 : Math.Max(0, bound.Args.Count - 1);
        int boundKeywords = bound?.Keywords.Count ?? 0;
        int positional = boundPositional + call.Args.Count, keywords = boundKeywords + call.Keywords.Count;
        var args = positional == 0 ? [] : new int[positional];
        var kwNames = keywords == 0 ? [] : new string?[keywords];
        var kwValues = keywords == 0 ? [] : new int[keywords];
        var consts = positional + keywords == 0 ? [] : new ConstValue?[positional + keywords];
        var names = positional + keywords == 0 ? [] : new string?[positional + keywords];
        var refs = positional + keywords == 0 ? [] : new FunctionRef?[positional + keywords];
        int ai = 0, ki = 0;
        if (bound is not null)
        {
            for (int i = 1; i < bound.Args.Count; i++)
            {
                args[ai] = BoundValue(bound.Args[i] is Starred bs ? bs.Value : bound.Args[i]);
                ArgFacts(bound.Args[i], consts, names, refs, ai++);
            }
            for (int i = 0; i < bound.Keywords.Count; i++)
            {
                var k = bound.Keywords[i];
                kwNames[ki] = k.Name;
                kwValues[ki] = BoundValue(k.Value);
                ArgFacts(k.Value, consts, names, refs, positional + ki++);
            }
        }
        for (int i = 0; i < call.Args.Count; i++)
        {
            var a = call.Args[i];
            if (a is Starred st) { c.StarredAt = c.StarredAt < 0 ? ai : c.StarredAt; args[ai] = ValueOf(st.Value); }
            else args[ai] = ValueOf(a);
            ArgFacts(a, consts, names, refs, ai++);
        }
        for (int i = 0; i < call.Keywords.Count; i++)
        {
            var k = call.Keywords[i];
            kwNames[ki] = k.Name;
            kwValues[ki] = ValueOf(k.Value);
            ArgFacts(k.Value, consts, names, refs, positional + ki++);
        }
        if (bound is null) LoggingArguments(call, c.Method is { } called ? called : c.Callee is { } callee ? callee.AsSpan(callee.LastIndexOf('.') + 1) : default, args);
        c.Args = args;
        c.KeywordNames = kwNames;
        c.KeywordValues = kwValues;
        // Most calls have no constant, dotted-name or function argument at all: those keep no row of nulls.
        c.Constants = Array.TrueForAll(consts, x => x is null) ? [] : consts;
        c.Names = Array.TrueForAll(names, x => x is null) ? [] : names;
        c.Refs = Array.TrueForAll(refs, x => x is null) ? [] : refs;
        c.IsPartial = c.Callee == "functools.partial";

        var name = m.DottedStr(func);
        c.Site = Site(call, SiteKind.Call, name >= 0 ? name : m.Str(c.Method ?? c.Callee));
        _calls.Add(c);
        c.Result = Add(new IrValue { Op = IrOp.Call, A = _calls.Count - 1, S = -1, Site = c.Site, N = -1 });
        return c.Result;
    }

    /// <summary>The static types of an expression as an array; the resolver's own (never changed by anyone), not a copy.</summary>
    string[] TypesOf(Expr e) => m.Types.TypeOf(e) is string[] a ? a : [.. m.Types.TypeOf(e)];

    ClassDef? EnclosingClass()
    {
        for (var p = _model.Parent(owner); p is not null; p = _model.Parent(p))
            if (p is ClassDef c) return c;
        return null;
    }

    void ArgFacts(Expr a, ConstValue?[] consts, string?[] names, FunctionRef?[] refs, int at)
    {
        var value = _model.Evaluate(a);
        // What conditions read of an argument is short (a content type, `shell=True`, a headers dict): a large list or
        // table is data, held through the whole project phase for each call passing it.
        consts[at] = value is { Kind: ValueKind.Str, AsString.Length: > Lowering.MaxConstantText } or { Size: > Lowering.MaxArgumentConstantSize } ? null : value;
        names[at] = a is Name or AttributeExpr ? _model.QualifiedName(a) ?? SemanticModel.DottedName(a) : null;
        refs[at] = RefOf(a);
    }

    /// <summary>A reference to a function: a def or lambda of this module, an imported function, `View.as_view()`.</summary>
    FunctionRef? RefOf(Expr a, int depth = 0)
    {
        // A name bound to `X.as_view()` is followed to X; in a loop (`v = v.as_view()`) that would never end.
        if (depth > 8) return null;
        switch (a)
        {
            case Name n:
                foreach (var d in _model.ReachingDefinitions(n))
                {
                    if (d.Kind == DefinitionKind.Function && d.Node is FunctionDef fd && m.FunctionOf.TryGetValue(fd, out var fi)) return FunctionRef.ToLocal(fi);
                    if (d.Kind == DefinitionKind.Class && d.Node is ClassDef cd) return FunctionRef.ToQualified(m.Types.DefinitionName(cd));
                    if (d.Kind is DefinitionKind.Assignment && d.Value is Lambda lam && m.FunctionOf.TryGetValue(lam, out var lf)) return FunctionRef.ToLocal(lf);
                    // `reset = ResetView.as_view()`, then `re_path(…, reset)`.
                    if (d.Kind is DefinitionKind.Assignment && d.Value is Call { Func: AttributeExpr { Attr: "as_view" } } asView) return RefOf(asView, depth + 1);
                }
                if (_model.BindingOf(n) is { IsImport: true, ImportedName: { } q }) return FunctionRef.ToQualified(q);
                if (_model.BindingOf(n) is { Kind: BindingKind.FunctionDef, Node: FunctionDef bf } && m.FunctionOf.TryGetValue(bf, out var bfi)) return FunctionRef.ToLocal(bfi);
                if (_model.BindingOf(n) is { Kind: BindingKind.ClassDef, Node: ClassDef bc }) return FunctionRef.ToQualified(m.Types.DefinitionName(bc));
                return null;
            case AttributeExpr attr:
                if (_model.QualifiedName(attr) is { } aq) return FunctionRef.ToQualified(aq);
                if (attr.Value is Name self && m.Types.TypeOf(self) is [var selfType] && !selfType.StartsWith('='))
                    return FunctionRef.ToQualified(selfType + "." + attr.Attr);
                return null;
            case Lambda l:
                return m.FunctionOf.TryGetValue(l, out var li) ? FunctionRef.ToLocal(li) : null;
            case Call { Func: AttributeExpr { Attr: "as_view", Value: var view } }:
                return RefOf(view, depth + 1) is { } v ? (v.Qualified is not null ? FunctionRef.ToQualified(v.Qualified, asView: true) : v) : null;
            default:
                return null;
        }
    }

    int[] TableTargets(IReadOnlyList<Expr> table)
    {
        var targets = new List<int>();
        foreach (var v in table)
            if (RefOf(v) is { Local: >= 0 } r) targets.Add(r.Local);
        return targets.ToArray();
    }

    /// <summary>Resolves a called name; returns the `functools.partial(...)` call it is bound to, if it is one.</summary>
    Call? Callee(Name n, IrCall c)
    {
        Call? partial = null;
        var defs = _model.ReachingDefinitions(n);
        if (defs.Count == 0)
        {
            var q = _model.QualifiedName(n);
            if (_model.BindingOf(n) is { Kind: BindingKind.FunctionDef, Node: FunctionDef bf } && m.FunctionOf.TryGetValue(bf, out var bfi))
                c.Targets = [bfi];
            else if (_model.BindingOf(n) is { Kind: BindingKind.ClassDef, Node: ClassDef bc })
                c.Callee = m.Types.DefinitionName(bc);
            else c.Callee = q ?? n.Id;
            return null;
        }
        var targets = new List<int>();
        foreach (var d in defs)
        {
            switch (d.Kind)
            {
                case DefinitionKind.Function when d.Node is FunctionDef fd && m.FunctionOf.TryGetValue(fd, out var fi):
                    targets.Add(fi);
                    break;
                case DefinitionKind.Class when d.Node is ClassDef cd:
                    c.Callee = m.Types.DefinitionName(cd);
                    break;
                case DefinitionKind.Import:
                    c.Callee ??= _model.QualifiedName(n) ?? d.Scope.BindingsOf(d.Name).FirstOrDefault(b => ReferenceEquals(b.Node, d.Node))?.ImportedName;
                    break;
                case DefinitionKind.Assignment or DefinitionKind.Walrus when d.Value is not null && d.Unpack is null:
                    // `run = functools.partial(subprocess.run, shell=True)`, `f = some_function`, `build = lambda …`
                    if (d.Value is Lambda lam && m.FunctionOf.TryGetValue(lam, out var lf)) targets.Add(lf);
                    else if (d.Value is Call { Args.Count: > 0 } pc && _model.QualifiedName(pc.Func) == "functools.partial" && RefOf(pc.Args[0]) is { } pr)
                    {
                        // Calling a partial is calling its function with the bound arguments first.
                        if (pr.Local >= 0) targets.Add(pr.Local);
                        else c.Callee ??= pr.Qualified;
                        partial ??= pc;
                    }
                    else if (RefOf(d.Value) is { } r)
                    {
                        if (r.Local >= 0) targets.Add(r.Local);
                        else c.Callee ??= r.Qualified;
                    }
                    else if (TableLookup(d.Value) is { } entries) targets.AddRange(entries);
                    else c.Receiver = ValueOf(n);
                    break;
                default:
                    c.Receiver = ValueOf(n);
                    break;
            }
        }
        c.Targets = targets.ToArray();
        if (c.Callee is null && targets.Count == 0 && c.Receiver < 0) c.Receiver = ValueOf(n);
        return partial;
    }

    /// <summary>`TABLE[key]` or `TABLE.get(key)` on a constant dispatch table: its functions.</summary>
    int[]? TableLookup(Expr e)
    {
        var table = e switch
        {
            Subscript s => Guards.ConstantCollection(s.Value, _model),
            Call { Func: AttributeExpr { Attr: "get", Value: var t } } => Guards.ConstantCollection(t, _model),
            _ => null,
        };
        if (table is null) return null;
        var targets = TableTargets(table);
        return targets.Length > 0 ? targets : null;
    }

    /// <summary>A bound argument of a partial: its value when computed here, its constant otherwise.</summary>
    int BoundValue(Expr e)
    {
        if (_model.ScopeOf(e) == scope || _model.ScopeOf(e).Kind == ScopeKind.Comprehension) return ValueOf(e);
        return _model.Evaluate(e) is { } v ? Const(v.Kind == ValueKind.Str ? v.AsString : null, v.Kind == ValueKind.Str ? ValueShape.Str : ValueShape.Number) : Unknown();
    }
}

/// <summary>
/// The working lists and tables of <see cref="FunctionLowerer"/>: a module's bodies are lowered one after another, so
/// one set serves them all, cleared between bodies (their capacity kept), instead of a new set per body.
/// </summary>
sealed class BodyBuffers
{
    public readonly List<IrValue> Values = [];
    public readonly List<int> Operands = [];
    public readonly List<IrCall> Calls = [];
    public readonly List<IrEffect> Effects = [];
    public readonly List<IrGuard> Guards = [];
    public readonly List<IrSite> Sites = [];
    public readonly NodeMap<Node, int> Exprs = new();
    public readonly Dictionary<int, int> Definitions = [];
    public readonly List<int> Stack = [];
    public readonly StringBuilder Text = new();

    /// <summary>
    /// The set of this thread: modules are lowered one at a time on a thread, so one set serves every module too (a set
    /// per module made its tables grow again from nothing in each). One grown large on a big body is let go: clearing it
    /// would then cost its whole size for every small body after it.
    /// </summary>
    public static BodyBuffers OfThisThread() =>
        t_buffers is { Exprs.Capacity: <= MaxKeptExpressions, Definitions.Capacity: <= MaxKeptExpressions, Values.Capacity: <= MaxKeptExpressions } kept
            ? kept : t_buffers = new BodyBuffers();

    const int MaxKeptExpressions = 1 << 14;
    [ThreadStatic] static BodyBuffers? t_buffers;

    public BodyBuffers Reset()
    {
        Values.Clear();
        Operands.Clear();
        Calls.Clear();
        Effects.Clear();
        Guards.Clear();
        Sites.Clear();
        Exprs.Clear();
        Definitions.Clear();
        Stack.Clear();
        Text.Clear();
        return this;
    }
}
