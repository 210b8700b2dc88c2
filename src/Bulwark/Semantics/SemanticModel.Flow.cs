using Bulwark.Python.Syntax;

namespace Bulwark.Semantics;

public sealed partial class SemanticModel
{
    readonly Dictionary<Node, ControlFlowGraph> _graphs = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<Node, Definition[]> _reaching = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<Name, Definition[]> _memberReaching = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<Scope, List<Definition>> _definitions = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<Node, List<Definition>> _definitionsByStep = new(ReferenceEqualityComparer.Instance);
    readonly HashSet<FunctionDef> _alwaysRaising = new(ReferenceEqualityComparer.Instance);
    bool _flowReady;
    int _definitionCount;

    /// <summary>Calls that end the flow like `raise`: the process exits or an HTTP error is raised.</summary>
    static readonly HashSet<string> NeverReturning = new(StringComparer.Ordinal)
    {
        "sys.exit", "exit", "quit", "os._exit", "os.abort", "flask.abort", "werkzeug.exceptions.abort", "quart.abort",
        "sanic.exceptions.abort", "pytest.fail", "pytest.skip", "pytest.exit", "typer.Exit",
    };

    /// <summary>The control-flow graph of a module, class or function body (not of lambdas and comprehensions).</summary>
    public ControlFlowGraph? FlowGraph(Node owner) => _graphs.TryGetValue(owner, out var g) ? g : null;

    /// <summary>
    /// The definitions that can reach a use: a Name load, or an Attribute/Subscript load of a tracked access path
    /// (`x.attr`, `x["k"]` after such a store in the same scope). Uses in the scope that binds the name see the
    /// definitions flowing to that point; uses from nested functions, lambdas or other scopes see every definition of
    /// the name in the scope that binds it (the code may run at any time). Empty for builtins, undefined names and
    /// unreachable code; for an access path, empty when no store of that path reaches (read the object instead).
    /// </summary>
    public IReadOnlyList<Definition> ReachingDefinitions(Expr use) =>
        _reaching.TryGetValue(use, out var defs) ? defs : [];

    /// <summary>Whether reaching definitions were computed for this use (false for code the analysis does not see: unreachable, or an untracked path).</summary>
    public bool HasReachingDefinitions(Expr use) => _reaching.ContainsKey(use);

    /// <summary>For a Name load: the definitions of its access paths (`x.a = …`, `x["k"] = …`) that reach the use, so a use of the whole object sees what was stored into it.</summary>
    public IReadOnlyList<Definition> ReachingMemberDefinitions(Name use) =>
        _memberReaching.TryGetValue(use, out var defs) ? defs : [];

    /// <summary>Every definition made in a scope (including narrowings and mutations), in the order found.</summary>
    public IReadOnlyList<Definition> DefinitionsIn(Scope scope) =>
        _definitions.TryGetValue(scope, out var list) ? list : [];

    /// <summary>The definitions a step makes (the targets of an assignment, the parameters of an Arguments node…).</summary>
    public IReadOnlyList<Definition> DefinitionsAt(Node step) =>
        _definitionsByStep.TryGetValue(step, out var list) ? list : [];

    /// <summary>A call that never returns: `sys.exit`, Flask's `abort`, or a function of this module that always raises.</summary>
    public bool NeverReturns(Call call)
    {
        var q = QualifiedName(call.Func);
        if (q is not null && (NeverReturning.Contains(q) || q.EndsWith(".abort", StringComparison.Ordinal) && q.Split('.').Length <= 3)) return true;
        if (call.Func is Name n && BindingOf(n) is { Kind: BindingKind.FunctionDef, Node: FunctionDef f }) return _alwaysRaising.Contains(f);
        return false;
    }

    /// <summary>`bool(test)` when it is known without flow analysis (module constants, literals): used to drop branches never taken.</summary>
    bool? StaticTruthiness(Expr test) => Evaluate(test)?.Truthy;

    void BuildFlow(Module module)
    {
        FindAlwaysRaising(module.Body);
        var builder = new FlowBuilder(this);
        builder.Run();
        _flowReady = true;
    }

    void FindAlwaysRaising(IReadOnlyList<Stmt> body)
    {
        foreach (var s in body)
        {
            if (s is FunctionDef f && f.Body.Count > 0 && f.Body[^1] is Raise && !ContainsReturn(f.Body)) _alwaysRaising.Add(f);
            else if (s is ClassDef c) FindAlwaysRaising(c.Body);
        }
    }

    static bool ContainsReturn(IReadOnlyList<Stmt> body)
    {
        var finder = new ReturnFinder();
        foreach (var s in body) finder.Visit(s);
        return finder.Found;
    }

    sealed class ReturnFinder : AstWalker
    {
        public bool Found;
        public override void Visit(Node node)
        {
            if (Found || node is FunctionDef or ClassDef or Lambda) return;
            if (node is Return or Yield or YieldFrom) { Found = true; return; }
            node.WalkChildren(this);
        }
    }

    Definition NewDefinition(string name, string? member, DefinitionKind kind, Scope scope, Node node)
    {
        var d = new Definition(_definitionCount++, name, member, kind, scope, node);
        if (!_definitions.TryGetValue(scope, out var list)) _definitions[scope] = list = [];
        list.Add(d);
        return d;
    }

    /// <summary>
    /// Builds the graph of every module, class and function body, then computes reaching definitions per body.
    /// Pass 1 creates every definition (so uses from nested scopes can see all of an outer scope's), pass 2 solves.
    /// </summary>
    sealed class FlowBuilder(SemanticModel model)
    {
        readonly List<BodyAnalysis> _bodies = [];
        // Uses resolved to every definition of the name in the scope that binds it.
        readonly List<(Name Use, Scope Resolving)> _flowInsensitive = [];

        public void Run()
        {
            foreach (var scope in model._scopes)
            {
                IReadOnlyList<Stmt>? body = scope.Node switch
                {
                    Module m => m.Body, ClassDef c => c.Body, FunctionDef f => f.Body, _ => null,
                };
                if (body is null) continue;
                var graph = ControlFlowGraph.Build(scope.Node, body, model.StaticTruthiness, model.NeverReturns);
                model._graphs[scope.Node] = graph;
                var analysis = new BodyAnalysis(model, scope, graph, this);
                analysis.CollectEvents();
                _bodies.Add(analysis);
            }
            foreach (var b in _bodies) b.Solve();
            foreach (var (use, resolving) in _flowInsensitive) Resolve(use, resolving);
        }

        public void AddFlowInsensitive(Name use, Scope resolving) => _flowInsensitive.Add((use, resolving));

        void Resolve(Name use, Scope resolving)
        {
            var all = model.DefinitionsIn(resolving);
            List<Definition>? found = null;
            foreach (var d in all)
                if (d.Member is null && d.Name == use.Id && d.Kind != DefinitionKind.Narrowing)
                    (found ??= []).Add(d);
            var arr = found?.ToArray() ?? [];
            model._reaching[use] = arr;
            foreach (var d in arr) d.AddUse(use);
        }
    }

    /// <summary>One body: its places, definitions, and the uses and definitions of each step in evaluation order.</summary>
    sealed class BodyAnalysis(SemanticModel model, Scope scope, ControlFlowGraph graph, FlowBuilder builder)
    {
        static readonly HashSet<string> Mutators = new(StringComparer.Ordinal)
        {
            "append", "extend", "insert", "add", "update", "setdefault", "appendleft", "extendleft", "__setitem__",
        };

        SemanticModel Model => model;
        Scope Owner => scope;
        FlowBuilder Builder => builder;

        readonly Dictionary<string, int> _places = new(StringComparer.Ordinal);
        readonly List<List<Definition>> _defsOfPlace = [];
        readonly List<List<int>> _membersOfPlace = []; // for a name: its access-path places
        readonly List<Definition> _defs = [];
        readonly List<Event>[] _events = new List<Event>[graph.Blocks.Count];
        readonly Dictionary<FlowEdge, List<Definition>> _edgeDefs = new(ReferenceEqualityComparer.Instance);

        readonly struct Event(int place, Node? use, Definition? def)
        {
            public int Place { get; } = place;
            public Node? Use { get; } = use;
            public Definition? Def { get; } = def;
        }

        List<Event> _sink = null!;

        public void CollectEvents()
        {
            foreach (var name in scope.Bindings.Keys)
                if (ReferenceEquals(scope.ResolvingScope(name), scope)) PlaceOf(name);
            new PathStoreScanner(this).Scan(scope.Node);
            foreach (var block in graph.Blocks)
            {
                _sink = _events[block.Index] = [];
                if (!block.Reachable) continue;
                foreach (var step in block.Steps) Step(step);
            }
            foreach (var block in graph.Blocks)
            {
                if (!block.Reachable) continue;
                foreach (var edge in block.Successors)
                {
                    if (edge.Condition is null || edge.Kind is not (EdgeKind.True or EdgeKind.False)) continue;
                    List<Definition>? narrowings = null;
                    foreach (var name in TestedNames(edge.Condition))
                    {
                        if (!_places.TryGetValue(name, out var place)) continue;
                        if (narrowings is not null && narrowings.Exists(d => d.Name == name)) continue;
                        var d = model.NewDefinition(name, null, DefinitionKind.Narrowing, scope, edge.Condition);
                        d.Condition = edge.Condition;
                        d.Polarity = edge.Kind == EdgeKind.True;
                        Register(d, place);
                        (narrowings ??= []).Add(d);
                    }
                    if (narrowings is not null)
                    {
                        _edgeDefs[edge] = narrowings;
                        edge.Narrowings = narrowings;
                    }
                }
            }
        }

        /// <summary>Names of this body tested by a condition: what a branch can tell something about.</summary>
        IEnumerable<string> TestedNames(Node condition)
        {
            if (condition is MatchCase)
            {
                // The subject of the enclosing match statement.
                if (model.Parent(condition) is MatchStmt { Subject: Name subject }) yield return subject.Id;
                yield break;
            }
            var names = new List<string>();
            new NameCollector(names).Visit(condition);
            foreach (var n in names) yield return n;
        }

        sealed class NameCollector(List<string> names) : AstWalker
        {
            public override void Visit(Node node)
            {
                switch (node)
                {
                    case Lambda or ListComp or SetComp or DictComp or GeneratorExp: return;
                    case Name { Ctx: ExprContext.Load } n:
                        if (!names.Contains(n.Id)) names.Add(n.Id);
                        return;
                }
                node.WalkChildren(this);
            }
        }

        int PlaceOf(string key, int root = -1)
        {
            if (_places.TryGetValue(key, out var p)) return p;
            p = _defsOfPlace.Count;
            _places[key] = p;
            _defsOfPlace.Add([]);
            _membersOfPlace.Add([]);
            if (root >= 0) _membersOfPlace[root].Add(p);
            return p;
        }

        /// <summary>A name this body binds (tracked flow-sensitively).</summary>
        bool IsLocal(string name) => ReferenceEquals(scope.ResolvingScope(name), scope) && scope.BindingsOf(name).Count > 0
                                     || _places.ContainsKey(name);

        int? NamePlace(string name)
        {
            if (_places.TryGetValue(name, out var p)) return p;
            if (!IsLocal(name)) return null;
            return PlaceOf(name);
        }

        static Name? RootOf(Expr target) => target switch
        {
            AttributeExpr { Value: Name n } => n,
            Subscript { Value: Name n } => n,
            _ => null,
        };

        static string? MemberKey(Expr target) => target switch
        {
            AttributeExpr a => "." + a.Attr,
            Subscript { Slice: Constant { ValueKind: ConstantKind.Str } k } => "[" + PyRepr(k.AsString!) + "]",
            Subscript { Slice: Constant { ValueKind: ConstantKind.Int } i } => "[" + i.AsInt!.Value + "]",
            _ => null,
        };

        static string PyRepr(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

        /// <summary>Creates the access-path places a body stores into, before any use is seen (loops read before they store).</summary>
        sealed class PathStoreScanner(BodyAnalysis owner) : AstWalker
        {
            public void Scan(Node scopeNode)
            {
                IReadOnlyList<Stmt> body = scopeNode switch
                {
                    Module m => m.Body, ClassDef c => c.Body, FunctionDef f => f.Body, _ => [],
                };
                foreach (var s in body) Visit(s);
            }

            public override void Visit(Node node)
            {
                switch (node)
                {
                    case FunctionDef or ClassDef or Lambda: return;
                    case AttributeExpr { Ctx: ExprContext.Store, Value: Name root } a: Add(root, a); break;
                    case Subscript { Ctx: ExprContext.Store, Value: Name root } s: Add(root, s); break;
                    case AugAssign { Target: AttributeExpr or Subscript } aug:
                        if (RootOf(aug.Target) is { } augRoot) Add(augRoot, aug.Target);
                        break;
                }
                node.WalkChildren(this);
            }

            void Add(Name root, Expr target)
            {
                if (MemberKey(target) is not { } member || owner.NamePlace(root.Id) is not { } r) return;
                owner.PlaceOf(root.Id + member, r);
            }
        }

        void Register(Definition d, int place)
        {
            d.Bit = _defs.Count;
            d.PlaceIndex = place;
            _defs.Add(d);
            _defsOfPlace[place].Add(d);
        }

        void RecordStep(Node step, Definition d)
        {
            if (!model._definitionsByStep.TryGetValue(step, out var list)) model._definitionsByStep[step] = list = [];
            list.Add(d);
        }

        Definition Define(string name, string? member, DefinitionKind kind, Node step, int place)
        {
            var d = model.NewDefinition(name, member, kind, scope, step);
            Register(d, place);
            RecordStep(step, d);
            _sink.Add(new Event(place, null, d));
            return d;
        }

        /// <summary>A store to a name this body does not own (`global`/`nonlocal`): a definition of the owning scope, seen by every use of it.</summary>
        void DefineOutside(string name, DefinitionKind kind, Node step, Expr? target, Expr? value)
        {
            var owner = scope.ResolvingScope(name);
            if (owner is null) return;
            var d = model.NewDefinition(name, null, kind, owner, step);
            d.Target = target;
            d.Value = value;
            RecordStep(step, d);
        }

        // ───────────── steps, in evaluation order ─────────────

        void Step(Node step)
        {
            switch (step)
            {
                case Arguments args: Parameters(args); break;
                case Assign a:
                    Uses(a.Value);
                    foreach (var t in a.Targets) Target(t, a.Value, a, DefinitionKind.Assignment, null);
                    break;
                case AnnAssign a:
                    if (a.Value is null) { if (a.Target is not Name) Uses(a.Target); break; }
                    Uses(a.Value);
                    Target(a.Target, a.Value, a, DefinitionKind.Assignment, null);
                    break;
                case AugAssign a:
                    Uses(a.Target, asLoad: true);
                    Uses(a.Value);
                    AugTarget(a);
                    break;
                case For f: Target(f.Target, f.Iter, f, DefinitionKind.Loop, null); break;
                case WithItem w:
                    Uses(w.ContextExpr);
                    if (w.OptionalVars is not null) Target(w.OptionalVars, w.ContextExpr, w, DefinitionKind.With, null);
                    break;
                case ExceptHandler h:
                    if (h.Type is not null) Uses(h.Type);
                    if (h.Name is not null) DefineName(h.Name, DefinitionKind.Except, h, null, null);
                    break;
                case MatchCase c:
                    var subject = (model.Parent(c) as MatchStmt)?.Subject;
                    Pattern(c.Pattern, c, subject);
                    break;
                case FunctionDef f:
                    foreach (var d in f.DecoratorList) Uses(d);
                    foreach (var d in f.Args.Defaults) Uses(d);
                    foreach (var d in f.Args.KwDefaults) if (d is not null) Uses(d);
                    DefineName(f.Name, DefinitionKind.Function, f, null, null);
                    break;
                case ClassDef c:
                    foreach (var d in c.DecoratorList) Uses(d);
                    foreach (var b in c.Bases) Uses(b);
                    foreach (var k in c.Keywords) Uses(k.Value);
                    DefineName(c.Name, DefinitionKind.Class, c, null, null);
                    break;
                case Import imp:
                    foreach (var a in imp.Names)
                        DefineName(a.AsName ?? a.Name.Split('.')[0], DefinitionKind.Import, imp, null, null);
                    break;
                case ImportFrom from:
                    foreach (var a in from.Names)
                        if (a.Name != "*") DefineName(a.AsName ?? a.Name, DefinitionKind.Import, from, null, null);
                    break;
                case Delete del:
                    foreach (var t in del.Targets)
                    {
                        if (t is Name n) DefineName(n.Id, DefinitionKind.Delete, del, n, null);
                        else Uses(t);
                    }
                    break;
                case TypeAlias ta:
                    Uses(ta.Value);
                    if (ta.Name is Name tn) DefineName(tn.Id, DefinitionKind.Other, ta, tn, null);
                    break;
                case Return r: if (r.Value is not null) Uses(r.Value); break;
                case Raise r:
                    if (r.Exc is not null) Uses(r.Exc);
                    if (r.Cause is not null) Uses(r.Cause);
                    break;
                case Assert a:
                    Uses(a.Test);
                    if (a.Msg is not null) Uses(a.Msg);
                    break;
                case ExprStmt e: Uses(e.Value); break;
                case Expr e: Uses(e); break;
            }
        }

        void Parameters(Arguments args)
        {
            int index = 0;
            foreach (var a in args.Posonlyargs) Parameter(a, index++);
            foreach (var a in args.Args) Parameter(a, index++);
            if (args.Vararg is not null) Parameter(args.Vararg, index++);
            foreach (var a in args.Kwonlyargs) Parameter(a, index++);
            if (args.Kwarg is not null) Parameter(args.Kwarg, index++);
        }

        void Parameter(Arg a, int index)
        {
            if (NamePlace(a.Name) is not { } place) return;
            var d = Define(a.Name, null, DefinitionKind.Parameter, a, place);
            d.ParameterIndex = index;
        }

        Definition? DefineName(string name, DefinitionKind kind, Node step, Expr? target, Expr? value)
        {
            if (NamePlace(name) is not { } place)
            {
                DefineOutside(name, kind, step, target, value);
                return null;
            }
            var d = Define(name, null, kind, step, place);
            d.Target = target;
            d.Value = value;
            return d;
        }

        void Target(Expr target, Expr? value, Node step, DefinitionKind kind, List<int>? unpack, bool starred = false)
        {
            switch (target)
            {
                case Name n:
                    var d = DefineName(n.Id, kind, step, n, value);
                    if (d is not null)
                    {
                        if (unpack is not null) d.Unpack = unpack.ToArray();
                        d.Starred = starred;
                    }
                    else if (model._definitionsByStep.TryGetValue(step, out var list) && list.Count > 0 && list[^1].Name == n.Id)
                    {
                        if (unpack is not null) list[^1].Unpack = unpack.ToArray();
                        list[^1].Starred = starred;
                    }
                    break;
                case TupleExpr or ListExpr:
                    var elts = target is TupleExpr t ? t.Elts : ((ListExpr)target).Elts;
                    for (int i = 0; i < elts.Count; i++)
                    {
                        var path = unpack is null ? new List<int>() : [.. unpack];
                        path.Add(i);
                        if (elts[i] is Starred s) Target(s.Value, value, step, kind, path, starred: true);
                        else Target(elts[i], value, step, kind, path);
                    }
                    break;
                case Starred s:
                    Target(s.Value, value, step, kind, unpack, starred: true);
                    break;
                case AttributeExpr or Subscript:
                    MemberStore(target, value, step, kind, unpack);
                    break;
                default:
                    Uses(target);
                    break;
            }
        }

        /// <summary>`x.a = v` / `x["k"] = v`: defines the access path; `x[key] = v` with an unknown key mutates x.</summary>
        void MemberStore(Expr target, Expr? value, Node step, DefinitionKind kind, List<int>? unpack)
        {
            // The object and the key are evaluated before the store.
            Expr obj = target is AttributeExpr a ? a.Value : ((Subscript)target).Value;
            Uses(obj);
            if (target is Subscript sub) Uses(sub.Slice);
            if (obj is not Name root || NamePlace(root.Id) is not { } rootPlace) return;
            var member = MemberKey(target);
            if (member is not null && _places.TryGetValue(root.Id + member, out var place))
            {
                var d = Define(root.Id, member, kind, step, place);
                d.Target = target;
                d.Value = value;
                if (unpack is not null) d.Unpack = unpack.ToArray();
                return;
            }
            if (target is Subscript)
            {
                var m = Define(root.Id, null, DefinitionKind.Mutation, step, rootPlace);
                m.Target = target;
                m.Value = value;
            }
        }

        void AugTarget(AugAssign a)
        {
            switch (a.Target)
            {
                case Name n:
                    var d = DefineName(n.Id, DefinitionKind.AugmentedAssignment, a, n, a.Value);
                    break;
                case AttributeExpr or Subscript when RootOf(a.Target) is { } root:
                    var member = MemberKey(a.Target);
                    if (member is not null && NamePlace(root.Id) is { } r && _places.TryGetValue(root.Id + member, out var place))
                    {
                        var pd = Define(root.Id, member, DefinitionKind.AugmentedAssignment, a, place);
                        pd.Target = a.Target;
                        pd.Value = a.Value;
                        _ = r;
                    }
                    else if (NamePlace(root.Id) is { } rp)
                    {
                        var m = Define(root.Id, null, DefinitionKind.Mutation, a, rp);
                        m.Target = a.Target;
                        m.Value = a.Value;
                    }
                    break;
            }
        }

        void Pattern(Pattern p, MatchCase owner, Expr? subject)
        {
            switch (p)
            {
                case MatchAs m:
                    if (m.Pattern is not null) Pattern(m.Pattern, owner, subject);
                    if (m.Name is not null) DefineName(m.Name, DefinitionKind.Match, owner, null, subject);
                    break;
                case MatchStar { Name: { } star }: DefineName(star, DefinitionKind.Match, owner, null, subject); break;
                case MatchMapping mm:
                    foreach (var k in mm.Keys) Uses(k);
                    foreach (var sp in mm.Patterns) Pattern(sp, owner, subject);
                    if (mm.Rest is not null) DefineName(mm.Rest, DefinitionKind.Match, owner, null, subject);
                    break;
                case MatchSequence ms: foreach (var sp in ms.Patterns) Pattern(sp, owner, subject); break;
                case MatchClass mc:
                    Uses(mc.Cls);
                    foreach (var sp in mc.Patterns) Pattern(sp, owner, subject);
                    foreach (var sp in mc.KwdPatterns) Pattern(sp, owner, subject);
                    break;
                case MatchOr mo: foreach (var sp in mo.Patterns) Pattern(sp, owner, subject); break;
                case MatchValue mv: Uses(mv.Value); break;
            }
        }

        // ───────────── uses ─────────────

        void Uses(Expr e, bool asLoad = false) => new UseWalker(this, asLoad).Visit(e);

        void Use(Name n)
        {
            if (_places.TryGetValue(n.Id, out var place) && ReferenceEquals(model.ScopeOf(n), scope))
            {
                _sink.Add(new Event(place, n, null));
                return;
            }
            var resolving = model.ScopeOf(n).ResolvingScope(n.Id);
            if (resolving is not null) builder.AddFlowInsensitive(n, resolving);
        }

        void UseMember(Expr e)
        {
            if (RootOf(e) is { } rootName)
            {
                if (MemberKey(e) is { } member && _places.TryGetValue(rootName.Id + member, out var place)
                    && ReferenceEquals(model.ScopeOf(rootName), scope))
                    _sink.Add(new Event(place, e, null));
            }
        }

        /// <summary>Loads in evaluation order; stops at nested scopes, but sees their definitions and free uses.</summary>
        sealed class UseWalker(BodyAnalysis owner, bool targetAsLoad) : AstWalker
        {
            public override void Visit(Node node)
            {
                switch (node)
                {
                    case Name n:
                        if (n.Ctx == ExprContext.Load || targetAsLoad) owner.Use(n);
                        return;
                    case AttributeExpr a:
                        Visit(a.Value);
                        if (a.Ctx == ExprContext.Load || targetAsLoad) owner.UseMember(a);
                        return;
                    case Subscript s:
                        Visit(s.Value);
                        Visit(s.Slice);
                        if (s.Ctx == ExprContext.Load || targetAsLoad) owner.UseMember(s);
                        return;
                    case NamedExpr ne:
                        Visit(ne.Value);
                        if (ne.Target is Name t) owner.Walrus(t, ne);
                        return;
                    case Lambda l:
                        foreach (var d in l.Args.Defaults) Visit(d);
                        foreach (var d in l.Args.KwDefaults) if (d is not null) Visit(d);
                        owner.NestedScope(l);
                        return;
                    case ListComp or SetComp or DictComp or GeneratorExp:
                        owner.Comprehension((Expr)node, this);
                        return;
                    case Call c:
                        Visit(c.Func);
                        foreach (var a in c.Args) Visit(a);
                        foreach (var k in c.Keywords) Visit(k.Value);
                        owner.MaybeMutation(c);
                        return;
                }
                node.WalkChildren(this);
            }
        }

        void Walrus(Name target, NamedExpr ne)
        {
            // PEP 572: binds in the enclosing function even inside a comprehension.
            var d = DefineName(target.Id, DefinitionKind.Walrus, ne, target, ne.Value);
            _ = d;
        }

        /// <summary>`x.append(v)` and kin on a local name change the object: a definition of x that keeps what it held.</summary>
        void MaybeMutation(Call c)
        {
            if (c.Func is not AttributeExpr { Value: Name receiver, Attr: var method } || !Mutators.Contains(method)) return;
            if (!ReferenceEquals(model.ScopeOf(receiver), scope) || !_places.TryGetValue(receiver.Id, out var place)) return;
            var d = Define(receiver.Id, null, DefinitionKind.Mutation, c, place);
            d.Target = receiver;
            d.Value = c;
        }

        /// <summary>Lambdas run later: every use inside resolves to all definitions in the scope that binds the name.</summary>
        void NestedScope(Lambda l)
        {
            var lambdaScope = model.ScopeOpenedBy(l);
            if (lambdaScope is not null)
            {
                int index = 0;
                foreach (var a in AllArgs(l.Args))
                {
                    var d = model.NewDefinition(a.Name, null, DefinitionKind.Parameter, lambdaScope, a);
                    d.ParameterIndex = index++;
                    RecordStep(a, d);
                }
            }
            new FreeUses(this).Visit(l.Body);
        }

        static IEnumerable<Arg> AllArgs(Arguments args)
        {
            foreach (var a in args.Posonlyargs) yield return a;
            foreach (var a in args.Args) yield return a;
            if (args.Vararg is not null) yield return args.Vararg;
            foreach (var a in args.Kwonlyargs) yield return a;
            if (args.Kwarg is not null) yield return args.Kwarg;
        }

        sealed class FreeUses(BodyAnalysis owner) : AstWalker
        {
            public override void Visit(Node node)
            {
                switch (node)
                {
                    case Name { Ctx: ExprContext.Load } n:
                        if (owner.Model.ScopeOf(n).ResolvingScope(n.Id) is { } s) owner.Builder.AddFlowInsensitive(n, s);
                        return;
                    case Lambda l:
                        owner.NestedScope(l);
                        return;
                    case ListComp or SetComp or DictComp or GeneratorExp:
                        owner.ComprehensionDefinitions((Expr)node);
                        break;
                }
                node.WalkChildren(this);
            }
        }

        /// <summary>
        /// A comprehension runs where it stands: its first iterable and the names of this body it reads are flow-sensitive
        /// uses here; its own targets are definitions of its scope, seen by every use inside it.
        /// </summary>
        void Comprehension(Expr comp, UseWalker walker)
        {
            var generators = Generators(comp)!;
            if (generators.Count > 0) walker.Visit(generators[0].Iter);
            ComprehensionDefinitions(comp);
            var inner = new ComprehensionUses(this, walker);
            for (int i = 0; i < generators.Count; i++)
            {
                if (i > 0) inner.Visit(generators[i].Iter);
                foreach (var cond in generators[i].Ifs) inner.Visit(cond);
            }
            switch (comp)
            {
                case ListComp lc: inner.Visit(lc.Elt); break;
                case SetComp sc: inner.Visit(sc.Elt); break;
                case GeneratorExp ge: inner.Visit(ge.Elt); break;
                case DictComp dc: inner.Visit(dc.Key); inner.Visit(dc.Value); break;
            }
        }

        void ComprehensionDefinitions(Expr comp)
        {
            var compScope = model.ScopeOpenedBy(comp);
            if (compScope is null) return;
            foreach (var g in Generators(comp)!) ComprehensionTarget(g.Target, g, compScope, null);
        }

        void ComprehensionTarget(Expr target, Comprehension g, Scope compScope, List<int>? unpack)
        {
            switch (target)
            {
                case Name n:
                    var d = model.NewDefinition(n.Id, null, DefinitionKind.Comprehension, compScope, g);
                    d.Target = n;
                    d.Value = g.Iter;
                    if (unpack is not null) d.Unpack = unpack.ToArray();
                    RecordStep(g, d);
                    break;
                case TupleExpr or ListExpr:
                    var elts = target is TupleExpr t ? t.Elts : ((ListExpr)target).Elts;
                    for (int i = 0; i < elts.Count; i++)
                    {
                        var path = unpack is null ? new List<int>() : [.. unpack];
                        path.Add(i);
                        ComprehensionTarget(elts[i] is Starred s ? s.Value : elts[i], g, compScope, path);
                    }
                    break;
            }
        }

        /// <summary>Inside a comprehension: names of this body are used here; the comprehension's own names and outer names are resolved to all their definitions.</summary>
        sealed class ComprehensionUses(BodyAnalysis owner, UseWalker outer) : AstWalker
        {
            public override void Visit(Node node)
            {
                switch (node)
                {
                    case Name { Ctx: ExprContext.Load } n:
                        var resolving = owner.Model.ScopeOf(n).ResolvingScope(n.Id);
                        if (ReferenceEquals(resolving, owner.Owner) && owner._places.TryGetValue(n.Id, out var place))
                            owner._sink.Add(new Event(place, n, null));
                        else if (resolving is not null) owner.Builder.AddFlowInsensitive(n, resolving);
                        return;
                    case NamedExpr ne:
                        Visit(ne.Value);
                        if (ne.Target is Name t) owner.Walrus(t, ne);
                        return;
                    case Lambda l:
                        owner.NestedScope(l);
                        return;
                    case ListComp or SetComp or DictComp or GeneratorExp:
                        var generators = Generators(node)!;
                        if (generators.Count > 0) Visit(generators[0].Iter);
                        owner.ComprehensionDefinitions((Expr)node);
                        for (int i = 0; i < generators.Count; i++)
                        {
                            if (i > 0) Visit(generators[i].Iter);
                            foreach (var c in generators[i].Ifs) Visit(c);
                        }
                        switch (node)
                        {
                            case ListComp lc: Visit(lc.Elt); break;
                            case SetComp sc: Visit(sc.Elt); break;
                            case GeneratorExp ge: Visit(ge.Elt); break;
                            case DictComp dc: Visit(dc.Key); Visit(dc.Value); break;
                        }
                        return;
                }
                node.WalkChildren(this);
                _ = outer;
            }
        }

        // ───────────── solving ─────────────

        public void Solve()
        {
            int n = _defs.Count;
            int words = (n + 63) >> 6;
            var blocks = graph.Blocks;
            var inSets = new ulong[blocks.Count][];
            var outSets = new ulong[blocks.Count][];
            for (int i = 0; i < blocks.Count; i++) { inSets[i] = new ulong[words]; outSets[i] = new ulong[words]; }
            var order = graph.ReversePostorder();
            var scratch = new ulong[words];
            bool changed = true;
            int rounds = 0;
            while (changed && rounds++ < 64)
            {
                changed = false;
                foreach (var b in order)
                {
                    var input = inSets[b.Index];
                    Array.Clear(input);
                    foreach (var e in b.Predecessors)
                    {
                        if (!e.From.Reachable) continue;
                        var from = outSets[e.From.Index];
                        if (_edgeDefs.TryGetValue(e, out var narrowings))
                        {
                            Array.Copy(from, scratch, words);
                            foreach (var d in narrowings) Kill(scratch, d.PlaceIndex, d);
                            for (int w = 0; w < words; w++) input[w] |= scratch[w];
                        }
                        else
                            for (int w = 0; w < words; w++) input[w] |= from[w];
                    }
                    Array.Copy(input, scratch, words);
                    foreach (var ev in _events[b.Index])
                        if (ev.Def is { } d) Kill(scratch, ev.Place, d);
                    var output = outSets[b.Index];
                    for (int w = 0; w < words; w++)
                        if (output[w] != scratch[w]) { changed = true; output[w] = scratch[w]; }
                }
            }

            // Definitions of this body's names made from nested functions (`global`/`nonlocal`): they may run at any time.
            Dictionary<int, List<Definition>>? external = null;
            foreach (var d in model.DefinitionsIn(scope))
                if (d.Bit < 0 && d.Member is null && d.Kind != DefinitionKind.Narrowing && _places.TryGetValue(d.Name, out var ep))
                {
                    external ??= [];
                    if (!external.TryGetValue(ep, out var list)) external[ep] = list = [];
                    list.Add(d);
                }

            // Uses and priors, walking each block from its input.
            foreach (var b in order)
            {
                Array.Copy(inSets[b.Index], scratch, words);
                foreach (var ev in _events[b.Index])
                {
                    if (ev.Use is { } use)
                    {
                        var defs = Current(scratch, ev.Place);
                        if (external is not null && external.TryGetValue(ev.Place, out var outside)) defs = [.. defs, .. outside];
                        model._reaching[use] = defs;
                        foreach (var d in defs) d.AddUse(use);
                        if (use is Name name && _membersOfPlace[ev.Place].Count > 0)
                        {
                            List<Definition>? members = null;
                            foreach (var mp in _membersOfPlace[ev.Place])
                                foreach (var md in Current(scratch, mp)) (members ??= []).Add(md);
                            if (members is not null) model._memberReaching[name] = members.ToArray();
                        }
                    }
                    else if (ev.Def is { } d)
                    {
                        if (d.Kind is DefinitionKind.AugmentedAssignment or DefinitionKind.Mutation)
                            d.Prior = Current(scratch, ev.Place);
                        Kill(scratch, ev.Place, d);
                    }
                }
                foreach (var e in b.Successors)
                    if (_edgeDefs.TryGetValue(e, out var narrowings))
                        foreach (var d in narrowings) d.Prior = Current(outSets[b.Index], d.PlaceIndex);
            }
        }

        /// <summary>Makes <paramref name="d"/> the only definition of its place; a name's definition also ends its access paths'.</summary>
        void Kill(ulong[] set, int place, Definition d)
        {
            foreach (var old in _defsOfPlace[place]) Clear(set, old.Bit);
            if (d.Member is null && d.Kind != DefinitionKind.Mutation && d.Kind != DefinitionKind.Narrowing)
                foreach (var member in _membersOfPlace[place])
                    foreach (var old in _defsOfPlace[member]) Clear(set, old.Bit);
            Set(set, d.Bit);
        }

        Definition[] Current(ulong[] set, int place)
        {
            var list = _defsOfPlace[place];
            int count = 0;
            foreach (var d in list) if (IsSet(set, d.Bit)) count++;
            if (count == 0) return [];
            var result = new Definition[count];
            int i = 0;
            foreach (var d in list) if (IsSet(set, d.Bit)) result[i++] = d;
            return result;
        }

        static void Set(ulong[] s, int bit) => s[bit >> 6] |= 1UL << (bit & 63);
        static void Clear(ulong[] s, int bit) => s[bit >> 6] &= ~(1UL << (bit & 63));
        static bool IsSet(ulong[] s, int bit) => (s[bit >> 6] & (1UL << (bit & 63))) != 0;
    }
}
