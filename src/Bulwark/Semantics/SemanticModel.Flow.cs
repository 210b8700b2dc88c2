using Bulwark.Python.Syntax;

namespace Bulwark.Semantics;

public sealed partial class SemanticModel
{
    // Flow facts are computed per body on the first query that needs them (a code scan touches few bodies, the taint
    // lowering all of them). The model is built and queried on one thread; these tables are its own.
    readonly NodeMap<Node, ControlFlowGraph> _graphs = new();
    readonly NodeMap<Node, Definition[]> _reaching = new();
    readonly NodeMap<Name, Definition[]> _memberReaching = new();
    readonly Dictionary<Scope, List<Definition>> _definitions = new(ReferenceEqualityComparer.Instance);
    // The first definition each step makes; further ones chain through Definition.NextAtStep.
    readonly NodeMap<Node, Definition> _definitionsByStep = new();
    readonly Dictionary<Scope, Dictionary<string, Definition[]>> _byName = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<(Node, string), Definition> _outsideDefinitions = [];
    readonly HashSet<Scope> _bodies = new(ReferenceEqualityComparer.Instance);
    // The working tables of a body's analysis, reused for the next body (bodies are analysed one at a time).
    BodyAnalysis? _spareAnalysis;
    readonly HashSet<FunctionDef> _alwaysRaising = new(NodeIdentity.Instance);
    int _definitionCount;
    // Non-zero while a body's graph is built: constant tests are then decided without flow facts.
    int _building;

    /// <summary>Calls that end the flow like `raise`: the process exits or an HTTP error is raised.</summary>
    static readonly HashSet<string> NeverReturning = new(StringComparer.Ordinal)
    {
        "sys.exit", "exit", "quit", "os._exit", "os.abort", "flask.abort", "werkzeug.exceptions.abort", "quart.abort",
        "sanic.exceptions.abort", "pytest.fail", "pytest.skip", "pytest.exit", "typer.Exit",
    };

    /// <summary>
    /// Readies the flow tables for questions about every body (the taint lowering asks about all of them): the table of
    /// uses is sized for every name at once instead of growing through each power of two.
    /// </summary>
    public void ExpectEveryBody() => _reaching.EnsureCapacity(_nameCount);

    /// <summary>The control-flow graph of a module, class or function body (not of lambdas and comprehensions).</summary>
    public ControlFlowGraph? FlowGraph(Node owner)
    {
        if (ScopeOpenedBy(owner) is { } s) EnsureBody(s);
        return _graphs.TryGetValue(owner, out var g) ? g : null;
    }

    /// <summary>
    /// The definitions that can reach a use: a Name load, or an Attribute/Subscript load of a tracked access path
    /// (`x.attr`, `x["k"]` after such a store in the same scope). Uses in the scope that binds the name see the
    /// definitions flowing to that point; uses from nested functions, lambdas or other scopes see every definition of
    /// the name in the scope that binds it (the code may run at any time). Empty for builtins, undefined names and
    /// unreachable code; for an access path, empty when no store of that path reaches (read the object instead).
    /// </summary>
    public IReadOnlyList<Definition> ReachingDefinitions(Expr use) => Reaching(use) ?? [];

    /// <summary>Whether reaching definitions were computed for this use (false for code the analysis does not see: unreachable, or an untracked path).</summary>
    public bool HasReachingDefinitions(Expr use) => Reaching(use) is not null;

    Definition[]? Reaching(Expr use)
    {
        if (_reaching.TryGetValue(use, out var defs)) return defs;
        if (use is not (Name or AttributeExpr or Subscript)) return null;
        EnsureBody(BodyScope(use));
        if (_reaching.TryGetValue(use, out defs)) return defs;
        // Not a flow-sensitive use of the body: a name bound in another scope (a closure, a module name in a function).
        if (use is Name { Ctx: ExprContext.Load } n && ScopeOf(n).ResolvingScope(n.Id) is { } resolving
            && !(ReferenceEquals(resolving, BodyScope(n)) && ReferenceEquals(ScopeOf(n), resolving)))
            return ResolveFree(n, resolving);
        return null;
    }

    /// <summary>For a Name load: the definitions of its access paths (`x.a = …`, `x["k"] = …`) that reach the use, so a use of the whole object sees what was stored into it.</summary>
    public IReadOnlyList<Definition> ReachingMemberDefinitions(Name use)
    {
        Reaching(use);
        return _memberReaching.TryGetValue(use, out var defs) ? defs : [];
    }

    /// <summary>Every definition made in a scope (including narrowings and mutations), in the order found.</summary>
    public IReadOnlyList<Definition> DefinitionsIn(Scope scope)
    {
        EnsureDefinitions(scope);
        return _definitions.TryGetValue(scope, out var list) ? list : [];
    }

    /// <summary>The definitions a step makes (the targets of an assignment, the parameters of an Arguments node…).</summary>
    public IReadOnlyList<Definition> DefinitionsAt(Node step)
    {
        if (!_definitionsByStep.ContainsKey(step)) EnsureBody(BodyScope(step));
        if (!_definitionsByStep.TryGetValue(step, out var first)) return [];
        if (first.NextAtStep is null) return first.Single;
        var list = new List<Definition>();
        for (var d = first; d is not null; d = d.NextAtStep) list.Add(d);
        return list;
    }

    /// <summary>The uses a definition reaches within the body that makes it (uses from nested functions are not listed).</summary>
    public IReadOnlyList<Node> UsesOf(Definition d)
    {
        EnsureDefinitions(d.Scope);
        // The reaching definitions, inverted: made on the first question and extended by the uses recorded since
        // (an entry, once recorded, is never changed), so that asking for many definitions costs one pass over the
        // uses, not one each.
        var index = _usesOf ??= new Dictionary<Definition, List<Node>>(ReferenceEqualityComparer.Instance);
        for (; _usesIndexed < _reaching.Count; _usesIndexed++)
        {
            var use = _reaching.KeyAt(_usesIndexed);
            foreach (var def in _reaching.ValueAt(_usesIndexed))
            {
                if (!index.TryGetValue(def, out var list)) index[def] = list = [];
                if (list.Count == 0 || !ReferenceEquals(list[^1], use)) list.Add(use);
            }
        }
        if (!index.TryGetValue(d, out var uses)) return [];
        var sorted = uses.ToArray();
        Array.Sort(sorted, (a, b) => a.Start.CompareTo(b.Start));
        return sorted;
    }

    /// <summary>For <see cref="UsesOf"/>: each definition's uses, from the first <see cref="_usesIndexed"/> entries of <see cref="_reaching"/>.</summary>
    Dictionary<Definition, List<Node>>? _usesOf;
    int _usesIndexed;

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

    /// <summary>Whether a case pattern matches a subject known at analysis time: literals, singletons, alternatives, captures.</summary>
    bool? StaticMatch(Expr subject, Pattern pattern) => Evaluate(subject) is { } value ? Matches(value, pattern) : null;

    bool? Matches(ConstValue value, Pattern pattern)
    {
        switch (pattern)
        {
            case MatchAs { Pattern: null }: return true;
            case MatchAs { Pattern: { } inner }: return Matches(value, inner);
            case MatchValue mv:
                // Equality of two strings or two integers (mixed kinds, `1 == True`, `1 == 1.0`, are left unknown).
                if (value.Kind is not (ValueKind.Str or ValueKind.Int)) return null;
                return Evaluate(mv.Value) is { } expected && expected.Kind == value.Kind ? value.SameAs(expected) : null;
            case MatchSingleton ms:
                return Evaluate(ms.Value) is { } singleton ? value.Kind == singleton.Kind && value.SameAs(singleton) : null;
            case MatchOr or:
                bool unknown = false;
                foreach (var p in or.Patterns)
                {
                    var m = Matches(value, p);
                    if (m == true) return true;
                    unknown |= m is null;
                }
                return unknown ? null : false;
            default:
                return null;
        }
    }

    void BuildFlow(Module module) => FindAlwaysRaising(module.Body);

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

    /// <summary>The module, class or function scope whose body evaluates a node (comprehensions and lambdas belong to the body around them).</summary>
    Scope BodyScope(Node node)
    {
        var s = ScopeOf(node);
        while (s.Kind is ScopeKind.Comprehension or ScopeKind.Lambda && s.Parent is not null) s = s.Parent;
        return s;
    }

    /// <summary>The definitions of a scope exist: its own body's, or, for a comprehension or lambda, the body around it.</summary>
    void EnsureDefinitions(Scope scope)
    {
        var body = scope;
        while (body.Kind is ScopeKind.Comprehension or ScopeKind.Lambda && body.Parent is not null) body = body.Parent;
        EnsureBody(body);
    }

    void EnsureBody(Scope scope)
    {
        if (!_bodies.Add(scope)) return;
        IReadOnlyList<Stmt>? body = scope.Node switch
        {
            Module m => m.Body, ClassDef c => c.Body, FunctionDef f => f.Body, _ => null,
        };
        if (body is null) return;
        ControlFlowGraph graph;
        _building++;
        try { graph = ControlFlowGraph.Build(scope.Node, body, StaticTruthiness, NeverReturns, StaticMatch); }
        finally { _building--; }
        _graphs[scope.Node] = graph;
        // Only its results outlive the analysis: the same tables serve the next body (one left mid-way by an
        // exception is not reused).
        var analysis = _spareAnalysis ?? new BodyAnalysis(this);
        _spareAnalysis = null;
        analysis.Start(scope, graph);
        analysis.CollectEvents();
        AddOutsideDefinitions(scope);
        analysis.Solve();
        analysis.Finish();
        _spareAnalysis = analysis;
    }

    /// <summary>
    /// Stores into this scope's names made by nested functions through `global`/`nonlocal`: definitions of this scope
    /// that may happen at any time (the binder recorded them in this scope).
    /// </summary>
    void AddOutsideDefinitions(Scope scope)
    {
        foreach (var (name, bindings) in scope.Bindings)
            foreach (var b in bindings)
            {
                if (b.Kind is BindingKind.Parameter || b.Node is Arg) continue;
                var where = ScopeOf(b.Node);
                if (ReferenceEquals(where, scope) || where.Kind is not (ScopeKind.Function or ScopeKind.Lambda)) continue;
                OutsideDefinition(name, b.Kind switch
                {
                    BindingKind.Assignment => DefinitionKind.Assignment,
                    BindingKind.AugmentedAssignment => DefinitionKind.AugmentedAssignment,
                    BindingKind.Import or BindingKind.FromImport or BindingKind.DynamicImport => DefinitionKind.Import,
                    BindingKind.FunctionDef => DefinitionKind.Function,
                    BindingKind.ClassDef => DefinitionKind.Class,
                    _ => DefinitionKind.Other,
                }, scope, b.Node, b.Value);
            }
    }

    Definition OutsideDefinition(string name, DefinitionKind kind, Scope owner, Node step, Expr? value)
    {
        if (_outsideDefinitions.TryGetValue((step, name), out var d)) return d;
        d = NewDefinition(name, null, kind, owner, step);
        d.Value = value;
        _outsideDefinitions[(step, name)] = d;
        return d;
    }

    /// <summary>A use from another scope (a closure, a module name read in a function): every definition of the name where it is bound.</summary>
    Definition[] ResolveFree(Name use, Scope resolving)
    {
        EnsureDefinitions(resolving);
        if (!_byName.TryGetValue(resolving, out var index))
        {
            var lists = new Dictionary<string, List<Definition>>(StringComparer.Ordinal);
            if (_definitions.TryGetValue(resolving, out var all))
                foreach (var d in all)
                    if (d.Member is null && d.Kind != DefinitionKind.Narrowing)
                    {
                        if (!lists.TryGetValue(d.Name, out var l)) lists[d.Name] = l = [];
                        l.Add(d);
                    }
            _byName[resolving] = index = new Dictionary<string, Definition[]>(lists.Count, StringComparer.Ordinal);
            foreach (var kv in lists) index[kv.Key] = kv.Value.ToArray();
        }
        var arr = index.TryGetValue(use.Id, out var found) ? found : [];
        _reaching[use] = arr;
        return arr;
    }

    /// <summary>One body: its places, definitions, and the uses and definitions of each step in evaluation order.</summary>
    sealed class BodyAnalysis(SemanticModel model)
    {
        static readonly HashSet<string> Mutators = new(StringComparer.Ordinal)
        {
            "append", "extend", "insert", "add", "update", "setdefault", "appendleft", "extendleft", "__setitem__",
            // Removals change what the object holds too (`items.pop(0)` shifts every later index).
            "pop", "popleft", "popitem", "remove", "discard", "clear", "reverse", "sort",
            // Keyed stores of other containers (`configparser`'s `set(section, option, value)`, `add_section`).
            "set", "add_section",
            // What is written to a buffer is in it (`io.StringIO`).
            "write", "writelines",
        };

        SemanticModel Model => model;
        Scope Owner => scope;



        Scope scope = null!;
        ControlFlowGraph graph = null!;
        readonly Dictionary<string, int> _places = new(StringComparer.Ordinal);
        // A place's definitions; null until it has one (every bound name gets a place up front, many are never defined here).
        readonly List<List<Definition>?> _defsOfPlace = [];
        readonly List<List<int>?> _membersOfPlace = []; // for a name: its access-path places (null: none)
        readonly List<Definition> _defs = [];
        // Every step's uses and definitions in evaluation order, block after block.
        readonly List<Event> _sink = [];
        int[] _eventStart = [];
        // Emptied lists of earlier bodies, for the places of the next.
        readonly Stack<List<Definition>> _spareDefinitionLists = new();
        readonly Stack<List<int>> _spareMemberLists = new();
        ulong[] _inSets = [], _outSets = [], _scratch = [];
        int[] _position = [];

        /// <summary>Readies the tables for one body (they hold nothing of the previous one).</summary>
        public void Start(Scope body, ControlFlowGraph bodyGraph)
        {
            scope = body;
            graph = bodyGraph;
            if (_eventStart.Length < graph.Blocks.Count + 1) _eventStart = new int[graph.Blocks.Count + 1];
        }

        /// <summary>Lets go of the body's syntax and definitions, keeping the capacity of the tables.</summary>
        public void Finish()
        {
            _places.Clear();
            foreach (var list in _defsOfPlace)
                if (list is not null) { list.Clear(); _spareDefinitionLists.Push(list); }
            _defsOfPlace.Clear();
            foreach (var list in _membersOfPlace)
                if (list is not null) { list.Clear(); _spareMemberLists.Push(list); }
            _membersOfPlace.Clear();
            _defs.Clear();
            _sink.Clear();
            _tested.Clear();
            scope = null!;
            graph = null!;
        }

        List<Definition> NewDefinitionList() => _spareDefinitionLists.Count > 0 ? _spareDefinitionLists.Pop() : [];
        List<int> NewMemberList() => _spareMemberLists.Count > 0 ? _spareMemberLists.Pop() : [];

        /// <summary>A pooled array of at least <paramref name="length"/> elements, the first <paramref name="length"/> zero.</summary>
        static T[] Cleared<T>(ref T[] pool, int length)
        {
            if (pool.Length < length) pool = new T[Math.Max(length, pool.Length * 2)];
            else Array.Clear(pool, 0, length);
            return pool;
        }

        readonly struct Event(int place, Node? use, Definition? def)
        {
            public int Place { get; } = place;
            public Node? Use { get; } = use;
            public Definition? Def { get; } = def;
        }


        public void CollectEvents()
        {
            foreach (var name in scope.Bindings.Keys)
                if (ReferenceEquals(scope.ResolvingScope(name), scope)) PlaceOf(name);
            new PathStoreScanner(this).Scan(scope.Node);
            foreach (var block in graph.Blocks)
            {
                _eventStart[block.Index] = _sink.Count;
                if (block.Reachable) for (int si = 0; si < block.Steps.Count; si++) Step(block.Steps[si]);
                _eventStart[block.Index + 1] = _sink.Count;
            }
            foreach (var block in graph.Blocks)
            {
                if (!block.Reachable) continue;
                for (int ei = 0; ei < block.Successors.Count; ei++)
                {
                    var edge = block.Successors[ei];
                    if (edge.Condition is null || edge.Kind is not (EdgeKind.True or EdgeKind.False)) continue;
                    List<Definition>? narrowings = null;
                    foreach (var name in TestedNames(edge.Condition))
                    {
                        if (!_places.TryGetValue(name, out var place)) continue;
                        if (narrowings is not null && Named(narrowings, name)) continue;
                        var d = model.NewDefinition(name, null, DefinitionKind.Narrowing, scope, edge.Condition);
                        d.Condition = edge.Condition;
                        d.Polarity = edge.Kind == EdgeKind.True;
                        Register(d, place);
                        (narrowings ??= []).Add(d);
                    }
                    if (narrowings is not null)
                    {
                        edge.Narrowings = narrowings;
                    }
                }
            }
        }

        static bool Named(List<Definition> list, string name)
        {
            foreach (var d in list) if (d.Name == name) return true;
            return false;
        }

        /// <summary>Names of this body tested by a condition: what a branch can tell something about.</summary>
        readonly List<string> _tested = [];
        NameCollector? _collector;

        List<string> TestedNames(Node condition)
        {
            _tested.Clear();
            if (condition is MatchCase)
            {
                // The subject of the enclosing match statement.
                if (model.Parent(condition) is MatchStmt { Subject: Name subject }) _tested.Add(subject.Id);
                return _tested;
            }
            (_collector ??= new NameCollector(_tested)).Visit(condition);
            // A check of a value computed from a name tells about that name too (`parts = urlsplit(url)`, then
            // `parts.hostname in ALLOWED`): add the names tested names are computed from, one step back.
            int direct = _tested.Count;
            for (int i = 0; i < direct; i++)
            {
                if (!_places.TryGetValue(_tested[i], out var place)) continue;
                if (_defsOfPlace[place] is not { } placeDefs) continue;
                foreach (var d in placeDefs)
                {
                    if (d.Kind != DefinitionKind.Assignment || d.Unpack is not null || d.Value is not Call call) continue;
                    // The value checked: the first argument, or a keyword's (`ok = is_safe_url(url=next, …)`).
                    if (call.Args.Count > 0)
                    {
                        if (call.Args[0] is Name source && !_tested.Contains(source.Id)) _tested.Add(source.Id);
                    }
                    else
                        foreach (var k in call.Keywords)
                            if (k.Value is Name named && !_tested.Contains(named.Id)) _tested.Add(named.Id);
                }
            }
            return _tested;
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
            _defsOfPlace.Add(null);
            _membersOfPlace.Add(null);
            if (root >= 0) (_membersOfPlace[root] ??= NewMemberList()).Add(p);
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
            (_defsOfPlace[place] ??= NewDefinitionList()).Add(d);
        }

        void RecordStep(Node step, Definition d)
        {
            if (!model._definitionsByStep.TryGetValue(step, out var first)) { model._definitionsByStep[step] = d; return; }
            while (first.NextAtStep is not null) { if (ReferenceEquals(first, d)) return; first = first.NextAtStep; }
            if (!ReferenceEquals(first, d)) first.NextAtStep = d;
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
            var d = model.OutsideDefinition(name, kind, owner, step, value);
            d.Target ??= target;
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
                    for (int ti = 0; ti < a.Targets.Count; ti++) Target(a.Targets[ti], a.Value, a, DefinitionKind.Assignment, null);
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
                    for (int di = 0; di < f.DecoratorList.Count; di++) Uses(f.DecoratorList[di]);
                    for (int di = 0; di < f.Args.Defaults.Count; di++) Uses(f.Args.Defaults[di]);
                    for (int di = 0; di < f.Args.KwDefaults.Count; di++) if (f.Args.KwDefaults[di] is { } kd) Uses(kd);
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
            for (int ai = 0; ai < args.Posonlyargs.Count; ai++) Parameter(args.Posonlyargs[ai], index++);
            for (int ai = 0; ai < args.Args.Count; ai++) Parameter(args.Args[ai], index++);
            if (args.Vararg is not null) Parameter(args.Vararg, index++);
            for (int ai = 0; ai < args.Kwonlyargs.Count; ai++) Parameter(args.Kwonlyargs[ai], index++);
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
                    else if (model._definitionsByStep.TryGetValue(step, out var head))
                    {
                        var last = head;
                        while (last.NextAtStep is not null) last = last.NextAtStep;
                        if (last.Name == n.Id)
                        {
                            if (unpack is not null) last.Unpack = unpack.ToArray();
                            last.Starred = starred;
                        }
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

        UseWalker? _walker, _loadWalker;

        void Uses(Expr e, bool asLoad = false) =>
            (asLoad ? _loadWalker ??= new UseWalker(this, true) : _walker ??= new UseWalker(this, false)).Visit(e);

        void Use(Name n)
        {
            if (_places.TryGetValue(n.Id, out var place) && ReferenceEquals(model.ScopeOf(n), scope))
            {
                _sink.Add(new Event(place, n, null));
                return;
            }
        }

        void UseMember(Expr e)
        {
            // Only roots with stored access paths have member places: skip building keys for the rest.
            if (RootOf(e) is { } rootName && _places.TryGetValue(rootName.Id, out var rootPlace) && _membersOfPlace[rootPlace] is not null)
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
                        for (int ai = 0; ai < c.Args.Count; ai++) Visit(c.Args[ai]);
                        for (int ki = 0; ki < c.Keywords.Count; ki++) Visit(c.Keywords[ki].Value);
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

        /// <summary>`x.append(v)`, `x.pop(0)` and kin on a local name change the object: a definition of x that keeps what it held.</summary>
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

        // Each place's definitions get consecutive bits, so killing a place clears one range.
        int[] _rangeStart = [];

        void NumberByPlace()
        {
            if (_rangeStart.Length < _defsOfPlace.Count + 1) _rangeStart = new int[Math.Max(_defsOfPlace.Count + 1, _rangeStart.Length * 2)];
            int bit = 0;
            for (int p = 0; p < _defsOfPlace.Count; p++)
            {
                _rangeStart[p] = bit;
                if (_defsOfPlace[p] is { } defs) foreach (var d in defs) d.Bit = bit++;
            }
            _rangeStart[_defsOfPlace.Count] = bit;
        }

        public void Solve()
        {
            NumberByPlace();
            int n = _defs.Count;
            int words = (n + 63) >> 6;
            var blocks = graph.Blocks;
            // One array for every block's input and output set, reused from body to body.
            var inSets = Cleared(ref _inSets, blocks.Count * words);
            var outSets = Cleared(ref _outSets, blocks.Count * words);
            var order = graph.ReversePostorder();
            var scratch = Cleared(ref _scratch, words);
            bool changed = true;
            int rounds = 0;
            // Without a back edge one pass in reverse postorder is the fixpoint.
            bool cyclic = false;
            {
                var position = Cleared(ref _position, blocks.Count);
                for (int i = 0; i < order.Count; i++) position[order[i].Index] = i;
                for (int oi = 0; oi < order.Count; oi++)
                {
                    var b = order[oi];
                    for (int pi = 0; pi < b.Predecessors.Count; pi++)
                        if (b.Predecessors[pi].From.Reachable && position[b.Predecessors[pi].From.Index] >= position[b.Index]) cyclic = true;
                }
            }
            while (changed && rounds++ < 64)
            {
                changed = false;
                for (int oi = 0; oi < order.Count; oi++)
                {
                    var b = order[oi];
                    var input = inSets.AsSpan(b.Index * words, words);
                    input.Clear();
                    for (int pi = 0; pi < b.Predecessors.Count; pi++)
                    {
                        var e = b.Predecessors[pi];
                        if (!e.From.Reachable) continue;
                        var from = outSets.AsSpan(e.From.Index * words, words);
                        if (e.Narrowings.Count > 0)
                        {
                            from.CopyTo(scratch);
                            for (int ni = 0; ni < e.Narrowings.Count; ni++) Kill(scratch, e.Narrowings[ni].PlaceIndex, e.Narrowings[ni]);
                            for (int w = 0; w < words; w++) input[w] |= scratch[w];
                        }
                        else
                            for (int w = 0; w < words; w++) input[w] |= from[w];
                    }
                    input.CopyTo(scratch);
                    for (int k = _eventStart[b.Index], kEnd = _eventStart[b.Index + 1]; k < kEnd; k++)
                        if (_sink[k].Def is { } d) Kill(scratch, _sink[k].Place, d);
                    var output = outSets.AsSpan(b.Index * words, words);
                    var current = scratch.AsSpan(0, words);
                    if (!output.SequenceEqual(current)) { changed = true; current.CopyTo(output); }
                }
                if (!cyclic) break;
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
            for (int oi = 0; oi < order.Count; oi++)
            {
                var b = order[oi];
                inSets.AsSpan(b.Index * words, words).CopyTo(scratch);
                for (int k = _eventStart[b.Index], kEnd = _eventStart[b.Index + 1]; k < kEnd; k++)
                {
                    var ev = _sink[k];
                    if (ev.Use is { } use)
                    {
                        var defs = Current(scratch, ev.Place);
                        if (external is not null && external.TryGetValue(ev.Place, out var outside)) defs = [.. defs, .. outside];
                        model._reaching[use] = defs;
                        if (use is Name name && _membersOfPlace[ev.Place] is { Count: > 0 })
                        {
                            List<Definition>? members = null;
                            foreach (var mp in _membersOfPlace[ev.Place]!)
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
                for (int si = 0; si < b.Successors.Count; si++)
                    for (int ni = 0; ni < b.Successors[si].Narrowings.Count; ni++)
                    {
                        var d = b.Successors[si].Narrowings[ni];
                        d.Prior = CurrentIn(outSets, b.Index * words, d.PlaceIndex);
                    }
            }
        }

        /// <summary>Makes <paramref name="d"/> the only definition of its place; a name's definition also ends its access paths'.</summary>
        void Kill(ulong[] set, int place, Definition d)
        {
            ClearRange(set, _rangeStart[place], _rangeStart[place + 1]);
            if (d.Member is null && d.Kind != DefinitionKind.Mutation && d.Kind != DefinitionKind.Narrowing)
                if (_membersOfPlace[place] is { } members)
                    foreach (var member in members) ClearRange(set, _rangeStart[member], _rangeStart[member + 1]);
            Set(set, d.Bit);
        }

        static void ClearRange(ulong[] set, int from, int to)
        {
            for (int b = from; b < to;)
            {
                int w = b >> 6, offset = b & 63;
                int count = Math.Min(64 - offset, to - b);
                ulong mask = count == 64 ? ulong.MaxValue : ((1UL << count) - 1) << offset;
                set[w] &= ~mask;
                b += count;
            }
        }

        static readonly Definition[] NoDefinitions = [];

        /// <summary>The definitions of a place in one block's set of a table of sets, read in place (no copy of the set).</summary>
        Definition[] CurrentIn(ulong[] sets, int offset, int place) => Current(sets.AsSpan(offset, (_defs.Count + 63) >> 6), place);

        Definition[] Current(ReadOnlySpan<ulong> set, int place)
        {
            int from = _rangeStart[place], to = _rangeStart[place + 1];
            if (from == to) return NoDefinitions;
            var list = _defsOfPlace[place]!;
            int count = 0;
            for (int b = from; b < to; b++) if (IsSet(set, b)) count++;
            if (count == 0) return NoDefinitions;
            if (count == 1)
                for (int b = from; b < to; b++) if (IsSet(set, b)) return list[b - from].Single;
            var result = new Definition[count];
            int i = 0;
            for (int b = from; b < to; b++) if (IsSet(set, b)) result[i++] = list[b - from];
            return result;
        }

        static void Set(ulong[] s, int bit) => s[bit >> 6] |= 1UL << (bit & 63);
        static void Clear(ulong[] s, int bit) => s[bit >> 6] &= ~(1UL << (bit & 63));
        static bool IsSet(ReadOnlySpan<ulong> s, int bit) => (s[bit >> 6] & (1UL << (bit & 63))) != 0;
    }
}
