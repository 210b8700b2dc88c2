using Bulwark.Semantics;

namespace Bulwark.Taint;

/// <summary>
/// Demand-driven pruning, used when every parameter is analysed (<see cref="TaintOptions.ParameterLiveness"/> off; with
/// it, analysing every function once without parameter taint costs less than this step): before any summary is
/// computed, the functions that can ever hold a tainted value are found from the IR alone, and only those are analysed.
/// A flow needs a source fact (or a cell that holds one), and such a fact exists only in a function that creates it
/// (reads a modelled source, a sensitive name, a marker; an entry point's bound parameter), in the callers of one (it
/// travels up through returns), in the callees of those (down through arguments), and in functions reading a shared
/// variable such a function writes — to a fixpoint. Every edge the analysis could follow is over-approximated (static
/// calls, functions referenced by name or value, any method of the called name, decorators, defaults), and every name
/// test is by the last name component, so a function left out provably computes nothing that reaches a flow: its
/// callers are all left out too, it reads no cell that can hold a source, and it creates no source fact. Findings are
/// the same as with every function analysed.
/// </summary>
public sealed partial class TaintAnalysis
{
    /// <summary>Functions that may hold taint (null: all of them, e.g. with the pruning disabled).</summary>
    bool[]? _relevant;

    /// <summary>Functions left out by <see cref="FindRelevant"/>, for the timing line.</summary>
    public int Pruned { get; private set; }

    /// <summary>Calls from an analysed function to a pruned one: always 0 when the pruning is sound (checked with BULWARK_TIMING=2).</summary>
    internal int PrunedCalls;

    void FindRelevant()
    {
        // `debug taint` shows every function's summary.
        // With parameter liveness every function is analysed once without parameter taint, which costs less than this step.
        if (_collectSummaries || !_options.Prune || _options.ParameterLiveness) return;
        int n = _functions.Length;
        var tables = _tables;
        var sub = System.Diagnostics.Stopwatch.StartNew();
        double tEdges = 0, tSeeds = 0;
        var sourceAttrs = new HashSet<string>(StringComparer.Ordinal);
        bool itemSources = false;
        foreach (var key in tables.SourceAttributes.Keys)
        {
            if (key.EndsWith("[]", StringComparison.Ordinal)) { itemSources = true; continue; }
            sourceAttrs.Add(Last(key));
        }
        var sourceCalls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in tables.SourceCalls.Keys) sourceCalls.Add(Last(key));
        foreach (var key in tables.MarkerCalls.Keys) sourceCalls.Add(Last(key));
        var ctx = new RelevanceContext(this, sourceAttrs, sourceCalls, itemSources);
        // Every call edge the analysis might follow, over-approximated: static and referenced functions as edges,
        // method calls by name (any project method of that name), followed lazily so common names cost once.
        var methodsByName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var callersByName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var callees = new int[n][];
        var calledNames = new string[n][];
        var callers = new List<int>[n];
        for (int id = 0; id < n; id++) callers[id] = [];
        var seed = new bool[n];
        var set = new HashSet<int>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int id = 0; id < n; id++)
        {
            var fs = _functions[id];
            if (fs.F.Class >= 0) Add(methodsByName, fs.F.Name, id);
            var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            set.Clear();
            names.Clear();
            set.UnionWith(fs.Callees);
            Edges(fs, ctx, set, names);
            set.Remove(id);
            callees[id] = [.. set];
            calledNames[id] = [.. names];
            foreach (var c in callees[id]) callers[c].Add(id);
            foreach (var name in names) Add(callersByName, name, id);
            var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
            seed[id] = CreatesSource(fs, ctx);
            tEdges += System.Diagnostics.Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
            tSeeds += System.Diagnostics.Stopwatch.GetElapsedTime(t1).TotalMilliseconds;
        }
        var tIndex = sub.Elapsed.TotalMilliseconds;
        // Readers of each cell name (last component: `.attr`, `[key]`, `[*]`, a variable's name), by interned key.
        var readers = new List<List<int>?>();
        var itemReaders = new List<int>();
        var read = new HashSet<int>();
        for (int id = 0; id < n; id++)
        {
            read.Clear();
            if (CellReads(_functions[id], ctx, read)) itemReaders.Add(id);
            foreach (var key in read)
            {
                while (readers.Count <= key) readers.Add(null);
                (readers[key] ??= []).Add(id);
            }
        }
        var tReaders = sub.Elapsed.TotalMilliseconds;
        var up = new bool[n];
        var relevant = new bool[n];
        var upQueue = new Queue<int>();
        var downQueue = new Queue<int>();
        var written = new HashSet<int>();
        bool anyItemWritten = false;
        void Seed(int id) { if (!up[id]) { up[id] = true; upQueue.Enqueue(id); } }
        for (int id = 0; id < n; id++) if (seed[id]) Seed(id);
        var newlyRelevant = new List<int>();
        var upNames = new HashSet<string>(StringComparer.Ordinal);
        var downNames = new HashSet<string>(StringComparer.Ordinal);
        while (upQueue.Count > 0)
        {
            // Up through returns: every caller of a function that may hold taint.
            while (upQueue.Count > 0)
            {
                var id = upQueue.Dequeue();
                if (!relevant[id]) { relevant[id] = true; downQueue.Enqueue(id); newlyRelevant.Add(id); }
                foreach (var c in callers[id]) Seed(c);
                var f = _functions[id].F;
                if (f.Class >= 0 && upNames.Add(f.Name) && callersByName.TryGetValue(f.Name, out var byName))
                    foreach (var c in byName) Seed(c);
            }
            // Down through arguments: every callee of those.
            while (downQueue.Count > 0)
            {
                var id = downQueue.Dequeue();
                foreach (var c in callees[id])
                    if (!relevant[c]) { relevant[c] = true; downQueue.Enqueue(c); newlyRelevant.Add(c); }
                foreach (var name in calledNames[id])
                    if (downNames.Add(name) && methodsByName.TryGetValue(name, out var methods))
                        foreach (var c in methods)
                            if (!relevant[c]) { relevant[c] = true; downQueue.Enqueue(c); newlyRelevant.Add(c); }
            }
            // Shared variables they write: their readers may see taint.
            var wrote = new List<int>();
            foreach (var id in newlyRelevant)
            {
                wrote.Clear();
                anyItemWritten |= CellWrites(_functions[id], ctx, wrote);
                foreach (var key in wrote)
                    if (written.Add(key) && key < readers.Count && readers[key] is { } list)
                        foreach (var r in list) Seed(r);
            }
            newlyRelevant.Clear();
            if (anyItemWritten)
            {
                foreach (var r in itemReaders) Seed(r);
                itemReaders.Clear();
            }
        }
        _relevant = relevant;
        if (Environment.GetEnvironmentVariable("BULWARK_TIMING") == "2")
        {
            int seeds = 0, ups = 0, edges = 0;
            for (int id = 0; id < n; id++) { if (seed[id]) seeds++; if (up[id]) ups++; edges += callees[id].Length; }
            Console.Error.WriteLine($"relevance ms: edges {tEdges:F0}, seeds {tSeeds:F0}, index total {tIndex:F0}, readers {tReaders - tIndex:F0}, fixpoint {sub.Elapsed.TotalMilliseconds - tReaders:F0}");
            Console.Error.WriteLine($"relevance: {seeds} seeds, {ups} up, {edges} edges, written {written.Count}, any item {anyItemWritten}");
        }
        int count = 0;
        foreach (var r in relevant) if (!r) count++;
        Pruned = count;
    }

    static void Add(Dictionary<string, List<int>> index, string key, int id)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(id);
    }

    static string Last(string name)
    {
        int i = name.LastIndexOf('.');
        return i >= 0 ? name[(i + 1)..] : name;
    }

    /// <summary>Functions a function may call or pass on: static callees, functions referenced, any method of a called name.</summary>
    void Edges(FunctionState fs, RelevanceContext ctx, HashSet<int> set, HashSet<string> methodNames)
    {
        var f = fs.F;
        int m = fs.Module;
        var mod = _index.Modules[m];
        foreach (var v in f.Values)
            switch (v.Op)
            {
                case IrOp.FuncRef: set.Add(_index.FunctionId(m, v.A)); break;
                case IrOp.Global: set.UnionWith(ctx.GlobalTargets(m, mod, v.S)); break;
            }
        foreach (var c in f.Calls)
        {
            foreach (var t in c.Targets) set.Add(_index.FunctionId(m, t));
            if (c.Method is { } method) methodNames.Add(method);
            if (c.Callee is { } callee) AddResolved(m, callee, set);
            foreach (var r in c.Refs)
                if (r is { } fr)
                {
                    if (fr.Local >= 0) set.Add(_index.FunctionId(m, fr.Local));
                    else if (fr.Qualified is { } q) AddResolved(m, q, set);
                }
            foreach (var name in c.Names) if (name is not null) AddResolved(m, name, set);
        }
        foreach (var d in f.Decorators) if (d.Callee is { } dc) AddResolved(m, dc, set);
        foreach (var p in f.Params)
        {
            if (p.DefaultTarget is { } dt)
            {
                if (dt.Local >= 0) set.Add(_index.FunctionId(m, dt.Local));
                else if (dt.Qualified is { } q) AddResolved(m, q, set);
            }
            if (p.DefaultCallee is { } dcal) AddResolved(m, dcal, set);
        }
    }

    /// <summary>The methods of a class symbol (module, index), as function ids: resolved once for the pruning step.</summary>
    readonly Dictionary<(int, int), int[]> _classMethods = [];

    void AddResolved(int m, string q, HashSet<int> set)
    {
        var s = _index.Resolve(m, q);
        switch (s.Kind)
        {
            case SymbolKind.Function: set.Add(_index.FunctionId(s.Module, s.Index)); break;
            case SymbolKind.Class:
            {
                // Its constructor and every method (called through the instance later).
                if (!_classMethods.TryGetValue((s.Module, s.Index), out var methods))
                {
                    methods = [];
                    if (_index.TryClass(_index.CanonicalClass(s), out var cm, out var cls))
                    {
                        methods = new int[cls.Methods.Count];
                        for (int i = 0; i < methods.Length; i++) methods[i] = _index.FunctionId(cm, cls.Methods[i]);
                    }
                    _classMethods[(s.Module, s.Index)] = methods;
                }
                foreach (var id in methods) set.Add(id);
                break;
            }
            case SymbolKind.Variable:
                if (_index.Modules[s.Module].Exports.TryGetValue(Last(q), out var e))
                    foreach (var fn in e.Functions) set.Add(_index.FunctionId(s.Module, fn));
                break;
        }
    }

    /// <summary>
    /// What the pruning step asks of a module string, answered once per (module, string id) instead of once per use:
    /// whether it names a source, and the interned cell keys it reads or writes (the same key strings as
    /// `.attr`, `[key]` and a variable's name, numbered).
    /// </summary>
    sealed class RelevanceContext(TaintAnalysis a, HashSet<string> sourceAttrs, HashSet<string> sourceCalls, bool itemSources)
    {
        const sbyte Unknown = 0, No = 1, Yes = 2;
        readonly ProjectIndex _index = a._index;
        readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
        readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _sourceCalls = sourceCalls.GetAlternateLookup<ReadOnlySpan<char>>();
        readonly sbyte[]?[] _attrSource = new sbyte[a._index.Modules.Count][];
        readonly sbyte[]?[] _globalSource = new sbyte[a._index.Modules.Count][];
        readonly sbyte[]?[] _named = new sbyte[a._index.Modules.Count][];
        readonly int[]?[] _attrKey = new int[a._index.Modules.Count][];
        readonly int[]?[] _itemKey = new int[a._index.Modules.Count][];
        readonly int[]?[] _cellKeys = new int[a._index.Modules.Count][];
        readonly int[]?[][] _globalKeys = new int[a._index.Modules.Count][][];
        public readonly bool ItemSources = itemSources;
        public readonly bool Names = a._options.NameSources is not null;

        public int Key(string name)
        {
            if (!_keys.TryGetValue(name, out var key)) _keys[name] = key = _keys.Count;
            return key;
        }

        public bool SourceCall(string name) => _sourceCalls.Contains(LastSpan(name));

        static ReadOnlySpan<char> LastSpan(string name)
        {
            int i = name.LastIndexOf('.');
            return i >= 0 ? name.AsSpan(i + 1) : name;
        }

        static T[] Row<T>(T[]?[] table, ModuleIr mod, int m) => table[m] ??= new T[mod.Strings.Count];

        /// <summary>`x.name` may read a source: a modelled source attribute or (with name sources) a sensitive name.</summary>
        public bool AttrSource(int m, ModuleIr mod, int s)
        {
            if (s < 0) return sourceAttrs.Contains("");
            var row = Row(_attrSource, mod, m);
            if (row[s] == Unknown)
            {
                var name = mod.Strings[s];
                row[s] = sourceAttrs.Contains(name) || Names && a.NameKind(name) != 0 ? Yes : No;
            }
            return row[s] == Yes;
        }

        /// <summary>With name sources: whether the string, or its last component, is a sensitive name.</summary>
        public bool Named(int m, ModuleIr mod, int s, bool orLast)
        {
            if (!Names || s < 0) return false;
            var row = Row(_named, mod, m);
            // Two bits: 1 = the name itself, 2 = the name or its last component; 4 = computed.
            if (row[s] == 0)
            {
                var name = mod.Strings[s];
                bool self = a.NameKind(name) != 0;
                bool last = self || a.NameKind(LastSpan(name)) != 0;
                row[s] = (sbyte)(4 | (self ? 1 : 0) | (last ? 2 : 0));
            }
            return (row[s] & (orLast ? 2 : 1)) != 0;
        }

        /// <summary>A global read `q` may read a source: a source global or a prefix of one, or any part naming a source.</summary>
        public bool GlobalSource(int m, ModuleIr mod, int s)
        {
            if (s < 0) return GlobalSourceCore("");
            var row = Row(_globalSource, mod, m);
            if (row[s] == Unknown) row[s] = GlobalSourceCore(mod.Strings[s]) ? Yes : No;
            return row[s] == Yes;
        }

        bool GlobalSourceCore(string q)
        {
            var tables = a._tables;
            if (tables.SourceGlobals.ContainsKey(q)) return true;
            foreach (var part in q.Split('.'))
                if (sourceAttrs.Contains(part) || Names && a.NameKind(part) != 0) return true;
            for (int dot = q.IndexOf('.'); dot > 0; dot = q.IndexOf('.', dot + 1))
                if (tables.SourceGlobals.ContainsKey(q[..dot])) return true;
            return false;
        }

        /// <summary>The key of `.name` for a string id.</summary>
        public int AttrKey(int m, ModuleIr mod, int s)
        {
            if (s < 0) return Key(".");
            var row = Row(_attrKey, mod, m);
            if (row[s] == 0) row[s] = Key("." + mod.Strings[s]) + 1;
            return row[s] - 1;
        }

        /// <summary>The key of `[name]` for a string id (a constant item key).</summary>
        public int ItemKey(int m, ModuleIr mod, int s)
        {
            var row = Row(_itemKey, mod, m);
            if (row[s] == 0) row[s] = Key("[" + mod.Strings[s] + "]") + 1;
            return row[s] - 1;
        }

        /// <summary>A shared variable `q`: the keys of its last component, bare and as an attribute (a class attribute is read both ways).</summary>
        public (int Plain, int Attr) CellKeys(int m, ModuleIr mod, int s)
        {
            if (s < 0) return (Key(""), Key("."));
            var row = _cellKeys[m] ??= new int[2 * mod.Strings.Count];
            if (row[2 * s] == 0)
            {
                var last = Last(mod.Strings[s]);
                row[2 * s] = Key(last) + 1;
                row[2 * s + 1] = Key("." + last) + 1;
            }
            return (row[2 * s] - 1, row[2 * s + 1] - 1);
        }

        readonly int[][]?[] _globalTargets = new int[a._index.Modules.Count][][];
        readonly HashSet<int> _scratch = [];

        /// <summary>The functions a global read `q` may refer to (<see cref="AddResolved"/>), resolved once per module string.</summary>
        public int[] GlobalTargets(int m, ModuleIr mod, int s)
        {
            if (s < 0) return [];
            var row = _globalTargets[m] ??= new int[mod.Strings.Count][];
            if (row[s] is { } targets) return targets;
            _scratch.Clear();
            a.AddResolved(m, mod.Strings[s], _scratch);
            return row[s] = _scratch.Count == 0 ? [] : [.. _scratch];
        }

        /// <summary>A global read `q`: the key of its last component and of every part as an attribute.</summary>
        public int[] GlobalKeys(int m, ModuleIr mod, int s)
        {
            if (s < 0) return [Key(""), Key(".")];
            var row = _globalKeys[m] ??= new int[mod.Strings.Count][];
            if (row[s] is { } keys) return keys;
            var q = mod.Strings[s];
            var parts = q.Split('.');
            keys = new int[parts.Length + 1];
            keys[0] = Key(Last(q));
            for (int i = 0; i < parts.Length; i++) keys[i + 1] = Key("." + parts[i]);
            return row[s] = keys;
        }
    }

    /// <summary>Whether a function may create a source or marker fact itself.</summary>
    bool CreatesSource(FunctionState fs, RelevanceContext ctx)
    {
        if (_entries.TryGetValue(fs.Id, out var entry))
            foreach (var p in entry.Parameters)
                if (p.Kind is ParamBind.Source or ParamBind.Depends) return true;
        var f = fs.F;
        int m = fs.Module;
        var mod = _index.Modules[m];
        bool names = ctx.Names;
        foreach (var v in f.Values)
            switch (v.Op)
            {
                case IrOp.LoadAttr:
                    if (ctx.AttrSource(m, mod, v.S)) return true;
                    break;
                case IrOp.LoadItem:
                    if (ctx.ItemSources || names && v.S >= 0 && ctx.Named(m, mod, v.S, orLast: false)) return true;
                    break;
                case IrOp.Global:
                    if (ctx.GlobalSource(m, mod, v.S)) return true;
                    break;
            }
        if (names)
        {
            foreach (var p in f.Params) if (NameKind(p.Name) != 0) return true;
            foreach (var (_, _, s, _) in f.Sites)
                if (s >= 0 && ctx.Named(m, mod, s, orLast: true)) return true;
        }
        foreach (var c in f.Calls)
        {
            if (c.Method is { } method && ctx.SourceCall(method)) return true;
            if (c.Callee is { } callee && ctx.SourceCall(callee)) return true;
            foreach (var name in c.Names) if (name is not null && ctx.SourceCall(name)) return true;
            foreach (var r in c.Refs) if (r?.Qualified is { } q && ctx.SourceCall(q)) return true;
            // A getter of a secret's name (`data.get("password")`, `getattr(obj, "token")`): only the constant argument
            // SensitiveCall reads (NameArgumentOf) is a name; other constants (messages, formats) are not classified.
            if (names && (c.Method ?? (c.Callee is { } q2 ? Last(q2) : null)) is { } getter)
            {
                int keyAt = NameArgumentOf(getter);
                if (keyAt >= 0 && keyAt < c.Constants.Length && c.ConstantAt(keyAt)?.AsString is { } key && NameKind(key) != 0) return true;
            }
        }
        return false;
    }

    /// <summary>The cell keys a function may read (last components); true when it reads items (any item cell).</summary>
    bool CellReads(FunctionState fs, RelevanceContext ctx, HashSet<int> keys)
    {
        var f = fs.F;
        int m = fs.Module;
        var mod = _index.Modules[m];
        bool items = false;
        foreach (var v in f.Values)
            switch (v.Op)
            {
                case IrOp.LoadAttr: keys.Add(ctx.AttrKey(m, mod, v.S)); break;
                case IrOp.LoadItem:
                    items = true;
                    if (v.S >= 0) keys.Add(ctx.ItemKey(m, mod, v.S));
                    break;
                case IrOp.Cell:
                {
                    var (plain, attr) = ctx.CellKeys(m, mod, v.S);
                    keys.Add(plain);
                    keys.Add(attr);
                    break;
                }
                case IrOp.Global:
                    foreach (var key in ctx.GlobalKeys(m, mod, v.S)) keys.Add(key);
                    break;
            }
        return items;
    }

    /// <summary>The cell keys a function may write (last components); true when it writes an item without a constant key.</summary>
    bool CellWrites(FunctionState fs, RelevanceContext ctx, List<int> keys)
    {
        int m = fs.Module;
        var mod = _index.Modules[m];
        bool anyItem = false;
        foreach (var e in fs.F.Effects)
            switch (e.Kind)
            {
                case EffectKind.StoreCell:
                {
                    // A class attribute set in the class body is read as an attribute, too.
                    var (plain, attr) = ctx.CellKeys(m, mod, e.S);
                    keys.Add(plain);
                    keys.Add(attr);
                    break;
                }
                case EffectKind.StoreAttr: keys.Add(ctx.AttrKey(m, mod, e.S)); break;
                case EffectKind.StoreItem:
                    if (e.S < 0) anyItem = true;
                    else keys.Add(ctx.ItemKey(m, mod, e.S));
                    break;
            }
        // A store into a plain value lands in the variable or attribute holding it (HomeCells).
        foreach (var e in fs.F.Effects)
            if (e.Kind is EffectKind.StoreAttr or EffectKind.StoreItem && e.Object >= 0)
                switch (fs.F.Values[e.Object])
                {
                    case { Op: IrOp.LoadAttr } ov: keys.Add(ctx.AttrKey(m, mod, ov.S)); break;
                    case { Op: IrOp.Cell } ov:
                    {
                        var (plain, attr) = ctx.CellKeys(m, mod, ov.S);
                        keys.Add(plain);
                        keys.Add(attr);
                        break;
                    }
                }
        // A dataclass's generated constructor stores its fields; a callee's store edges land in cells its caller names.
        foreach (var t in fs.Calls)
            if (t.DataclassFields is { } fields)
                foreach (var field in fields) keys.Add(ctx.Key("." + field));
        return anyItem;
    }
}
