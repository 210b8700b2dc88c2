using Bulwark.Semantics;

using static Bulwark.Taint.CallConditions;

namespace Bulwark.Taint;

public sealed partial class TaintAnalysis
{
    void Analyse(FunctionState fs)
    {
        if (_relevant is not null && !_relevant[fs.Id]) return;
        _evaluations++;
        var evaluator = new Evaluator(this, fs);
        evaluator.Run();
        fs.Summary = evaluator.Summary.IsEmpty ? Summary.Empty : evaluator.Summary;
        if (_collectSummaries) fs.Facts = evaluator.Describe();
        fs.Analysed = true;
    }

    /// <summary>Computes the values of one function's IR to a fixpoint, then its sinks, stores and returns.</summary>
    sealed partial class Evaluator
    {
        const int MaxPasses = 12;
        readonly TaintAnalysis _a;
        readonly FunctionState _fs;
        readonly IrFunction _f;
        readonly ModuleIr _mod;
        readonly int _m;
        readonly EntryPoint? _entry;
        readonly AValue[] _values;
        readonly Dictionary<int, Fact[]> _side = [];
        readonly Dictionary<(int, uint, int, int), SinkEdge> _sinkEdges = [];
        readonly Dictionary<StoreKey, StoreEdge> _storeEdges = [];
        const int MaxStoresPerFunction = 1000;
        public Summary Summary { get; } = new();

        public Evaluator(TaintAnalysis a, FunctionState fs)
        {
            _a = a;
            _fs = fs;
            _f = fs.F;
            _m = fs.Module;
            _mod = a._index.Modules[_m];
            a._entries.TryGetValue(fs.Id, out _entry);
            // One buffer for every evaluation (the project phase analyses one function at a time); only the first
            // Values.Length entries are this function's.
            int n = _f.Values.Length;
            if (a._valueBuffer.Length < n) a._valueBuffer = new AValue[Math.Max(n, 2 * a._valueBuffer.Length)];
            _values = a._valueBuffer;
            Array.Fill(_values, AValue.Empty, 0, n);
        }

        public void Run()
        {
            // A value reads only earlier values unless it sits on a loop's back edge (or a call adds a marker to an
            // earlier receiver), so the values before the first such reader are final after one pass: later passes
            // start there, and a function without one needs a single pass.
            int firstBack = _fs.FirstBackEdgeReader;
            int start = 0, n = _f.Values.Length;
            // From the second pass on, a value is worked out again only when a value it reads (or its marker) changed
            // since it was last worked out: the first pass works out value v at tick v + 1, later ones count on.
            int[]? evaluatedAt = null, changedAt = null;
            for (int pass = 0; pass < MaxPasses; pass++)
            {
                bool changed = false;
                _sideLowest = int.MaxValue;
                for (int v = start; v < n; v++)
                {
                    if (evaluatedAt is null) _tick = v + 1;
                    else if (!InputChanged(v, evaluatedAt[v], changedAt!)) continue;
                    else evaluatedAt[v] = ++_tick;
                    var nv = Eval(v);
                    if (_side.TryGetValue(v, out var extra)) nv = nv.With(whole: Facts.Union(nv.Whole, extra));
                    if (!AValue.Same(nv, _values[v]))
                    {
                        _values[v] = nv;
                        changed = true;
                        if (changedAt is not null) changedAt[v] = _tick;
                    }
                }
                if (!changed && !_filesChanged) break;
                _filesChanged = false;
                start = Math.Min(firstBack, _sideLowest);
                if (start >= n) break;
                if (evaluatedAt is null)
                {
                    evaluatedAt = new int[n];
                    changedAt = new int[n];
                    for (int v = 0; v < n; v++)
                    {
                        evaluatedAt[v] = v + 1;
                        // Every value starts empty: one still empty did not change.
                        changedAt[v] = ReferenceEquals(_values[v], AValue.Empty) ? 0 : v + 1;
                    }
                    _tick = n;
                }
            }
            for (int i = 0; i < _f.Calls.Length; i++) CallEffects(i);
            foreach (var e in _f.Effects) Effect(e);
            if (_sinkEdges.Count > 0) Summary.Sinks = [.. _sinkEdges.Values];
            if (_storeEdges.Count > 0) Summary.Stores = [.. _storeEdges.Values];
        }

        /// <summary>The lowest value whose evaluation reads a value at or after itself (<see cref="int.MaxValue"/> when none does).</summary>
        public static int FirstBackEdgeReader(IrFunction f)
        {
            var values = f.Values;
            for (int v = 0; v < values.Length; v++)
            {
                var iv = values[v];
                switch (iv.Op)
                {
                    case IrOp.Const or IrOp.Param or IrOp.Global or IrOp.Cell or IrOp.FuncRef or IrOp.ClassRef or IrOp.Unknown:
                        break;
                    case IrOp.Phi or IrOp.Compose or IrOp.LoadItem or IrOp.Insert:
                        foreach (var o in f.OperandsOf(iv)) if (o >= v) return v;
                        break;
                    case IrOp.Container:
                        var pairs = f.OperandsOf(iv);
                        for (int i = 1; i < pairs.Length; i += 2) if (pairs[i] >= v) return v;
                        break;
                    case IrOp.LoadAttr or IrOp.Element or IrOp.Sanitize:
                        if (f.Operands[iv.A] >= v) return v;
                        break;
                    case IrOp.Refine:
                        if (f.Operands[iv.A] >= v || f.Guards[iv.N].Collection >= v) return v;
                        break;
                    case IrOp.Call:
                        var c = f.Calls[iv.A];
                        if (c.Receiver >= v) return v;
                        foreach (var a in c.Args) if (a >= v) return v;
                        foreach (var k in c.KeywordValues) if (k >= v) return v;
                        break;
                    default:
                        return v;
                }
            }
            return int.MaxValue;
        }

        /// <summary>The lowest value a call gave a marker to during the current pass.</summary>
        int _sideLowest = int.MaxValue;

        /// <summary>The tick of the value being worked out, and the tick at which a call last gave each value a marker.</summary>
        int _tick;
        Dictionary<int, int>? _sideAt;

        /// <summary>Whether a value worked out at tick <paramref name="at"/> reads one that changed since (or got a marker since).</summary>
        bool InputChanged(int v, int at, int[] changedAt)
        {
            if (_sideAt is not null && _sideAt.TryGetValue(v, out var marked) && marked > at) return true;
            var iv = _f.Values[v];
            switch (iv.Op)
            {
                case IrOp.Const or IrOp.Param or IrOp.Global or IrOp.Cell or IrOp.FuncRef or IrOp.ClassRef or IrOp.Unknown:
                    return false;
                case IrOp.Phi or IrOp.Compose or IrOp.LoadItem or IrOp.Insert:
                    foreach (var o in _f.OperandsOf(iv)) if (changedAt[o] > at) return true;
                    return false;
                case IrOp.Container:
                    var pairs = _f.OperandsOf(iv);
                    for (int i = 1; i < pairs.Length; i += 2) if (changedAt[pairs[i]] > at) return true;
                    return false;
                case IrOp.LoadAttr or IrOp.Element or IrOp.Sanitize:
                    return changedAt[_f.Operands[iv.A]] > at;
                case IrOp.Refine:
                    return changedAt[_f.Operands[iv.A]] > at || _f.Guards[iv.N].Collection is >= 0 and var collection && changedAt[collection] > at;
                case IrOp.Call:
                    var c = _f.Calls[iv.A];
                    if (c.Receiver >= 0 && changedAt[c.Receiver] > at) return true;
                    foreach (var a in c.Args) if (changedAt[a] > at) return true;
                    foreach (var k in c.KeywordValues) if (changedAt[k] > at) return true;
                    return false;
                default:
                    return true;
            }
        }

        /// <summary>Each value's facts, types and functions, for `debug taint --ir`.</summary>
        public string[] Describe() => _values.Take(_f.Values.Length).Select(v =>
            string.Join(", ", v.Collapse().Select(f => f.Origin + (f.Cleared != 0 ? $" (clean for {SinkKinds.NameOf(f.Cleared)})" : "")))
            + (v.Types.Length > 0 ? " : " + string.Join("|", v.Types) : "")
            + (v.Functions.Length > 0 ? " fn " + string.Join(",", v.Functions) : "")
            + (v.Partials.Length > 0 ? " partial" : "")
            + (v.Shape != ValueShape.Unknown ? " " + v.Shape : "")).ToArray();

        // ───────────── steps ─────────────

        /// <summary>The last step made at each site with its own name, for the next passes over the body to reuse.</summary>
        Step?[]? _steps;

        Step StepAt(int site, StepKind kind, string? what = null)
        {
            if (site < 0) return new Step(_m, _f.Start, _f.Start, kind, what ?? _f.Name);
            if (what is not null) return new Step(_m, _f.Sites[site].Start, _f.Sites[site].End, kind, what);
            _steps ??= new Step?[_f.Sites.Length];
            if (_steps[site] is { } made && made.Kind == kind) return made;
            return _steps[site] = new Step(_m, _f.Sites[site].Start, _f.Sites[site].End, kind, _mod.Str(_f.Sites[site].Name));
        }

        ReadOnlySpan<int> Ops(int v) => _f.OperandsOf(_f.Values[v]);

        // ───────────── values ─────────────

        AValue Eval(int v)
        {
            var iv = _f.Values[v];
            switch (iv.Op)
            {
                case IrOp.Const: return iv.Shape == ValueShape.Unknown ? AValue.Empty : AValue.Of(Facts.None, iv.Shape);
                case IrOp.Unknown: return AValue.Empty;
                case IrOp.Param: return NamedParameter(ParamValue(iv), iv);
                case IrOp.Phi:
                {
                    var ops = Ops(v);
                    var r = AValue.Empty;
                    foreach (var o in ops) r = AValue.Join(r, _values[o]);
                    if (iv.Site >= 0 && _f.Sites[iv.Site].Kind == SiteKind.Assignment)
                    {
                        if (!r.HasNoFacts)
                        {
                            var step = StepAt(iv.Site, StepKind.Assignment);
                            r = r.MapFacts(f => Facts.Step(f, step));
                        }
                        r = NamedAssignment(r, v, iv);
                    }
                    return r;
                }
                case IrOp.Compose: return Compose(v);
                case IrOp.Container:
                {
                    var ops = Ops(v);
                    if (ops.Length == 0) return AValue.Of(Facts.None, ValueShape.Container);
                    // Sized for its items (one per pair, at most the 17 that make it collapse): growing a table from its
                    // default size made most of what evaluating displays allocated.
                    var fields = new Dictionary<string, AValue>(Math.Min(ops.Length / 2, 17), StringComparer.Ordinal);
                    var whole = Facts.None;
                    // S 1: an object with members stored into it, keyed as fields are (`.a`, `[k]`), of no known shape.
                    bool placed = iv.S == 1;
                    for (int i = 0; i + 1 < ops.Length; i += 2)
                    {
                        var key = ops[i] < 0 ? "*" : placed ? _mod.Str(ops[i]) : _a.ItemKeyOf(_m, ops[i]);
                        var val = _values[ops[i + 1]];
                        fields[key] = fields.TryGetValue(key, out var existing) ? AValue.Join(existing, val) : val;
                    }
                    if (fields.Count > 16) { foreach (var f in fields.Values) whole = Facts.Union(whole, f.Collapse()); fields.Clear(); }
                    return new AValue(whole, fields.Count == 0 ? null : fields, [], placed ? ValueShape.Unknown : ValueShape.Container, [], []);
                }
                case IrOp.LoadAttr: return LoadAttr(v, iv);
                case IrOp.LoadItem: return LoadItem(v, iv);
                case IrOp.Call: return CallResultOnce(iv.A);
                case IrOp.Refine:
                {
                    var guard = _f.Guards[iv.N];
                    var inner = _values[_f.Operands[iv.A]];
                    if (inner.HasNoFacts) return inner;
                    AValue? collection = guard.Collection >= 0 ? _values[guard.Collection] : null;
                    // `x in d` tests a dict's keys, and what a dict holds is tracked for its values: no proof.
                    if (collection is not null && IsMapping(collection)) return inner;
                    var cleared = inner.MapFacts(f => Facts.Clear(f, guard.Clears, guard.NeedsNormalised));
                    // A member of a computed list, set or tuple is one of its items: it holds what the collection holds
                    // (and, fact by fact, nothing else of its own), so it is safe exactly when the collection is.
                    if (collection is not null && collection.Collapse() is { Length: > 0 } held)
                        cleared = cleared.With(whole: Facts.Union(cleared.Whole, held));
                    return cleared;
                }
                case IrOp.Global: return GlobalValue(iv);
                case IrOp.Cell:
                {
                    var key = _mod.Str(iv.S);
                    var types = iv.N >= 0 ? _a.StaticTypes(_m, iv.N) : [];
                    return _a._cells.Contains(key) && _a.CellLive(key, _fs.Id)
                        ? new AValue([new Fact(_a._origins.Cell(key), 0, 0, null)], null, types, ValueShape.Unknown, [], [])
                        : AValue.Of(Facts.None, ValueShape.Unknown, types);
                }
                case IrOp.FuncRef:
                    return new AValue(Facts.None, null, [], ValueShape.Unknown, [_a._index.FunctionId(_m, iv.A)], []);
                case IrOp.ClassRef:
                    return AValue.Of(Facts.None, ValueShape.Unknown, ["=class:" + (_a._types.Canonical(_m, _mod.Str(iv.S)).FirstOrDefault() ?? _mod.Str(iv.S))]);
                case IrOp.Element:
                {
                    var inner = _values[_f.Operands[iv.A]];
                    var key = iv.S < 0 ? null : "[" + _mod.Str(iv.S) + "]";
                    var facts = key is null ? inner.Collapse() : inner.Member(key);
                    var field = key is null ? null : inner.Field(key);
                    if (field is not null && field.Fields is not null) return field.With(whole: Facts.Union(field.Whole, inner.Whole));
                    return AValue.Of(facts, inner.Shape == ValueShape.Str ? ValueShape.Str : field?.Shape ?? ValueShape.Unknown, field?.Types);
                }
                case IrOp.Insert:
                {
                    var ops = Ops(v);
                    var prior = _values[ops[0]];
                    var added = Facts.None;
                    for (int i = 1; i < ops.Length; i++) added = Facts.Union(added, _values[ops[i]].Collapse());
                    // `items.pop(0)`: what sat at an index (or was appended after some) may now sit at another.
                    if (iv.S == 1 && prior.Fields is { } positioned)
                        foreach (var (key, item) in positioned)
                            if (IsIndexKey(key) || IsAppendedKey(key)) added = Facts.Union(added, item.Collapse());
                    if (added.Length == 0) return prior;
                    var fields = prior.Fields is null ? new Dictionary<string, AValue>(StringComparer.Ordinal) : new Dictionary<string, AValue>(prior.Fields, StringComparer.Ordinal);
                    if (iv.S == 1)
                        foreach (var key in fields.Keys.Where(k => IsIndexKey(k) || IsAppendedKey(k)).ToList()) fields.Remove(key);
                    // `append`/`extend` add after the items at known indices: reading one of those does not see them.
                    var at = iv.S == 2 ? AppendedAt(prior) : "*";
                    fields[at] = fields.TryGetValue(at, out var any) ? any.With(whole: Facts.Union(any.Whole, added)) : AValue.Of(added);
                    return prior.With(fields: fields, shape: prior.Shape == ValueShape.Unknown ? ValueShape.Container : prior.Shape);
                }
                case IrOp.Sanitize:
                {
                    var inner = _values[_f.Operands[iv.A]];
                    // A copy in this block: a lambda capturing `iv` itself would make every evaluation allocate a closure.
                    var clears = (uint)iv.N;
                    return inner.MapFacts(f => Facts.Clear(f, clears));
                }
                default: return AValue.Empty;
            }
        }

        AValue ParamValue(IrValue iv)
        {
            int index = iv.A;
            var param = index < _f.Params.Length ? _f.Params[index] : null;
            Step step() => StepAt(iv.Site, StepKind.Parameter, param?.Name);
            if (_entry is not null && index < _entry.Parameters.Length)
            {
                var b = _entry.Parameters[index];
                switch (b.Kind)
                {
                    case ParamBind.Source:
                    {
                        var at = step();
                        var origin = _a._origins.Source(b.SourceKind, b.Description, at);
                        _a._demand?.Created(_fs.Id, b.SourceKind);
                        var types = b.Type is null ? [] : new[] { b.Type };
                        return AValue.Of([new Fact(origin, b.Clears, 0, Trail.Start(at))], ValueShape.Unknown, types);
                    }
                    case ParamBind.Typed:
                        return AValue.Of(Facts.None, ValueShape.Unknown, [b.Type!]);
                    case ParamBind.Depends:
                        var dep = _a._functions[b.DependsOn];
                        if (!dep.Analysed) return AValue.Empty;
                        _a.Uses(_fs, b.DependsOn, null);
                        var ret = dep.Summary.Return;
                        var depStep = step();
                        return ret.MapFacts(fs => Facts.Map(fs, f => f.Origin.Kind == OriginKind.Param ? null : f with { Trail = Trail.Append(f.Trail, Trail.Start(depStep)) }));
                    default:
                        // Not request data, but what it is still matters (`response: Response`).
                        return param?.Annotation is { } boundAnn
                            ? AValue.Of(Facts.None, ValueShape.Unknown, _a.AnnotationTypes(_m, boundAnn))
                            : AValue.Empty;
                }
            }
            string[] staticTypes = [];
            if (param?.Annotation is { } ann) staticTypes = _a.AnnotationTypes(_m, ann);
            if (index == 0 && _f.Class >= 0 && !_f.IsStatic)
                staticTypes = [(_f.IsClassMethod ? "=class:" : "") + _a._index.ClassName(_m, _mod.Classes[_f.Class])];
            // A parameter no call passes taint to has none of its own (see TaintAnalysis.Liveness).
            if (!_a.ParamLive(_fs, index)) return AValue.Of(Facts.None, ValueShape.Unknown, staticTypes);
            return new AValue([new Fact(_a._origins.Param(index, ""), 0, 0, Trail.Start(step()))], null, staticTypes, ValueShape.Unknown, [], []);
        }

        /// <summary>The field of items appended after the first n known ones: `&gt;n` (<see cref="AValue.AppendedKey"/>).</summary>
        static bool IsAppendedKey(string key) => key.Length > 1 && key[0] == '>';

        /// <summary>The field for items appended to <paramref name="list"/>: after its items at indices 0, 1, … known from a display; `*` when none is.</summary>
        static string AppendedAt(AValue list)
        {
            int n = 0;
            if (list.Fields is { } fields)
                while (n < IndexKeys.Length && fields.ContainsKey(IndexKeys[n])) n++;
            return n == 0 ? "*" : AValue.AppendedKey(n);
        }

        static readonly string[] IndexKeys = [.. Enumerable.Range(0, 17).Select(i => "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]")];

        /// <summary>A field of an item at an integer position: `[0]`, `[-1]`.</summary>
        static bool IsIndexKey(string key) =>
            key.Length > 2 && key[0] == '[' && key[^1] == ']' && (char.IsAsciiDigit(key[1]) || key[1] == '-' && key.Length > 3 && char.IsAsciiDigit(key[2]));

        /// <summary>A string built from parts: a constant prefix before a part limits what that part can do (a fixed scheme and host, a directory).</summary>
        AValue Compose(int v)
        {
            var ops = Ops(v);
            bool anyFacts = false;
            foreach (var o in ops)
                if (!_values[o].HasNoFacts) { anyFacts = true; break; }
            if (!anyFacts) return AValue.CleanStr;
            var whole = Facts.None;
            var prefix = new System.Text.StringBuilder();
            bool constantSoFar = true;
            // What the constant prefix fixes holds for every later part too: in
            // "https://example.com/%s/%s" % (a, b) neither a nor b can change the host.
            uint origin = 0;
            // Past a scheme (`://`), a part, then a `/`, `?` or `#`, the host is over: later parts are the path
            // (`"https://%s/%s" % (host, user)` - `user` cannot choose where the request goes, `host` can). Past a
            // `?` or `#` anywhere, whatever came before it, later parts are the query or the fragment: in
            // `"%s?%s" % (path, query)` only `path` can choose where the request or the redirect goes.
            bool scheme = false, authority = false;
            for (int i = 0; i < ops.Length; i++)
            {
                var part = _f.Values[ops[i]];
                if (part.Op == IrOp.Const && part.Shape == ValueShape.Str)
                {
                    var text = _mod.Str(part.S);
                    if (constantSoFar) prefix.Append(text);
                    if (!scheme && text.IndexOf("://", StringComparison.Ordinal) is var at and >= 0)
                    {
                        scheme = true;
                        if (text.AsSpan(at + 3).IndexOfAny('/', '?', '#') > 0) origin |= SinkKinds.Ssrf | SinkKinds.Redirect;
                    }
                    else if (authority && text.AsSpan().IndexOfAny('/', '?', '#') >= 0) origin |= SinkKinds.Ssrf | SinkKinds.Redirect;
                    if (text.AsSpan().IndexOfAny('?', '#') >= 0) origin |= SinkKinds.Ssrf | SinkKinds.Redirect;
                    continue;
                }
                authority |= scheme;
                if (constantSoFar && prefix.Length > 0)
                {
                    var p = prefix.ToString();
                    if (Guards.FixedOrigin(p)) origin |= SinkKinds.Ssrf | SinkKinds.Redirect;
                    else if (p.Length >= 2 && p[0] == '/' && p[1] is not ('/' or '\\')) origin |= SinkKinds.Redirect;
                    if (p.Contains('?') || p.Contains('#')) origin |= SinkKinds.Ssrf | SinkKinds.Redirect;
                }
                var facts = _values[ops[i]].Collapse();
                if (facts.Length > 0)
                    whole = Facts.Union(whole, Facts.Clear(facts, origin | (i > 0 ? SinkKinds.PathAbsolute : 0)));
                constantSoFar = false;
            }
            return AValue.Of(whole, ValueShape.Str, ["str"]);
        }

        AValue LoadAttr(int v, IrValue iv) =>
            AttributeOf(_values[_f.Operands[iv.A]], _mod.Str(iv.S), _a.AttrKey(_m, iv.S), iv.N, iv.Site, _a.NameKindOf(_m, iv.S));

        /// <summary>
        /// Member <paramref name="attr"/> of a value read at <paramref name="site"/>; <paramref name="named"/> is the
        /// attribute's sensitive-name kind. The load's step is made only when a fact needs it (most reads make none).
        /// </summary>
        AValue AttributeOf(AValue obj, string attr, string key, int staticTypes, int site, uint named)
        {
            Step? step = null;
            Step Load() => step ??= StepAt(site, StepKind.Load);
            var whole = ExtendParams(MemberOf(obj.Whole, attr), key);
            if (obj.Field(key) is { } field) whole = Facts.Union(whole, field.Collapse());
            List<string>? types = null;
            ValueShape shape = ValueShape.Unknown;
            foreach (var t in ReceiverTypes(obj, staticTypes))
            {
                bool onClass = t.StartsWith("=class:", StringComparison.Ordinal);
                var owner = onClass ? t[7..] : t;
                var info = _a.MemberInfoOf(owner, attr);
                // `request.path` in a view whose every route is fixed text is that text.
                if (info.Source is { } source && !(attr == "path" && owner == "flask.Request" && _entry is { FixedPath: true }))
                {
                    Fact[] read = [SourceFact(source, Load())];
                    // A Django view's path under routes that need a first segment never starts with `//`: a path on this site.
                    if (attr is "path" or "path_info" && owner == "django.http.HttpRequest" && _entry is { LocalPath: true })
                        read = Facts.Clear(read, SinkKinds.Redirect | SinkKinds.Ssrf);
                    whole = Facts.Union(whole, read);
                }
                foreach (var cell in info.Cells) if (_a.CellLive(cell, _fs.Id)) whole = Facts.Union(whole, [new Fact(_a._origins.Cell(cell), 0, 0, null)]);
                foreach (var at in info.Types)
                    if (!(types ??= []).Contains(at)) types.Add(at);
                // A field annotated with a number, UUID or Literal, or constrained by a pattern, only holds what validation let through.
                if (info.Clears != 0) whole = Facts.Clear(whole, info.Clears);
                // `form.cleaned_data` of a Django form: its items are what each declared field let through (see LoadItem).
                if (attr == "cleaned_data" && !onClass && _a.IsDjangoForm(owner)) (types ??= []).Add(CleanedData + owner);
            }
            if (obj.Shape == ValueShape.Str) shape = ValueShape.Str;
            if (named != 0) whole = Named(whole, attr, Load());
            if (types is null && (obj.Functions.Length == 0 || attr is not "__call__")) return AValue.Of(whole, shape);
            return new AValue(whole, null, types is null ? [] : types.ToArray(), types is null ? shape : ShapeOf(types, shape),
                obj.Functions.Length > 0 && attr is "__call__" ? obj.Functions : [], []);
        }

        /// <summary>Static types from the IR (canonical) and the value's own, each once, without symbolic forms other than `=class:`.</summary>
        string[] ReceiverTypes(AValue obj, int staticTypes)
        {
            var known = staticTypes >= 0 ? _a.StaticReceiverTypes(_m, staticTypes) : [];
            foreach (var t in obj.Types)
                if ((!t.StartsWith('=') || t.StartsWith("=class:", StringComparison.Ordinal)) && Array.IndexOf(known, t) < 0)
                    return Merge(known, obj.Types);
            return known;
        }

        static string[] Merge(string[] known, string[] more)
        {
            var list = new List<string>(known);
            foreach (var t in more)
                if ((!t.StartsWith('=') || t.StartsWith("=class:", StringComparison.Ordinal)) && !list.Contains(t)) list.Add(t);
            return [.. list];
        }

        Fact SourceFact(SourceModel source, Step step)
        {
            _a._demand?.Created(_fs.Id, source.Kind);
            return new(_a._origins.Source(source.Kind, source.Description, step with { Kind = StepKind.Source }), 0, 0, Trail.Start(step with { Kind = StepKind.Source }));
        }

        /// <summary>Reading below a parameter gives a deeper parameter origin (`request` → `request.GET`), up to two steps.</summary>
        Fact[] ExtendParams(Fact[] facts, string key)
        {
            // Most loads read no parameter with room below it: the facts as they are, without a closure or a copy.
            bool any = false;
            foreach (var f in facts)
                if (f.Origin.Kind == OriginKind.Param && f.Origin.PathDepth < AValue.MaxDepth) { any = true; break; }
            return any ? ExtendParamsCore(facts, key) : facts;
        }

        Fact[] ExtendParamsCore(Fact[] facts, string key) => Facts.Map(facts, f =>
        {
            if (f.Origin.Kind != OriginKind.Param || f.Origin.PathDepth >= AValue.MaxDepth) return f;
            return f with { Origin = _a._origins.Param(f.Origin.Param, f.Origin.Path + key) };
        });

        AValue LoadItem(int v, IrValue iv)
        {
            var ops = Ops(v);
            var obj = _values[ops[0]];
            string? key = iv.S < 0 ? null : _a.ItemKeyOf(_m, iv.S);
            Fact[] whole;
            AValue? field = null;
            if (key is not null)
            {
                field = obj.Field(key);
                whole = Facts.Union(ExtendParams(MemberOf(obj.Whole, _mod.Str(iv.S)), key), field is null ? Facts.None : field.Collapse());
                whole = Facts.Union(whole, obj.Unplaced(key));
            }
            else whole = ExtendParams(obj.Collapse(), "[*]");
            // The load's step is made only when a fact needs it, and the key's description only when the key names a secret.
            if (key is not null && _a.WholeNameKindOf(_m, iv.S) != 0)
            {
                var step = StepAt(iv.Site, StepKind.Load);
                whole = Named(whole, _mod.Str(iv.S), step, $"{step.What}[\"{_mod.Str(iv.S)}\"]");
            }
            foreach (var t in obj.Types)
            {
                if (t.StartsWith('=')) continue;
                foreach (var (keyed, any, src) in _a.ItemsOf(t, key))
                {
                    if (keyed is not null && _a.CellLive(keyed, _fs.Id)) whole = Facts.Union(whole, [new Fact(_a._origins.Cell(keyed), 0, 0, null)]);
                    if (any is not null && _a.CellLive(any, _fs.Id)) whole = Facts.Union(whole, [new Fact(_a._origins.Cell(any), 0, 0, null)]);
                    if (src is not null) whole = Facts.Union(whole, [SourceFact(src, StepAt(iv.Site, StepKind.Load))]);
                }
            }
            if (key is not null && whole.Length > 0) whole = SafeItem(whole, _mod.Str(iv.S), obj);
            if (field is not null && field.Fields is not null) return field.With(whole: whole);
            var item = Sliced(AValue.Of(whole, obj.Shape == ValueShape.Str ? ValueShape.Str : field?.Shape ?? ValueShape.Unknown, field?.Types ?? ItemTypes(obj.Types)), v);
            return obj.Functions.Length > 0 ? item.With(functions: obj.Functions) : item;
        }

        /// <summary>The type given to a Django form's `cleaned_data`, followed by the form's type.</summary>
        const string CleanedData = "=cleaned:";

        /// <summary>
        /// An item read by a constant key: the facts of a source whose item that is holds no client text
        /// (<see cref="SourceModel.SafeKeys"/>) are dropped, and a Django form's cleaned field is what its validation let through.
        /// </summary>
        Fact[] SafeItem(Fact[] facts, string key, AValue container)
        {
            if (_a._safeSourceKeys.Count > 0)
            {
                List<Fact>? kept = null;
                for (int i = 0; i < facts.Length; i++)
                {
                    var o = facts[i].Origin;
                    bool safe = o.Kind == OriginKind.Source && _a._safeSourceKeys.TryGetValue(o.Key, out var keys) && Array.IndexOf(keys, key) >= 0;
                    if (safe && kept is null) kept = [.. facts.AsSpan(0, i)];
                    else if (!safe) kept?.Add(facts[i]);
                }
                if (kept is not null) facts = kept.Count == 0 ? Facts.None : [.. kept];
            }
            return ValidatedFormField(container, key, facts);
        }

        /// <summary>An item of a Django form's `cleaned_data` (`form.cleaned_data["age"]`, `.get("age")`): cleared when the form declares that field of a validated kind.</summary>
        Fact[] ValidatedFormField(AValue container, string field, Fact[] facts)
        {
            foreach (var t in container.Types)
                if (t.StartsWith(CleanedData, StringComparison.Ordinal) && _a.FormFieldClears(t[CleanedData.Length..], field) is var clears and not 0)
                    facts = Facts.Clear(facts, clears);
            return facts;
        }

        /// <summary>
        /// A global name's value: the same in every function of the module unless it holds a fact or the function is
        /// a view of a fixed route, so the others are made once per module and name. A value that read cells is the
        /// same while none of them is hot: each later reader reads them again (so it is analysed again when one gets
        /// hot), and works the value out afresh if one is.
        /// </summary>
        AValue GlobalValue(IrValue iv)
        {
            if (iv.S < 0) return GlobalValue("", iv.Site, 0);
            var memo = _a._globalValues[_m] ??= [];
            if (memo.TryGetValue(iv.S, out var known) && !AnyLive(known.Cells)) return known.Value;
            var outer = _a._cellLog;
            var log = _a._cellLog = [];
            AValue value;
            try { value = GlobalValue(_mod.Str(iv.S), iv.Site, 0); }
            finally
            {
                _a._cellLog = outer;
                outer?.AddRange(log);
            }
            // In a view of a fixed route `request.path` holds no fact, though it does elsewhere: not kept.
            if (value.HasNoFacts && _entry is not { FixedPath: true }) memo[iv.S] = new GlobalMemo(value, log.Count == 0 ? null : [.. log]);
            return value;
        }

        /// <summary>Reads the cells again, as this function: whether one of them now gives its fact.</summary>
        bool AnyLive(string[]? cells)
        {
            if (cells is null) return false;
            bool live = false;
            foreach (var cell in cells) live |= _a.CellLive(cell, _fs.Id);
            return live;
        }

        /// <summary>
        /// A name rooted in an import: a modelled object or source, a project function, class or variable; or an
        /// attribute of one of those (`flask.request.form` is `.form` of the modelled `flask.request`).
        /// </summary>
        AValue GlobalValue(string q, int site, int depth)
        {
            var direct = GlobalCore(q, site);
            if (!direct.IsEmpty || depth > 4) return direct;
            var dot = q.LastIndexOf('.');
            if (dot <= 0) return direct;
            var owner = GlobalValue(q[..dot], site, depth + 1);
            if (owner.IsEmpty) return direct;
            var member = q[(dot + 1)..];
            return AttributeOf(owner, member, "." + member, -1, site, _a.NameKind(member));
        }

        AValue GlobalCore(string q, int site)
        {
            var iv = new IrValue { Site = site };
            var tables = _a._tables;
            var types = new List<string>();
            if (_a._catalog.GlobalType(q) is { } gt) types.Add(gt);
            var whole = Facts.None;
            if (tables.SourceGlobals.TryGetValue(q, out var source))
                whole = [SourceFact(source, StepAt(iv.Site, StepKind.Source))];
            int[] functions = [];
            if (types.Count == 0 && whole.Length == 0 && !_a.IsModelled(q))
            {
                var s = _a._index.Resolve(_m, q);
                switch (s.Kind)
                {
                    case SymbolKind.Function: functions = [_a._index.FunctionId(s.Module, s.Index)]; break;
                    case SymbolKind.Class: types.Add("=class:" + _a._index.CanonicalClass(s)); break;
                    case SymbolKind.Variable:
                        if (s.Key is { } cell && _a._cells.Contains(cell) && _a.CellLive(cell, _fs.Id)) whole = [new Fact(_a._origins.Cell(cell), 0, 0, null)];
                        var exported = _a._index.Modules[s.Module].Exports.GetValueOrDefault(q[(q.LastIndexOf('.') + 1)..]);
                        if (exported.Functions is { Length: > 0 } fns) functions = fns.Select(f => _a._index.FunctionId(s.Module, f)).ToArray();
                        foreach (var t in _a._types.Canonical(_m, "=global:" + q)) types.Add(t);
                        break;
                    case SymbolKind.None:
                        // A library's setting (`django.conf.settings.SECRET_KEY`): sensitive by its name.
                        if (_a.NameKind(q.AsSpan(q.LastIndexOf('.') + 1)) != 0)
                            whole = Named(whole, q[(q.LastIndexOf('.') + 1)..], StepAt(site, StepKind.Load), q);
                        break;
                }
            }
            return new AValue(whole, null, types.ToArray(), ShapeOf(types, ValueShape.Unknown), functions, []);
        }

        static ValueShape ShapeOf(IReadOnlyList<string> types, ValueShape fallback)
        {
            foreach (var t in types)
            {
                if (t is "str" or "bytes") return ValueShape.Str;
                if (t is "int" or "float" or "bool") return ValueShape.Number;
                if (t is "dict" or "list" or "tuple" or "set") return ValueShape.Container;
                if (t.EndsWith("Response", StringComparison.Ordinal) || t.EndsWith("Redirect", StringComparison.Ordinal)) return ValueShape.Response;
            }
            return fallback;
        }

        // ───────────── calls ─────────────

        /// <summary>The arguments of a call as the analysis sees them.</summary>
        readonly struct Actuals(AValue? receiver, AValue[] args, string?[] names, AValue[] keywords, int starredAt)
        {
            public AValue? Receiver { get; } = receiver;
            public AValue[] Args { get; } = args;
            public string?[] Names { get; } = names;
            public AValue[] Keywords { get; } = keywords;
            public int StarredAt { get; } = starredAt;

            public AValue All()
            {
                var r = Receiver ?? AValue.Empty;
                foreach (var a in Args) r = AValue.Join(r, a);
                foreach (var k in Keywords) r = AValue.Join(r, k);
                return r;
            }
        }

        Actuals ActualsOf(IrCall c) => new(
            c.Receiver >= 0 && c.Method is not null ? _values[c.Receiver] : null,
            ValuesOf(c.Args),
            c.KeywordNames,
            ValuesOf(c.KeywordValues),
            c.StarredAt);

        AValue[] ValuesOf(int[] indices)
        {
            if (indices.Length == 0) return [];
            var r = new AValue[indices.Length];
            for (int i = 0; i < r.Length; i++) r[i] = _values[indices[i]];
            return r;
        }

        /// <summary>The call's targets, adding those only the values know: functions called through variables, partials, instance types.</summary>
        (int[] Functions, string[] Library, bool BindsReceiver, string? Constructs, List<string>? Dataclass, Partial[] Partials) Resolve(int callIndex)
        {
            var c = _f.Calls[callIndex];
            var t = _fs.Calls[callIndex];
            // The call's static targets as they are (shared, never changed), copied only when the values add one.
            var functions = t.Functions;
            var library = t.Library;
            Partial[] partials = [];
            bool binds = t.BindsReceiver;
            if (c.Receiver >= 0)
            {
                var recv = _values[c.Receiver];
                if (c.Method is null)
                {
                    foreach (var fn in recv.Functions) if (Array.IndexOf(functions, fn) < 0) functions = [.. functions, fn];
                    partials = recv.Partials;
                }
                else if (functions.Length == 0 && library.Length == 0 && recv.Types.Length > 0)
                {
                    var dynamic = new CallTargets();
                    foreach (var type in recv.Types) _a.MethodTargets(dynamic, type, c.Method);
                    foreach (var fn in dynamic.Functions) if (Array.IndexOf(functions, fn) < 0) functions = [.. functions, fn];
                    foreach (var l in dynamic.Library) if (Array.IndexOf(library, l) < 0) library = [.. library, l];
                    binds |= dynamic.BindsReceiver;
                }
            }
            return (functions, library, binds, t.Constructs, t.DataclassFields, partials);
        }

        /// <summary>The inputs each call's result was last worked out from (receiver, arguments, keywords), and that result.</summary>
        AValue[]?[]? _callInputs;
        AValue[]? _callResults;

        /// <summary>
        /// A call's result, worked out again only when a value it reads changed since the last pass (a loop's later passes
        /// mostly change nothing): a call reads only those values and summaries that stay put during one evaluation, and
        /// its marker side effect was recorded the first time.
        /// </summary>
        AValue CallResultOnce(int callIndex)
        {
            var c = _f.Calls[callIndex];
            _callInputs ??= new AValue[]?[_f.Calls.Length];
            _callResults ??= new AValue[_f.Calls.Length];
            int n = 1 + c.Args.Length + c.KeywordValues.Length;
            var inputs = _callInputs[callIndex];
            // A call that reads back a file this function wrote gives more once the write does, its inputs the same.
            if (inputs is not null && _fileReaders?.Contains(callIndex) != true)
            {
                bool same = ReferenceEquals(inputs[0], c.Receiver >= 0 ? _values[c.Receiver] : AValue.Empty);
                for (int i = 0; same && i < c.Args.Length; i++) same = ReferenceEquals(inputs[1 + i], _values[c.Args[i]]);
                for (int i = 0; same && i < c.KeywordValues.Length; i++) same = ReferenceEquals(inputs[1 + c.Args.Length + i], _values[c.KeywordValues[i]]);
                if (same) return _callResults[callIndex];
            }
            else inputs = _callInputs[callIndex] = new AValue[n];
            inputs[0] = c.Receiver >= 0 ? _values[c.Receiver] : AValue.Empty;
            for (int i = 0; i < c.Args.Length; i++) inputs[1 + i] = _values[c.Args[i]];
            for (int i = 0; i < c.KeywordValues.Length; i++) inputs[1 + c.Args.Length + i] = _values[c.KeywordValues[i]];
            return _callResults[callIndex] = CallResult(callIndex);
        }

        AValue CallResult(int callIndex)
        {
            var c = _f.Calls[callIndex];
            var actuals = ActualsOf(c);
            if (c.IsPartial) return PartialValue(c, callIndex, actuals);
            var (functions, library, binds, constructs, dataclass, partials) = Resolve(callIndex);
            var result = AValue.Empty;
            bool handled = false;
            var step = StepAt(c.Site, StepKind.Call);
            foreach (var g in functions)
            {
                var callee = _a._functions[g];
                if (_a._relevant is { } relevant && !relevant[g]) _a.PrunedCalls++;
                if (!_a._interprocedural || !callee.Analysed && !ReferenceEquals(callee, _fs)) continue;
                handled = true;
                var formals = Bind(callee.F, actuals, binds, constructs);
                _a.Uses(_fs, g, formals);
                result = AValue.Join(result, Substitute(callee.Summary.Return, formals, step, callee.F));
            }
            foreach (var p in partials) { result = AValue.Join(result, PartialCall(p, actuals, step)); handled = true; }
            if (constructs is not null)
            {
                result = AValue.Join(result, AValue.Of(Facts.None, ValueShape.Unknown, [constructs]));
                // A class the project derives from a library class without an `__init__` of its own (a Django form, an
                // exception) is built by the library's constructor: it keeps what it is given, as any library call.
                // (`object` takes nothing; a class overriding `__new__` on it is a factory this does not follow.)
                if (functions.Length > 0 || library.Length == 0 || library is ["object" or "builtins.object"]) handled = true;
            }
            if (dataclass is not null) handled = true;
            var models = LibraryResult(c, library, actuals, step, out bool modelled);
            result = AValue.Join(result, models);
            if (!handled && !modelled)
            {
                // Unknown code: what goes in comes out.
                var all = actuals.All();
                var receiverShape = actuals.Receiver?.Shape ?? ValueShape.Unknown;
                result = AValue.Join(result, AValue.Of(all.Collapse(), receiverShape == ValueShape.Str ? ValueShape.Str : ValueShape.Unknown));
            }
            result = SensitiveCall(c, result, handled, modelled, step);
            if (_a._fileModels) result = FileCall(c, library, actuals, result);
            // `form.cleaned_data.get("age")`, `request.META.get("REMOTE_ADDR")`: an item known to hold no request text.
            if (c.Method is "get" or "pop" && actuals.Receiver is { } container && c.ConstantAt(0)?.AsString is { } itemKey && !result.HasNoFacts)
                result = result.MapFacts(f => SafeItem(f, itemKey, container));
            // Marker side effects on the receiver (`parser.setFeature(feature_external_ges, True)`).
            if (c.Receiver >= 0 && c.Method is not null)
                foreach (var name in library)
                    if (_a._tables.MarkerCalls.TryGetValue(name, out var markers))
                        foreach (var mk in markers)
                            if (mk.OnReceiver && Conditions(c, mk.When, null))
                            {
                                var fact = new Fact(_a._origins.Marker(mk.Marker), 0, 0, null);
                                var target = ReceiverDefinition(c.Receiver);
                                var before = _side.TryGetValue(target, out var s) ? s : Facts.None;
                                var after = Facts.Union(before, [fact]);
                                _side[target] = after;
                                if (!ReferenceEquals(after, before))
                                {
                                    _sideLowest = Math.Min(_sideLowest, target);
                                    (_sideAt ??= [])[target] = _tick;
                                }
                            }
            return result;
        }

        // ───────────── files written and read back ─────────────

        /// <summary>What this function wrote to each file, by <see cref="FileKey"/>; the calls that open or read a file.</summary>
        Dictionary<string, Fact[]>? _files;
        HashSet<int>? _fileReaders;
        bool _filesChanged;

        /// <summary>
        /// A write (`upload.save(path)`) keeps the data's facts for the file it names; a call that opens or reads that file
        /// (`open(path)`) gives them back, with a step at each. The same variable or the same constant text names the
        /// same file; a file object names the file it was opened from.
        /// </summary>
        AValue FileCall(IrCall c, string[] library, Actuals actuals, AValue result)
        {
            var (model, name) = FileModelOf(c, library);
            if (model is null || FileKey(c, model.Path, 0) is not { } key) return result;
            if (model.Writes is { } writes)
            {
                var facts = Facts.None;
                foreach (var v in Selected(c, writes, actuals, 0)) facts = Facts.Union(facts, v.Collapse());
                if (facts.Length == 0) return result;
                var step = StepAt(c.Site, StepKind.Call, $"written to a file by `{name}`");
                facts = Facts.Map(facts, f => f with { Trail = Trail.Extend(f.Trail, step) });
                _files ??= new(StringComparer.Ordinal);
                var before = _files.TryGetValue(key, out var held) ? held : Facts.None;
                var after = Facts.Union(before, facts);
                if (!ReferenceEquals(after, before))
                {
                    _files[key] = after;
                    FileChanged();
                }
                return result;
            }
            if (_files is null || !_files.TryGetValue(key, out var stored)) return result;
            var read = StepAt(c.Site, StepKind.Call, $"read back from the file by `{name}`");
            return AValue.Join(result, AValue.Of(Facts.Map(stored, f => f with { Trail = Trail.Extend(f.Trail, read) }), result.Shape, result.Types));
        }

        /// <summary>The file model of a call: by one of its library names, else by its method name.</summary>
        (FileModel? Model, string Name) FileModelOf(IrCall c, string[] library)
        {
            var tables = _a._tables;
            foreach (var name in library)
                if (tables.FileCalls.TryGetValue(name, out var model)) return (model, name);
            if (library.Length == 0 && c.Method is { } method && tables.FileMethods.TryGetValue(method, out var byName)) return (byName, method);
            return (null, "");
        }

        /// <summary>
        /// The file an argument names: `=text` for a constant, `#v` for the definition of a variable, or — for a file
        /// object another call opened — the file that call names. Null when the argument is missing.
        /// </summary>
        string? FileKey(IrCall c, ArgSpec spec, int depth)
        {
            int v = -1;
            if (spec.Receiver) v = c.Receiver;
            else if (ArgIndex(c, spec) is var i and >= 0) v = i < c.Args.Length ? c.Args[i] : c.KeywordValues[i - c.Args.Length];
            if (v < 0) return null;
            int def = ReceiverDefinition(v);
            var iv = _f.Values[def];
            if (iv.Op == IrOp.Call && depth == 0 && FileModelOf(_f.Calls[iv.A], Resolve(iv.A).Library) is { Model: { Writes: null } opener })
                return FileKey(_f.Calls[iv.A], opener.Path, 1);
            // A receiver is a file object: one this function did not open names no file it knows.
            if (spec.Receiver) return null;
            if (iv.Op == IrOp.Const && iv.Shape == ValueShape.Str && iv.S >= 0) return "=" + _mod.Str(iv.S);
            return "#" + def.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>A file's data grew: every call that opens or reads a file is worked out again in the next pass.</summary>
        void FileChanged()
        {
            _filesChanged = true;
            if (_fileReaders is null)
            {
                _fileReaders = [];
                for (int k = 0; k < _f.Calls.Length; k++)
                    if (FileModelOf(_f.Calls[k], Resolve(k).Library).Model is { Writes: null }) _fileReaders.Add(k);
            }
            foreach (var k in _fileReaders)
            {
                int r = _f.Calls[k].Result;
                if (r < 0) continue;
                _sideLowest = Math.Min(_sideLowest, r);
                (_sideAt ??= [])[r] = _tick;
            }
        }

        /// <summary>What the models say items of a container of these types are (`T[]` in `attributes`: `request.files[name]` is an upload).</summary>
        string[]? ItemTypes(string[] types)
        {
            var itemTypes = _a._itemTypes;
            if (itemTypes.Count == 0) return null;
            List<string>? items = null;
            foreach (var t in types)
                if (itemTypes.TryGetValue(t, out var item) && !(items ??= []).Contains(item)) items.Add(item);
            return items?.ToArray();
        }

        /// <summary>A value that is, or may be, a dict or another mapping (its type unknown counts as not one).</summary>
        static bool IsMapping(AValue v)
        {
            foreach (var t in v.Types)
                if (t is "dict" or "collections.OrderedDict" or "collections.defaultdict" or "collections.Counter" or "typing.Dict"
                    || t.StartsWith("=", StringComparison.Ordinal) && t.EndsWith("dict", StringComparison.OrdinalIgnoreCase))
                    return true;
            return false;
        }

        /// <summary>A method call on the method's own `self`, or on `super()`.</summary>
        /// <summary>
        /// The receiver is `self` or one of its attributes: a marker on the handler also covers what it writes through
        /// its response stream (`self.send_header("Content-Type", "text/plain")`, then `self.wfile.write(...)`).
        /// </summary>
        bool OnSelfOrItsAttribute(IrCall c)
        {
            if (OnSelf(c)) return true;
            if (c.Receiver < 0 || _f.Class < 0 || _f.IsStatic) return false;
            var receiver = _f.Values[ReceiverDefinition(c.Receiver)];
            return receiver.Op == IrOp.LoadAttr
                && _f.Values[ReceiverDefinition(_f.Operands[receiver.A])] is { Op: IrOp.Param, A: 0 };
        }

        bool OnSelf(IrCall c)
        {
            if (c.Receiver < 0 || _f.Class < 0 || _f.IsStatic) return false;
            var receiver = _f.Values[ReceiverDefinition(c.Receiver)];
            return receiver is { Op: IrOp.Param, A: 0 } || receiver.Op == IrOp.Call && _f.Calls[receiver.A] is { Callee: "super", Args.Length: 0 };
        }

        /// <summary>
        /// Whether `self` carries the marker: put on it in this method (`self.set_header(...)` before `super().finish()`)
        /// or by its class's set-up methods (<see cref="EntryPoints.HandlerMarkers"/>).
        /// </summary>
        bool SelfCarries(string marker)
        {
            if (_a._handlerMarkers.TryGetValue(_fs.Id, out var set) && Array.IndexOf(set, marker) >= 0) return true;
            for (int v = 0; v < _f.Values.Length; v++)
                if (_f.Values[v] is { Op: IrOp.Param, A: 0 })
                    foreach (var f in _values[v].Whole)
                        if (f.Origin.Kind == OriginKind.Marker && f.Origin.Key == marker) return true;
            return false;
        }

        /// <summary>The value a receiver stands for: through single-operand Phi nodes, the definition all uses share.</summary>
        int ReceiverDefinition(int v) => ReceiverDefinition(_f, v);

        static int ReceiverDefinition(IrFunction f, int v)
        {
            for (int i = 0; i < 8; i++)
            {
                var iv = f.Values[v];
                if (iv.Op != IrOp.Phi || iv.N != 1) return v;
                v = f.Operands[iv.A];
            }
            return v;
        }

        AValue PartialValue(IrCall c, int callIndex, Actuals actuals)
        {
            if (c.Args.Length == 0) return AValue.Empty;
            int function = -1;
            string? library = null;
            if (c.Refs.Length > 0 && c.Refs[0] is { } r)
            {
                if (r.Local >= 0) function = _a._index.FunctionId(_m, r.Local);
                else if (r.Qualified is { } q)
                {
                    if (_a.IsModelled(q)) library = q;
                    else if (_a._index.Resolve(_m, q) is { Kind: SymbolKind.Function } s) function = _a._index.FunctionId(s.Module, s.Index);
                    else library = q;
                }
            }
            else if (c.Names.Length > 0 && c.Names[0] is { } n) library = n;
            if (function < 0 && library is null) return _values[c.Args[0]];
            var p = new Partial(function, library, actuals.Args[1..], c.KeywordNames, actuals.Keywords, callIndex, _m, _fs.Id);
            return new AValue(Facts.None, null, [], ValueShape.Unknown, [], [p]);
        }

        /// <summary>Calling a partial: its bound arguments first, then the call's.</summary>
        AValue PartialCall(Partial p, Actuals actuals, Step step)
        {
            var merged = new Actuals(null, [.. p.Args, .. actuals.Args], [.. p.KeywordNames, .. actuals.Names], [.. p.KeywordValues, .. actuals.Keywords], -1);
            if (p.Function >= 0)
            {
                var callee = _a._functions[p.Function];
                if (!callee.Analysed) return merged.All().With(types: [], shape: ValueShape.Unknown);
                var formals = Bind(callee.F, merged, false, null);
                _a.Uses(_fs, p.Function, formals);
                return Substitute(callee.Summary.Return, formals, step, callee.F);
            }
            return AValue.Of(merged.All().Collapse());
        }

        /// <summary>The value each formal parameter of <paramref name="callee"/> receives.</summary>
        AValue[] Bind(IrFunction callee, Actuals actuals, bool bindsReceiver, string? constructs)
        {
            var formals = new AValue[callee.Params.Length];
            Array.Fill(formals, AValue.Empty);
            int next = 0;
            if (constructs is not null && formals.Length > 0) { formals[0] = AValue.Of(Facts.None, ValueShape.Unknown, [constructs]); next = 1; }
            else if (bindsReceiver && formals.Length > 0) { formals[0] = actuals.Receiver ?? AValue.Empty; next = 1; }
            // The analysis's one list (a bind never nests): a list per call was most of what binding allocated.
            var positional = _a._positional;
            positional.Clear();
            int varArgs = -1, varKeywords = -1;
            for (int i = next; i < callee.Params.Length; i++)
            {
                var p = callee.Params[i];
                if (p.Kind == ParameterKind.Positional) positional.Add(i);
                else if (p.Kind == ParameterKind.VarArgs) varArgs = i;
                else if (p.Kind == ParameterKind.VarKeywords) varKeywords = i;
            }
            for (int a = 0; a < actuals.Args.Length; a++)
            {
                if (actuals.StarredAt >= 0 && a >= actuals.StarredAt)
                {
                    // *args: its items may land in any remaining positional parameter.
                    var items = AValue.Of(actuals.Args[a].Collapse());
                    for (int k = a; k < positional.Count; k++) formals[positional[k]] = AValue.Join(formals[positional[k]], items);
                    if (varArgs >= 0) formals[varArgs] = AValue.Join(formals[varArgs], items);
                    continue;
                }
                if (a < positional.Count) formals[positional[a]] = AValue.Join(formals[positional[a]], actuals.Args[a]);
                else if (varArgs >= 0)
                {
                    var fields = new Dictionary<string, AValue>(StringComparer.Ordinal) { ["*"] = actuals.Args[a] };
                    formals[varArgs] = AValue.Join(formals[varArgs], new AValue(Facts.None, fields, [], ValueShape.Container, [], []));
                }
            }
            for (int k = 0; k < actuals.Keywords.Length; k++)
            {
                var name = actuals.Names[k];
                bool matched = false;
                if (name is not null)
                    for (int i = 0; i < callee.Params.Length; i++)
                        if (callee.Params[i].Name == name && callee.Params[i].Kind is ParameterKind.Positional or ParameterKind.KeywordOnly)
                        {
                            formals[i] = AValue.Join(formals[i], actuals.Keywords[k]);
                            matched = true;
                        }
                if (matched) continue;
                if (name is null)
                {
                    // **kwargs: any parameter may receive an item.
                    var items = AValue.Of(actuals.Keywords[k].Collapse());
                    for (int i = next; i < formals.Length; i++) formals[i] = AValue.Join(formals[i], items);
                }
                else if (varKeywords >= 0)
                {
                    var fields = new Dictionary<string, AValue>(StringComparer.Ordinal) { ["[" + name + "]"] = actuals.Keywords[k] };
                    formals[varKeywords] = AValue.Join(formals[varKeywords], new AValue(Facts.None, fields, [], ValueShape.Container, [], []));
                }
            }
            return formals;
        }

        /// <summary>A callee's summary value in the caller: its parameter origins replaced by what the caller passed.</summary>
        AValue Substitute(AValue summary, AValue[] formals, Step call, IrFunction callee)
        {
            // A return with no fact (types, shape, callables only: most functions) is the caller's as it is.
            if (summary.IsEmpty || summary.HasNoFacts) return summary;
            var returned = new Step(call.Module, call.Start, call.End, StepKind.Call, "returned from `" + callee.Name + "`");
            var passed = call with { What = "passed to `" + callee.Name + "`" };
            // What each parameter origin stands for at this call, worked out once for all the facts and fields naming it.
            var extracted = new ExtractCache(this, formals, call, passed);
            var built = new List<Fact>();
            var value = summary.MapFacts(facts =>
            {
                if (facts.Length == 0) return facts;
                built.Clear();
                foreach (var f in facts)
                {
                    if (f.Origin.Kind != OriginKind.Param)
                    {
                        AddOne(built, f with { Trail = Trail.Extend(f.Trail, returned) });
                        continue;
                    }
                    if (f.Origin.Param >= formals.Length) continue;
                    var x = extracted.Of(f.Origin);
                    var actuals = x.Facts;
                    for (int i = 0; i < actuals.Length; i++)
                    {
                        var actual = actuals[i];
                        uint cleared = actual.Cleared | f.Cleared;
                        byte flags = (byte)(actual.Flags | f.Flags);
                        // Already there with as little cleared and as few flags, or cut: no trail to build.
                        if (Absorbs(built, actual.Origin, cleared, flags)) continue;
                        var trail = Trail.Append(x.Passed(i), f.Trail);
                        AddOne(built, new Fact(actual.Origin, cleared, flags, Trail.Extend(trail, returned)));
                    }
                }
                return built.Count == 0 ? Facts.None : built.ToArray();
            });
            return value.With(types: summary.Types.Length > 0 ? summary.Types : value.Types);
        }

        /// <summary>Whether <see cref="AddOne"/> of a fact of this origin, cleared kinds and flags would leave the set as it is.</summary>
        static bool Absorbs(List<Fact> set, Origin origin, uint cleared, byte flags)
        {
            int i = set.Count;
            while (i > 0 && set[i - 1].Origin.Id > origin.Id) i--;
            if (i > 0 && ReferenceEquals(set[i - 1].Origin, origin))
            {
                var x = set[i - 1];
                return (x.Cleared & cleared) == x.Cleared && (x.Flags & flags) == x.Flags;
            }
            return i >= Facts.MaxFacts;
        }

        /// <summary>
        /// <see cref="Facts.Union"/> of the facts so far with one more, in place: the same merge (cleared kinds and flags
        /// where both agree, the shorter trail only when those change) and the same cut to the lowest origin ids.
        /// </summary>
        static void AddOne(List<Fact> set, Fact y)
        {
            int i = set.Count;
            while (i > 0 && set[i - 1].Origin.Id > y.Origin.Id) i--;
            if (i > 0 && ReferenceEquals(set[i - 1].Origin, y.Origin))
            {
                var x = set[i - 1];
                if ((x.Cleared & y.Cleared) != x.Cleared || (x.Flags & y.Flags) != x.Flags)
                    set[i - 1] = new Fact(x.Origin, x.Cleared & y.Cleared, (byte)(x.Flags & y.Flags),
                        (x.Trail?.Length ?? 0) <= (y.Trail?.Length ?? 0) ? x.Trail : y.Trail);
                return;
            }
            if (i >= Facts.MaxFacts) return;
            set.Insert(i, y);
            if (set.Count > Facts.MaxFacts) set.RemoveAt(set.Count - 1);
        }

        /// <summary>
        /// The facts each parameter origin of a callee's summary stands for at one call (<see cref="Extract"/>), with their
        /// trails extended by the step into the callee: a summary names the same few origins in hundreds of sink and store
        /// edges, and each used to be extracted again.
        /// </summary>
        sealed class ExtractCache(Evaluator e, AValue[] formals, Step call, Step passed)
        {
            readonly Dictionary<Origin, Extracted> _byOrigin = new(ReferenceEqualityComparer.Instance);

            public Extracted Of(Origin origin)
            {
                if (_byOrigin.TryGetValue(origin, out var known)) return known;
                known = new Extracted(e.Extract(formals[origin.Param], origin.Path, call), passed);
                _byOrigin[origin] = known;
                return known;
            }
        }

        /// <summary>The facts a parameter origin stands for at a call, and (made when first asked) their trails with the step into the callee.</summary>
        sealed class Extracted(Fact[] facts, Step passed)
        {
            public Fact[] Facts { get; } = facts;
            Trail?[]? _passed;

            public Trail? Passed(int i)
            {
                if (_passed is null)
                {
                    _passed = new Trail?[Facts.Length];
                    for (int k = 0; k < Facts.Length; k++) _passed[k] = Trail.Extend(Facts[k].Trail, passed);
                }
                return _passed[i];
            }
        }

        /// <summary>The facts an actual argument provides at an access path: its own, deeper parameter origins, typed request attributes.</summary>
        Fact[] Extract(AValue actual, string path, Step call)
        {
            if (path.Length == 0) return actual.Collapse();
            var (first, rest) = SplitPath(path);
            var whole = ExtendParams(MemberOf(actual.Whole, first[0] == '.' ? first.AsSpan(1) : first is "[*]" ? "" : first.AsSpan(1, first.Length - 2)), first);
            if (actual.Field(first) is { } field) whole = Facts.Union(whole, rest.Length == 0 ? field.Collapse() : Extract(field, rest, call));
            if (first.StartsWith('[')) whole = Facts.Union(whole, actual.Unplaced(first));
            if (first.StartsWith('.'))
            {
                var attr = first[1..];
                foreach (var t in actual.Types)
                {
                    if (t.StartsWith('=')) continue;
                    var info = _a.MemberInfoOf(t, attr);
                    if (info.Source is { } source)
                        whole = Facts.Union(whole, [SourceFact(source, call with { What = source.Description })]);
                    foreach (var cell in info.Cells) if (_a.CellLive(cell, _fs.Id)) whole = Facts.Union(whole, [new Fact(_a._origins.Cell(cell), 0, 0, null)]);
                }
            }
            return whole;
        }

        static (string First, string Tail) SplitPath(string path)
        {
            int i = 1;
            while (i < path.Length && path[i] is not ('.' or '[')) i++;
            return (path[..i], path[i..]);
        }

        /// <summary>What library models say a call returns; <paramref name="modelled"/> tells whether any model decided it.</summary>
        AValue LibraryResult(IrCall c, string[] library, Actuals actuals, Step step, out bool modelled)
        {
            var tables = _a._tables;
            modelled = false;
            var result = AValue.Empty;
            foreach (var name in library)
            {
                bool any = false;
                var types = _a._catalog.ReturnType(name) is { } rt ? new[] { rt } : [];
                if (tables.SourceCalls.TryGetValue(name, out var src))
                {
                    result = AValue.Join(result, AValue.Of([SourceFact(src, step)], ShapeOf(types, ValueShape.Unknown), types));
                    any = true;
                }
                if (tables.SanitizerCalls.TryGetValue(name, out var san) && Conditions(c, san.When, null))
                {
                    result = AValue.Join(result, Sanitized(actuals, san, types));
                    any = true;
                }
                else if (tables.PropagatorCalls.TryGetValue(name, out var prop))
                {
                    result = AValue.Join(result, Propagated(c, actuals, prop, name).With(types: types, shape: ShapeOf(types, ValueShape.Unknown)));
                    any = true;
                }
                if (tables.MarkerCalls.TryGetValue(name, out var markers))
                    foreach (var mk in markers)
                        if (!mk.OnReceiver && Conditions(c, mk.When, null))
                            result = AValue.Join(result, AValue.Of([new Fact(_a._origins.Marker(mk.Marker), 0, 0, null)], ValueShape.Unknown, types));
                if (!any && types.Length > 0)
                {
                    // Only a return type: the result still carries its inputs (a wrapper around tainted data stays tainted).
                    result = AValue.Join(result, AValue.Of(actuals.All().Collapse(), ShapeOf(types, ValueShape.Unknown), types));
                    any = true;
                }
                modelled |= any;
            }
            // Methods known by name alone (str and mapping methods): when no typed model decided the call.
            if (!modelled && c.Method is { } method)
            {
                if (tables.SanitizerMethods.TryGetValue(method, out var san) && Conditions(c, san.When, null)) { result = AValue.Join(result, Sanitized(actuals, san, [])); modelled = true; }
                else if (tables.PropagatorMethods.TryGetValue(method, out var prop)) { result = AValue.Join(result, Propagated(c, actuals, prop, method)); modelled = true; }
            }
            return result;
        }

        AValue Sanitized(Actuals actuals, SanitizerModel san, string[] types)
        {
            var all = actuals.All().Collapse();
            if (san.Clears == SinkKinds.All) return AValue.Of(Facts.None, ShapeOf(types, ValueShape.Number), types);
            var facts = Facts.Clear(all, san.Clears);
            if (san.Normalizes) facts = Facts.Map(facts, f => f with { Flags = (byte)(f.Flags | Fact.Normalised) });
            return AValue.Of(facts, ShapeOf(types, actuals.Receiver?.Shape == ValueShape.Str ? ValueShape.Str : ValueShape.Unknown), types);
        }

        AValue Propagated(IrCall c, Actuals actuals, PropagatorModel prop, string callee)
        {
            var r = AValue.Empty;
            if (prop.FromReceiver && actuals.Receiver is { } recv)
                r = AValue.Join(r, new AValue(recv.Collapse(), null, [], recv.Shape, recv.Functions, []));
            if (prop.AllArgs) { foreach (var a in actuals.Args) r = AValue.Join(r, a); foreach (var k in actuals.Keywords) r = AValue.Join(r, k); }
            foreach (var i in prop.FromArgs) if (i < actuals.Args.Length) r = AValue.Join(r, actuals.Args[i]);
            foreach (var spec in prop.FromSpecs)
                foreach (var value in Selected(c, spec, actuals, 0)) r = AValue.Join(r, value);
            if (prop.Reaching != 0 && !r.HasNoFacts)
            {
                // What passes is what the call fetched, not the argument itself: a step says so.
                var step = StepAt(c.Site, StepKind.Call, $"fetched by `{callee}`");
                var kept = new List<Fact>();
                foreach (var f in r.Collapse())
                    if (f.Reaches(prop.Reaching)) kept.Add(f with { Trail = Trail.Extend(f.Trail, step) });
                r = AValue.Of([.. kept], ValueShape.Unknown, []);
            }
            // `b64decode(b64encode(x))` is x again: what the encoding cleared is cleared no more.
            if (prop.Decodes) r = AValue.Of(Facts.Map(r.Collapse(), f => f with { Cleared = 0 }), r.Shape, r.Types);
            return r;
        }

        // ───────────── conditions ─────────────

        /// <summary>Index into the call's positional-then-keyword arguments, or -1.</summary>
        bool Conditions(IrCall c, Clause[] clauses, Partial? partial)
        {
            foreach (var clause in clauses)
                if (!Holds(c, clause)) return false;
            _ = partial;
            return true;
        }

        // ───────────── after the fixpoint: sinks, callee effects ─────────────

        void CallEffects(int callIndex)
        {
            var c = _f.Calls[callIndex];
            var (functions, library, binds, constructs, dataclass, partials) = Resolve(callIndex);
            // Most calls have no effect to apply: no sink model, no partial, no dataclass, and callees whose summaries
            // have no sink or store edge. Their arguments are not gathered and their steps not made.
            Actuals? gathered = null;
            Actuals Args() => gathered ??= ActualsOf(c);
            Step? sinkStep = null;
            Step SinkStep() => sinkStep ??= StepAt(c.Site, StepKind.Sink);
            // Library sinks.
            var names = library;
            bool typed = false;
            foreach (var name in names)
                if (_a._tables.SinkCalls.TryGetValue(name, out var sinks))
                {
                    typed = true;
                    foreach (var sink in sinks) Sink(c, sink, Args(), SinkStep(), name, 0);
                }
            // Sinks known by method name (DB-API `execute`) when the receiver's type is not one the models describe.
            if (!typed && functions.Length == 0 && c.Method is { } method && _a._tables.SinkMethods.TryGetValue(method, out var byName)
                && !names.Any(n => _a._tables.KnownTypes.Contains(n[..Math.Max(0, n.LastIndexOf('.'))])))
                foreach (var sink in byName) Sink(c, sink, Args(), SinkStep(), "." + method, 0);
            if (partials.Length == 0 && dataclass is null && !AnyEdges(functions)) return;
            var actuals = Args();
            var step = SinkStep();
            foreach (var p in partials)
                if (p.Library is { } lib && _a._tables.SinkCalls.TryGetValue(lib, out var psinks))
                {
                    var bound = _a._functions[p.Owner].F.Calls[p.Call];
                    var merged = new Actuals(null, [.. p.Args, .. actuals.Args], [.. p.KeywordNames, .. actuals.Names], [.. p.KeywordValues, .. actuals.Keywords], -1);
                    foreach (var sink in psinks) PartialSink(bound, c, sink, merged, step, lib);
                }
            // Project callees: their sinks and stores, seen through the arguments.
            if (!_a._interprocedural) return;
            foreach (var g in functions)
            {
                var callee = _a._functions[g];
                if (!callee.Analysed || !HasEdges(callee)) continue;
                // Its use (TaintAnalysis.Uses) was recorded when the call's value was worked out, from these same values.
                var formals = Bind(callee.F, actuals, binds, constructs);
                ApplyCallee(callee, formals, StepAt(c.Site, StepKind.Call));
            }
            foreach (var p in partials)
                if (p.Function >= 0 && _a._functions[p.Function].Analysed)
                {
                    var callee = _a._functions[p.Function];
                    var merged = new Actuals(null, [.. p.Args, .. actuals.Args], [.. p.KeywordNames, .. actuals.Names], [.. p.KeywordValues, .. actuals.Keywords], -1);
                    ApplyCallee(callee, Bind(callee.F, merged, false, null), StepAt(c.Site, StepKind.Call));
                }
            if (dataclass is not null && constructs is not null)
            {
                // The generated constructor stores each argument in its field.
                var callStep = StepAt(c.Site, StepKind.Store);
                for (int i = 0; i < actuals.Args.Length && i < dataclass.Count; i++)
                    StoreInto(constructs + "." + dataclass[i], actuals.Args[i].Collapse(), callStep with { What = constructs.Split('.')[^1] + "." + dataclass[i] });
                for (int k = 0; k < actuals.Keywords.Length; k++)
                    if (actuals.Names[k] is { } kn && dataclass.Contains(kn))
                        StoreInto(constructs + "." + kn, actuals.Keywords[k].Collapse(), callStep with { What = constructs.Split('.')[^1] + "." + kn });
            }
        }

        /// <summary>Whether a callee's summary has a sink or store edge for <see cref="ApplyCallee"/> to apply.</summary>
        static bool HasEdges(FunctionState callee) => callee.Summary.Sinks.Length > 0 || callee.Summary.Stores.Length > 0;

        bool AnyEdges(int[] functions)
        {
            if (!_a._interprocedural) return false;
            foreach (var g in functions)
                if (_a._functions[g] is { Analysed: true } callee && HasEdges(callee)) return true;
            return false;
        }

        void ApplyCallee(FunctionState callee, AValue[] formals, Step call)
        {
            if (!HasEdges(callee)) return;
            var passed = call with { What = "passed to `" + callee.F.Name + "`" };
            var extracted = new ExtractCache(this, formals, call, passed);
            foreach (var e in callee.Summary.Sinks)
            {
                if (e.From.Kind != OriginKind.Param || e.From.Param >= formals.Length) continue;
                var x = extracted.Of(e.From);
                var actuals = x.Facts;
                for (int i = 0; i < actuals.Length; i++)
                {
                    var actual = actuals[i];
                    var cleared = actual.Cleared | e.Cleared;
                    if ((cleared & e.Kind) == e.Kind) continue;
                    // A parameter or cell edge already recorded at this sink keeps the first one: no trail to build.
                    if (actual.Origin.Kind is OriginKind.Param or OriginKind.Cell && _sinkEdges.ContainsKey((actual.Origin.Id, e.Kind, e.Sink.Module, e.Sink.Start))) continue;
                    var trail = Trail.Append(x.Passed(i), e.Trail);
                    Emit(new Fact(actual.Origin, cleared, actual.Flags, trail), e.Kind, e.Sink, e.Callee);
                }
            }
            foreach (var s in callee.Summary.Stores)
            {
                if (s.Value.Origin.Kind != OriginKind.Param || s.Value.Origin.Param >= formals.Length) continue;
                var x = extracted.Of(s.Value.Origin);
                var values = x.Facts;
                // Facts in origin order with one origin each, as Extract gives them: storing each in turn is storing the set.
                for (int i = 0; i < values.Length; i++)
                {
                    var a = values[i];
                    if (a.Origin.Kind == OriginKind.Param && HasStore(a.Origin, s.Cell, s.At)) continue;
                    // A cell feeding a cell keeps no trail (only the step of the store).
                    var trail = a.Origin.Kind == OriginKind.Cell ? null : Trail.Append(x.Passed(i), s.Value.Trail);
                    StoreFact(s.Cell, new Fact(a.Origin, a.Cleared | s.Value.Cleared, a.Flags, trail), s.At);
                }
            }
        }

        void Sink(IrCall c, SinkModel sink, Actuals actuals, Step step, string callee, int offset)
        {
            if (!Conditions(c, sink.When, null)) return;
            if (sink.Requires is { } req && !CarriesMarker(c, actuals, req)) return;
            if (sink.Unless is { } unless && (CarriesMarker(c, actuals, unless) || unless.Arg.Receiver && OnSelfOrItsAttribute(c) && SelfCarries(unless.Marker))) return;
            var sinkStep = step with { What = SinkText(callee) };
            if (sink.Template is { } template)
            {
                TemplateSink(c, sink, template, actuals, sinkStep, callee, offset);
                return;
            }
            // A sink known by its method name alone (`.execute` of an object of unknown type) is a guess: what
            // `**options` might hold under the argument's keyword does not count (graphql's `document.execute(**options)`
            // is no cursor's); a positional `*args` does, as a wrapper forwarding its arguments passes the query.
            foreach (var value in Selected(c, sink.Arg, actuals, offset, explicitOnly: sink.NameOnly))
            {
                if (sink.TextOnly && NotText(value)) continue;
                var facts = sink.Element >= 0 && value.Fields is not null
                    ? value.Member("[" + sink.Element + "]")
                    : value.Collapse();
                foreach (var f in facts)
                    if (f.Reaches(sink.Kind) && f.Origin.Kind != OriginKind.Marker)
                        Emit(f, sink.Kind, sinkStep, callee);
            }
        }

        /// <summary>
        /// A template render: what the context gives the variables the named template prints unescaped. A template name
        /// not known at analysis time, or a template not scanned, is no sink (rendering escapes).
        /// </summary>
        void TemplateSink(IrCall c, SinkModel sink, ArgSpec template, Actuals actuals, Step sinkStep, string callee, int offset)
        {
            int at = ArgIndex(c, template, offset);
            if (at < 0 || c.ConstantAt(at)?.AsString is not { } name) return;
            var unescaped = _a._options.Templates.Unescaped(name);
            if (unescaped.Length == 0) return;
            foreach (var n in unescaped)
            {
                var facts = Facts.None;
                if (sink.Arg.All)
                {
                    // `render_template("page.html", comment=text, **extra)`: the keywords are the context.
                    for (int k = 0; k < actuals.Keywords.Length && k < c.KeywordNames.Length; k++)
                        facts = Facts.Union(facts, c.KeywordNames[k] is { } keyword
                            ? keyword == n ? actuals.Keywords[k].Collapse() : Facts.None
                            : actuals.Keywords[k].Member("[" + n + "]"));
                }
                else
                    foreach (var value in Selected(c, sink.Arg, actuals, offset)) facts = Facts.Union(facts, value.Member("[" + n + "]"));
                if (facts.Length == 0) continue;
                var step = sinkStep with { What = $"{SinkText(callee)} of `{name}`, which prints `{n}` unescaped" };
                foreach (var f in facts)
                    if (f.Reaches(sink.Kind) && f.Origin.Kind != OriginKind.Marker)
                        Emit(f, sink.Kind, step, callee);
            }
        }

        void PartialSink(IrCall bound, IrCall call, SinkModel sink, Actuals merged, Step step, string callee)
        {
            // Conditions hold if the bound call or the call itself satisfies them (`partial(run, shell=True)(cmd)`).
            if (!Conditions(bound, sink.When, null) && !Conditions(call, sink.When, null)) return;
            var sinkStep = step with { What = SinkText(callee) };
            int position = sink.Arg.Position;
            var values = new List<AValue>();
            if (sink.Arg.Keyword is { } kw)
                for (int k = 0; k < merged.Keywords.Length; k++) if (merged.Names[k] == kw) values.Add(merged.Keywords[k]);
            if (values.Count == 0 && position >= 0 && position < merged.Args.Length) values.Add(merged.Args[position]);
            foreach (var value in values)
                foreach (var f in sink.TextOnly && NotText(value) ? Facts.None
                    : sink.Element >= 0 && value.Fields is not null ? value.Member("[" + sink.Element + "]") : value.Collapse())
                    if (f.Reaches(sink.Kind) && f.Origin.Kind != OriginKind.Marker) Emit(f, sink.Kind, sinkStep, callee);
        }

        static string SinkText(string callee) => "`" + callee.TrimStart('.') + "`";

        IEnumerable<AValue> Selected(IrCall c, ArgSpec spec, Actuals actuals, int offset, bool explicitOnly = false)
        {
            if (spec.Receiver) { if (actuals.Receiver is { } r) yield return r; yield break; }
            if (spec.All)
            {
                foreach (var a in actuals.Args) yield return a;
                foreach (var k in actuals.Keywords) yield return k;
                yield break;
            }
            int i = ArgIndex(c, spec, offset);
            if (i >= 0) yield return i < actuals.Args.Length ? actuals.Args[i] : actuals.Keywords[i - actuals.Args.Length];
            else if (c.StarredAt >= 0 && spec.Position >= c.StarredAt) yield return actuals.Args[c.StarredAt];
            else if (spec.Keyword is not null && !explicitOnly)
                for (int k = 0; k < c.KeywordNames.Length; k++) if (c.KeywordNames[k] is null) yield return actuals.Keywords[k];
        }

        bool CarriesMarker(IrCall c, Actuals actuals, MarkerRequirement req)
        {
            foreach (var v in Selected(c, req.Arg, actuals, 0))
                foreach (var f in v.Collapse())
                    if (f.Origin.Kind == OriginKind.Marker && f.Origin.Key == req.Marker) return true;
            return false;
        }

        void Emit(Fact f, uint kind, Step sink, string callee)
        {
            switch (f.Origin.Kind)
            {
                case OriginKind.Source:
                    _a.AddFlow(f, kind, sink, callee, _fs.Id);
                    break;
                case OriginKind.Param:
                case OriginKind.Cell:
                    var key = (f.Origin.Id, kind, sink.Module, sink.Start);
                    if (!_sinkEdges.ContainsKey(key))
                    {
                        var edge = new SinkEdge(f.Origin, f.Cleared, f.Trail, kind, sink, callee);
                        _sinkEdges[key] = edge;
                        if (f.Origin.Kind == OriginKind.Cell) _a._cellSinks.Add((edge, _fs.Id));
                    }
                    break;
            }
        }

        // ───────────── effects ─────────────

        void Effect(IrEffect e)
        {
            switch (e.Kind)
            {
                case EffectKind.Return or EffectKind.Yield:
                {
                    var value = _values[e.Value];
                    var step = StepAt(e.Site, StepKind.Return, "returned");
                    var stepped = value.MapFacts(f => Facts.Step(f, step));
                    Summary.Return = AValue.Join(Summary.Return, e.Kind == EffectKind.Yield ? AValue.Of(stepped.Collapse(), value.Shape == ValueShape.Str ? ValueShape.Container : ValueShape.Container) : stepped);
                    // `return text, 200, {"Content-Type": "text/plain"}` is no page.
                    if (_entry is { ReturnsHtml: true } && (e.S < 0 || _mod.Str(e.S).Contains("html", StringComparison.OrdinalIgnoreCase)) && !DeclaresOtherContentType())
                        HtmlReturn(value, StepAt(e.Site, StepKind.Sink, "HTML response"));
                    break;
                }
                case EffectKind.StoreCell:
                    StoreInto(_mod.Str(e.S), _values[e.Value].Collapse(), StepAt(e.Site, StepKind.Store));
                    break;
                case EffectKind.StoreKey:
                {
                    var keyFacts = _values[e.Value].Collapse();
                    if (keyFacts.Length == 0) break;
                    var step = StepAt(e.Site, StepKind.Sink);
                    foreach (var t in ReceiverTypes(_values[e.Object], e.Types))
                    {
                        if (t.StartsWith('=')) continue;
                        foreach (var b in _a._types.WithBases(t))
                            if (_a._tables.SinkStores.TryGetValue(b + "[]", out var sinks))
                                foreach (var sink in sinks)
                                    foreach (var f in keyFacts)
                                        if (f.Reaches(sink.Kind)) Emit(f, sink.Kind, step, b + "[key]");
                    }
                    break;
                }
                case EffectKind.StoreAttr or EffectKind.StoreItem:
                {
                    var obj = _values[e.Object];
                    var value = _values[e.Value];
                    var facts = value.Collapse();
                    // Every store and store sink below stores or emits facts: with none, it does nothing.
                    if (facts.Length == 0) break;
                    var key = e.Kind == EffectKind.StoreAttr ? _a.AttrKey(_m, e.S) : e.S < 0 ? "[*]" : _a.ItemKeyOf(_m, e.S);
                    var step = StepAt(e.Site, StepKind.Store);
                    var types = new List<string>(ReceiverTypes(obj, e.Types));
                    bool plain = false;
                    foreach (var t in types)
                    {
                        if (t.StartsWith('='))
                        {
                            // An attribute of the class itself (`Config.value = v`, `cls.registry = v`).
                            if (e.Kind == EffectKind.StoreAttr && t.StartsWith("=class:", StringComparison.Ordinal)) StoreInto(t[7..] + key, facts, step);
                            continue;
                        }
                        if (IsPlainValueType(t)) plain = true;
                        else StoreInto(t + key, facts, step);
                        // Stores into response headers, the session…
                        foreach (var b in _a._types.WithBases(t))
                            if (_a._tables.SinkStores.TryGetValue(b + (e.Kind == EffectKind.StoreItem ? "[]" : key), out var sinks))
                                foreach (var sink in sinks)
                                    foreach (var f in facts)
                                        if (f.Reaches(sink.Kind)) Emit(f, sink.Kind, step with { Kind = StepKind.Sink }, b + (e.Kind == EffectKind.StoreItem ? "[...]" : key));
                    }
                    // Into a string, number or container: into the variable or attribute that holds it, as a whole.
                    if (plain)
                        foreach (var cell in _a.HomeCells(_fs, e.Object, _values))
                            if (_a._cells.Contains(cell)) StoreInto(cell, facts, step);
                    // Into an object of no known type: nothing reads that store back (a caller's store edges only ever
                    // land in cells), so nothing is recorded.
                    break;
                }
            }
        }

        /// <summary>A string a Flask view returns is an HTML page.</summary>
        /// <summary>
        /// A Bottle view that sets the response's content type to something other than HTML (`response.content_type =
        /// "application/json"`, `response.set_header("Content-Type", "text/plain")`), itself or in a function it calls
        /// (a helper that builds every API answer): what it returns is no page.
        /// </summary>
        bool DeclaresOtherContentType()
        {
            if (_entry?.Framework != "bottle") return false;
            if (BottleDeclaresOtherContentType(_f, _mod)) return true;
            foreach (var callee in _fs.Callees)
                if (BottleDeclaresOtherContentType(_a._functions[callee].F, _a._index.Modules[_a._functions[callee].Module])) return true;
            return false;
        }

        static bool BottleDeclaresOtherContentType(IrFunction f, ModuleIr mod)
        {
            foreach (var e in f.Effects)
                if (e.Kind == EffectKind.StoreAttr && e.S >= 0 && mod.Str(e.S) == "content_type" && IsBottleResponse(f, mod, e.Object)
                    && f.Values[e.Value] is { Op: IrOp.Const, S: >= 0 } c && !mod.Str(c.S).Contains("html", StringComparison.OrdinalIgnoreCase))
                    return true;
            foreach (var c in f.Calls)
                if (c.Method is "set_header" or "add_header" && c.Receiver >= 0 && IsBottleResponse(f, mod, c.Receiver)
                    && c.ConstantAt(0)?.AsString is { } name && name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
                    && c.ConstantAt(1)?.AsString is { } type && !type.Contains("html", StringComparison.OrdinalIgnoreCase))
                    return true;
            return false;
        }

        /// <summary>Bottle's global `response` (through single-operand Phi nodes).</summary>
        static bool IsBottleResponse(IrFunction f, ModuleIr mod, int value) =>
            f.Values[ReceiverDefinition(f, value)] is { Op: IrOp.Global, S: >= 0 } g && mod.Str(g.S) is "bottle.response" or "bottle.local.response";

        void HtmlReturn(AValue value, Step step)
        {
            if (value.Shape == ValueShape.Container && value.Field("[0]") is { } body) value = body;
            if (NotText(value)) return;
            foreach (var f in value.Collapse())
                if (f.Reaches(SinkKinds.Xss)) Emit(f, SinkKinds.Xss, step, "return");
        }

        /// <summary>A value a framework does not send as text: a container (sent as JSON), a response, a number, None.</summary>
        static bool NotText(AValue value) => value.Shape is ValueShape.Container or ValueShape.Response or ValueShape.Number or ValueShape.None;

        void StoreInto(string cell, Fact[] facts, Step step)
        {
            foreach (var f in facts) StoreFact(cell, f, step);
        }

        void StoreFact(string cell, Fact f, Step step)
        {
            switch (f.Origin.Kind)
            {
                case OriginKind.Source or OriginKind.Marker:
                    _a.AddCellContent(cell, f with { Trail = Trail.Extend(f.Trail, step) });
                    break;
                case OriginKind.Cell:
                    // The same edge comes again with every pass and every call that applies the store: kept once.
                    if (f.Origin.Key != cell && _a._cellEdges.Add((f.Origin.Key, cell, step)))
                    {
                        _a._cellToCell.Add((f.Origin.Key, cell, step));
                        _a.CellEdgeAdded(f.Origin.Key, cell);
                    }
                    break;
                case OriginKind.Param:
                    AddStore(new StoreEdge(f with { Trail = Trail.Extend(f.Trail, step) }, cell, step));
                    break;
            }
        }

        /// <summary>A store edge of this origin into this cell at this place is already recorded (a new one would be dropped).</summary>
        bool HasStore(Origin origin, string cell, Step at) => _storeEdges.ContainsKey(new StoreKey(origin.Id, cell, at.Start));

        void AddStore(StoreEdge s)
        {
            var key = new StoreKey(s.Value.Origin.Id, s.Cell, s.At.Start);
            // A self-recursive function that stores its parameters into attributes of what it recurses on
            // (`ast.fix_missing_locations`) multiplies its stores with each fixpoint iteration: the summary is capped.
            if (_storeEdges.Count >= MaxStoresPerFunction && !_storeEdges.ContainsKey(key)) return;
            _storeEdges.TryAdd(key, s);
        }
    }

    // ───────────── results ─────────────

    void AddFlow(Fact f, uint kind, Step sink, string callee, int function)
    {
        // Secrets reach only the sinks that leak them; attacker data never reaches those.
        if (!SourceKinds.MayReach(f.Origin.SourceKind, kind)) return;
        // A secret is named again at each step (`password`, then `user.password`): one flow per sink for those, one per
        // source for attacker data, whose sources are each a way in.
        bool secret = (f.Origin.SourceKind & (SourceKinds.Sensitive | SourceKinds.Password)) != 0;
        var key = (kind, sink.Module, sink.Start, secret ? -1 : f.Origin.Id);
        var steps = f.Trail?.Steps() ?? [];
        if (steps.Count == 0 || steps[^1] != sink) steps.Add(sink);
        if (_flows.TryGetValue(key, out var existing))
        {
            // Keep the most trusted source first, then the shortest path, then the path that comes first in the files
            // (so the flow kept does not depend on the order the functions were analysed in).
            bool trusted = (f.Origin.SourceKind & _options.SourceKinds) != 0, wasTrusted = (existing.Source.SourceKind & _options.SourceKinds) != 0;
            bool better = trusted && !wasTrusted
                || trusted == wasTrusted && (steps.Count < existing.Steps.Count || steps.Count == existing.Steps.Count && ComparePaths(steps, existing.Steps) < 0);
            if (!better) return;
        }
        _flows[key] = new TaintFlow(kind, f.Origin, sink, callee, steps, function);
    }

    /// <summary><see cref="ComparePaths"/> as a comparer.</summary>
    sealed class PathOrder : IComparer<IReadOnlyList<Step>>
    {
        public static readonly PathOrder Instance = new();
        public int Compare(IReadOnlyList<Step>? a, IReadOnlyList<Step>? b) => ComparePaths(a ?? [], b ?? []);
    }

    static int ComparePaths(IReadOnlyList<Step> a, IReadOnlyList<Step> b)
    {
        for (int i = 0; i < a.Count && i < b.Count; i++)
        {
            var (x, y) = (a[i], b[i]);
            int c = x.Module.CompareTo(y.Module);
            if (c == 0) c = x.Start.CompareTo(y.Start);
            if (c == 0) c = x.End.CompareTo(y.End);
            if (c == 0) c = x.Kind.CompareTo(y.Kind);
            if (c == 0) c = string.CompareOrdinal(x.What, y.What);
            if (c != 0) return c;
        }
        return a.Count.CompareTo(b.Count);
    }

    void AddCellContent(string cell, Fact f)
    {
        var existing = _cellContents.TryGetValue(cell, out var e) ? e : Facts.None;
        _cellContents[cell] = Facts.Union(existing, [f]);
        // A cell is hot once it holds taint a rule reports, or a marker.
        if (f.Origin.Kind != OriginKind.Source || Reported(f.Origin.SourceKind)) MakeHot(cell);
    }

    /// <summary>Cells feed each other (a module variable copied into a class attribute); then every sink of a cell gets its sources.</summary>
    void ResolveCells()
    {
        for (int round = 0; round < 8; round++)
        {
            bool changed = false;
            for (int e = 0; e < _cellToCell.Count; e++)
            {
                var (from, to, step) = _cellToCell[e];
                if (!_cellContents.TryGetValue(from, out var facts)) continue;
                var before = _cellContents.TryGetValue(to, out var b) ? b : Facts.None;
                // Most edges add nothing after the first round: asked first, before the facts get new trails.
                if (!Facts.Adds(before, facts)) continue;
                var after = Facts.Union(before, Facts.Step(facts, step));
                if (!Facts.Same(before, after)) { _cellContents[to] = after; changed = true; }
            }
            if (!changed) break;
        }
        foreach (var (edge, function) in _cellSinks)
        {
            if (!_cellContents.TryGetValue(edge.From.Key, out var facts)) continue;
            foreach (var f in facts)
            {
                if (f.Origin.Kind != OriginKind.Source) continue;
                var cleared = f.Cleared | edge.Cleared;
                if ((cleared & edge.Kind) == edge.Kind) continue;
                AddFlow(new Fact(f.Origin, cleared, f.Flags, Trail.Append(f.Trail, edge.Trail)), edge.Kind, edge.Sink, edge.Callee, function);
            }
        }
    }

    SummaryView View(FunctionState fs)
    {
        var mod = _index.Modules[fs.Module];
        var name = mod.Key + "." + fs.F.Path;
        var ret = string.Join(", ", fs.Summary.Return.Collapse().Select(f => f.Origin + (f.Cleared != 0 ? $" (clean for {SinkKinds.NameOf(f.Cleared)})" : "")));
        var sinks = fs.Summary.Sinks.Select(s => $"{s.From} -> {SinkKinds.NameOf(s.Kind)} at {mod.Path}:{s.Sink.Start} {s.Callee}").ToList();
        var stores = fs.Summary.Stores.Select(s => $"{s.Value.Origin} -> {s.Cell}").ToList();
        _entries.TryGetValue(fs.Id, out var entry);
        return new SummaryView(name, ret, sinks, stores, entry is null ? null : entry.Framework + (entry.Route is null ? "" : " " + entry.Route),
            mod.Path, fs.F.Path, fs.Facts ?? []);
    }
}
