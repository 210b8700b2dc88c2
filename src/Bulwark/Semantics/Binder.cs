using Bulwark.Python.Syntax;

namespace Bulwark.Semantics;

public sealed partial class SemanticModel
{
    /// <summary>
    /// One walk that records parents, opens scopes and binds names in source order, so a dynamic import's
    /// `importlib` is already resolved when its assignment is seen.
    /// </summary>
    sealed class Binder(SemanticModel model) : AstWalker
    {
        Scope _scope = model.ModuleScope;
        Node? _parent;

        public void Run(Module module)
        {
            Open(model.ModuleScope, module);
            DeclareGlobals(model.ModuleScope, module.Body);
            _parent = module;
            VisitAll(module.Body);
        }

        void Open(Scope scope, Node node)
        {
            scope.Index = model._scopes.Count;
            model._scopes.Add(scope);
            model._scopesByNode[node] = scope;
        }

        public override void Visit(Node node)
        {
            if (_parent is not null) node.Parent = _parent;
            var saved = _parent;
            _parent = node;
            switch (node)
            {
                case Name n:
                    model.RecordName(n, _scope);
                    if (n.Ctx == ExprContext.Store) Bind(n.Id, BindingKind.Other, n, n.End);
                    break;
                case FunctionDef f: VisitFunction(f); break;
                case Lambda l: VisitLambda(l); break;
                case ClassDef c: VisitClass(c); break;
                case ListComp or SetComp or GeneratorExp or DictComp: VisitComprehension(node); break;
                case Assign a: VisitAssign(a); break;
                case AnnAssign a:
                    Visit(a.Annotation);
                    if (a.Value is not null) Visit(a.Value);
                    VisitTarget(a.Target, a.Value is null ? null : a.Value, a, a.Value is null ? BindingKind.Other : BindingKind.Assignment);
                    break;
                case AugAssign a:
                    Visit(a.Value);
                    VisitTarget(a.Target, null, a, BindingKind.AugmentedAssignment);
                    break;
                case NamedExpr ne:
                    Visit(ne.Value);
                    if (ne.Target is Name t)
                    {
                        t.Parent = ne;
                        model.RecordName(t, _scope);
                        // PEP 572: an assignment expression in a comprehension binds in the enclosing function.
                        var target = _scope;
                        while (target.Kind == ScopeKind.Comprehension && target.Parent is not null) target = target.Parent;
                        AddBinding(target, new Binding(t.Id, BindingKind.Assignment, target, ne, ne.End) { Value = ne.Value });
                    }
                    break;
                case Import imp: VisitImport(imp); break;
                case ImportFrom from: VisitImportFrom(from); break;
                case ExceptHandler h:
                    if (h.Type is not null) Visit(h.Type);
                    if (h.Name is not null) Bind(h.Name, BindingKind.Other, h, h.Start);
                    VisitAll(h.Body);
                    break;
                case MatchAs { Name: { } asName } m:
                    node.WalkChildren(this);
                    Bind(asName, BindingKind.Other, m, m.End);
                    break;
                case MatchStar { Name: { } starName } ms:
                    Bind(starName, BindingKind.Other, ms, ms.End);
                    break;
                case MatchMapping { Rest: { } rest } mm:
                    node.WalkChildren(this);
                    Bind(rest, BindingKind.Other, mm, mm.End);
                    break;
                default:
                    node.WalkChildren(this);
                    break;
            }
            _parent = saved;
        }

        void VisitFunction(FunctionDef f)
        {
            VisitAll(f.DecoratorList);
            VisitDefaults(f.Args);
            VisitAnnotations(f.Args);
            if (f.Returns is not null) Visit(f.Returns);
            VisitAll(f.TypeParams);
            Bind(f.Name, BindingKind.FunctionDef, f, f.Start);

            var scope = new Scope(ScopeKind.Function, f, _scope);
            Open(scope, f);
            DeclareGlobals(scope, f.Body);
            var outer = _scope;
            _scope = scope;
            BindParameters(f.Args, f);
            var saved = _parent;
            _parent = f;
            VisitAll(f.Body);
            _parent = saved;
            _scope = outer;
        }

        void VisitLambda(Lambda l)
        {
            VisitDefaults(l.Args);
            var scope = new Scope(ScopeKind.Lambda, l, _scope);
            Open(scope, l);
            var outer = _scope;
            _scope = scope;
            BindParameters(l.Args, l);
            Visit(l.Body);
            _scope = outer;
        }

        void VisitClass(ClassDef c)
        {
            VisitAll(c.DecoratorList);
            VisitAll(c.Bases);
            VisitAll(c.Keywords);
            VisitAll(c.TypeParams);
            var scope = new Scope(ScopeKind.Class, c, _scope);
            Open(scope, c);
            DeclareGlobals(scope, c.Body);
            var outer = _scope;
            _scope = scope;
            VisitAll(c.Body);
            _scope = outer;
            Bind(c.Name, BindingKind.ClassDef, c, c.End);
        }

        void VisitComprehension(Node comp)
        {
            var generators = Generators(comp)!;
            // The first iterable is evaluated in the enclosing scope.
            if (generators.Count > 0)
            {
                generators[0].Parent = comp;
                var saved = _parent;
                _parent = generators[0];
                Visit(generators[0].Iter);
                _parent = saved;
            }
            var scope = new Scope(ScopeKind.Comprehension, comp, _scope);
            Open(scope, comp);
            var outer = _scope;
            _scope = scope;
            for (int i = 0; i < generators.Count; i++)
            {
                var g = generators[i];
                g.Parent = comp;
                var saved = _parent;
                _parent = g;
                if (i > 0) Visit(g.Iter);
                Visit(g.Target);
                VisitAll(g.Ifs);
                _parent = saved;
            }
            switch (comp)
            {
                case ListComp lc: Visit(lc.Elt); break;
                case SetComp sc: Visit(sc.Elt); break;
                case GeneratorExp ge: Visit(ge.Elt); break;
                case DictComp dc: Visit(dc.Key); Visit(dc.Value); break;
            }
            _scope = outer;
        }

        void VisitDefaults(Arguments args)
        {
            args.Parent = _parent!;
            var defaults = args.Defaults;
            for (int i = 0; i < defaults.Count; i++) { defaults[i].Parent = args; Visit(defaults[i]); }
            var kwDefaults = args.KwDefaults;
            for (int i = 0; i < kwDefaults.Count; i++) if (kwDefaults[i] is { } d) { d.Parent = args; Visit(d); }
        }

        // Parameters in order (positional-only, positional, *args, keyword-only, **kwargs), by index rather than through
        // an iterator: the binder meets every function of every file, and each enumerator was an allocation.
        void VisitAnnotations(Arguments args)
        {
            AnnotateAll(args, args.Posonlyargs);
            AnnotateAll(args, args.Args);
            if (args.Vararg is not null) Annotate(args, args.Vararg);
            AnnotateAll(args, args.Kwonlyargs);
            if (args.Kwarg is not null) Annotate(args, args.Kwarg);
        }

        void AnnotateAll(Arguments args, IReadOnlyList<Arg> list)
        {
            for (int i = 0; i < list.Count; i++) Annotate(args, list[i]);
        }

        void Annotate(Arguments args, Arg a)
        {
            a.Parent = args;
            if (a.Annotation is not null) { a.Annotation.Parent = a; Visit(a.Annotation); }
        }

        void BindParameters(Arguments args, Node owner)
        {
            BindAll(args, args.Posonlyargs, owner);
            BindAll(args, args.Args, owner);
            if (args.Vararg is not null) BindParameter(args, args.Vararg, owner);
            BindAll(args, args.Kwonlyargs, owner);
            if (args.Kwarg is not null) BindParameter(args, args.Kwarg, owner);
        }

        void BindAll(Arguments args, IReadOnlyList<Arg> list, Node owner)
        {
            for (int i = 0; i < list.Count; i++) BindParameter(args, list[i], owner);
        }

        void BindParameter(Arguments args, Arg a, Node owner)
        {
            a.Parent ??= args;
            Bind(a.Name, BindingKind.Parameter, a, owner.Start);
        }

        /// <summary>Visits each node of a child list: arrays (what the parser builds) directly, without an enumerator.</summary>
        void VisitAll<T>(IReadOnlyList<T> list) where T : Node
        {
            if (list is T[] array)
            {
                foreach (var n in array) Visit(n);
                return;
            }
            for (int i = 0; i < list.Count; i++) Visit(list[i]);
        }

        void VisitAssign(Assign a)
        {
            Visit(a.Value);
            var targets = a.Targets;
            for (int i = 0; i < targets.Count; i++) VisitTarget(targets[i], a.Value, a, BindingKind.Assignment);
        }

        /// <summary>Binds the names of an assignment target; a tuple target takes the matching element of a tuple value.</summary>
        void VisitTarget(Expr target, Expr? value, Stmt statement, BindingKind kind)
        {
            switch (target)
            {
                case Name n:
                    n.Parent = _parent!;
                    model.RecordName(n, _scope);
                    if (kind == BindingKind.Assignment && DynamicImportOf(value) is { } imported)
                    {
                        model._importedModules.Add(imported.Split('.')[0]);
                        model._importedNames.Add(imported);
                        Bind(n.Id, BindingKind.DynamicImport, statement, statement.End, imported: imported);
                    }
                    else Bind(n.Id, kind, statement, statement.End, value);
                    break;
                case TupleExpr or ListExpr:
                    var elts = target is TupleExpr t ? t.Elts : ((ListExpr)target).Elts;
                    var values = value switch { TupleExpr vt => vt.Elts, ListExpr vl => vl.Elts, _ => null };
                    bool matched = values is not null && values.Count == elts.Count;
                    target.Parent = _parent!;
                    var saved = _parent;
                    _parent = target;
                    for (int i = 0; i < elts.Count; i++)
                        VisitTarget(elts[i], matched ? values![i] : null, statement, matched ? kind : BindingKind.Other);
                    _parent = saved;
                    break;
                case Starred s:
                    s.Parent = _parent!;
                    var savedStar = _parent;
                    _parent = s;
                    VisitTarget(s.Value, null, statement, BindingKind.Other);
                    _parent = savedStar;
                    break;
                default:
                    // Attribute and subscript targets bind nothing; their sub-expressions are uses.
                    Visit(target);
                    break;
            }
        }

        /// <summary>`importlib.import_module("m")` → `m`; `__import__("a.b")` → `a` (or `a.b` with a fromlist).</summary>
        string? DynamicImportOf(Expr? value)
        {
            if (value is not Call { Args.Count: >= 1 } call || call.Args[0] is not Constant { ValueKind: ConstantKind.Str } name) return null;
            var module = name.AsString!;
            if (module.Length == 0 || module.StartsWith('.')) return null;
            var q = model.QualifiedName(call.Func);
            if (q == "importlib.import_module") return module;
            if (q == "__import__")
            {
                bool hasFromList = call.Args.Count >= 4 || call.Keywords.Any(k => k.Name == "fromlist");
                return hasFromList ? module : module.Split('.')[0];
            }
            return null;
        }

        void VisitImport(Import imp)
        {
            foreach (var a in imp.Names)
            {
                a.Parent = imp;
                var top = a.Name.Split('.')[0];
                model._importedModules.Add(top);
                model._importedNames.Add(a.Name);
                if (a.AsName is { } asName) Bind(asName, BindingKind.Import, imp, imp.End, imported: a.Name);
                else Bind(top, BindingKind.Import, imp, imp.End, imported: top);
            }
        }

        void VisitImportFrom(ImportFrom from)
        {
            var module = AbsoluteModule(from);
            if (from.Level == 0 && from.Module is { } m) model._importedModules.Add(m.Split('.')[0]);
            foreach (var a in from.Names)
            {
                a.Parent = from;
                if (a.Name == "*") continue;
                var qualified = module is null || module.Length == 0 ? a.Name : module + "." + a.Name;
                if (from.Level > 0 && module is null) qualified = new string('.', from.Level) + (from.Module is null ? "" : from.Module + ".") + a.Name;
                model._importedNames.Add(qualified);
                Bind(a.AsName ?? a.Name, BindingKind.FromImport, from, from.End, imported: qualified);
            }
        }

        /// <summary>The absolute module of a `from` import; null for a relative import when the file's module is unknown.</summary>
        string? AbsoluteModule(ImportFrom from)
        {
            if (from.Level == 0) return from.Module;
            if (model.ModuleName is null) return null;
            var parts = model.ModuleName.Split('.').ToList();
            int drop = from.Level - (model.IsPackage ? 1 : 0);
            if (drop > parts.Count) return null;
            parts.RemoveRange(parts.Count - drop, drop);
            if (from.Module is not null) parts.Add(from.Module);
            return string.Join('.', parts);
        }

        void Bind(string name, BindingKind kind, Node node, int position, Expr? value = null, string? imported = null)
        {
            var target = _scope;
            if (target.IsGlobal(name)) target = model.ModuleScope;
            else if (target.IsNonlocal(name))
            {
                var s = target.Parent;
                while (s is not null && (s.Kind == ScopeKind.Class || s.BindingsOf(name).Count == 0) && s.Parent is not null) s = s.Parent;
                target = s ?? target;
            }
            AddBinding(target, new Binding(name, kind, target, node, position) { Value = value, ImportedName = imported });
        }

        static void AddBinding(Scope scope, Binding b) => scope.Add(b);

        /// <summary>`global` and `nonlocal` apply to the whole scope, wherever they appear in it.</summary>
        static void DeclareGlobals(Scope scope, IReadOnlyList<Stmt> body)
        {
            var scanner = new DeclarationScanner(scope);
            for (int i = 0; i < body.Count; i++) scanner.Visit(body[i]);
        }

        sealed class DeclarationScanner(Scope scope) : AstWalker
        {
            public override void Visit(Node node)
            {
                switch (node)
                {
                    case Global g: foreach (var n in g.Names) scope.DeclareGlobal(n); return;
                    case Nonlocal nl: foreach (var n in nl.Names) scope.DeclareNonlocal(n); return;
                    case FunctionDef or ClassDef or Expr: return;
                }
                node.WalkChildren(this);
            }
        }
    }
}
