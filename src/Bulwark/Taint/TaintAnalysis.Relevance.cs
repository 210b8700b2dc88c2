using Bulwark.Semantics;

namespace Bulwark.Taint;

/// <summary>
/// Demand-driven pruning: before any summary is computed, the functions that can ever hold a tainted value are found
/// from the IR alone, and only those are analysed. A flow needs a source fact (or a cell that holds one), and such a
/// fact exists only in a function that creates it (reads a modelled source, a sensitive name, a marker; an entry
/// point's bound parameter), in the callers of one (it travels up through returns), in the callees of those (down
/// through arguments), and in functions reading a shared variable such a function writes — to a fixpoint. Every edge
/// the analysis could follow is over-approximated (static calls, functions referenced by name or value, any method of
/// the called name, decorators, defaults), and every name test is by the last name component, so a function left out
/// provably computes nothing that reaches a flow: its callers are all left out too, it reads no cell that can hold a
/// source, and it creates no source fact. Findings are the same as with every function analysed.
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
        if (_collectSummaries || !_options.Prune) return;
        int n = _functions.Length;
        var tables = _tables;
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
            set.Clear();
            names.Clear();
            set.UnionWith(fs.Callees);
            Edges(fs, set, names);
            set.Remove(id);
            callees[id] = [.. set];
            calledNames[id] = [.. names];
            foreach (var c in callees[id]) callers[c].Add(id);
            foreach (var name in names) Add(callersByName, name, id);
            seed[id] = CreatesSource(fs, sourceAttrs, sourceCalls, itemSources);
        }
        // Readers of each cell name (last component: `.attr`, `[key]`, `[*]`, a variable's name).
        var readers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var itemReaders = new List<int>();
        for (int id = 0; id < n; id++)
        {
            var read = new HashSet<string>(StringComparer.Ordinal);
            if (CellReads(_functions[id], read)) itemReaders.Add(id);
            foreach (var name in read)
            {
                if (!readers.TryGetValue(name, out var list)) readers[name] = list = [];
                list.Add(id);
            }
        }
        var up = new bool[n];
        var relevant = new bool[n];
        var upQueue = new Queue<int>();
        var downQueue = new Queue<int>();
        var written = new HashSet<string>(StringComparer.Ordinal);
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
            foreach (var id in newlyRelevant)
            {
                var wrote = new List<string>();
                anyItemWritten |= CellWrites(_functions[id], wrote);
                foreach (var name in wrote)
                    if (written.Add(name) && readers.TryGetValue(name, out var list))
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
    void Edges(FunctionState fs, HashSet<int> set, HashSet<string> methodNames)
    {
        var f = fs.F;
        int m = fs.Module;
        var mod = _index.Modules[m];
        foreach (var v in f.Values)
            switch (v.Op)
            {
                case IrOp.FuncRef: set.Add(_index.FunctionId(m, v.A)); break;
                case IrOp.Global: AddResolved(m, mod.Str(v.S), set); break;
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

    void AddResolved(int m, string q, HashSet<int> set)
    {
        var s = _index.Resolve(m, q);
        switch (s.Kind)
        {
            case SymbolKind.Function: set.Add(_index.FunctionId(s.Module, s.Index)); break;
            case SymbolKind.Class:
                // Its constructor and every method (called through the instance later).
                if (_index.TryClass(_index.CanonicalClass(s), out var cm, out var cls))
                    foreach (var mi in cls.Methods) set.Add(_index.FunctionId(cm, mi));
                break;
            case SymbolKind.Variable:
                if (_index.Modules[s.Module].Exports.TryGetValue(Last(q), out var e))
                    foreach (var fn in e.Functions) set.Add(_index.FunctionId(s.Module, fn));
                break;
        }
    }

    /// <summary>Whether a function may create a source or marker fact itself.</summary>
    bool CreatesSource(FunctionState fs, HashSet<string> sourceAttrs, HashSet<string> sourceCalls, bool itemSources)
    {
        if (_entries.TryGetValue(fs.Id, out var entry))
            foreach (var p in entry.Parameters)
                if (p.Kind is ParamBind.Source or ParamBind.Depends) return true;
        var f = fs.F;
        var mod = _index.Modules[fs.Module];
        bool names = _options.NameSources is not null;
        foreach (var v in f.Values)
            switch (v.Op)
            {
                case IrOp.LoadAttr:
                    if (sourceAttrs.Contains(mod.Str(v.S)) || names && NameKind(mod.Str(v.S)) != 0) return true;
                    break;
                case IrOp.LoadItem:
                    if (itemSources || names && v.S >= 0 && NameKind(mod.Str(v.S)) != 0) return true;
                    break;
                case IrOp.Global:
                {
                    var q = mod.Str(v.S);
                    if (_tables.SourceGlobals.ContainsKey(q)) return true;
                    foreach (var part in q.Split('.'))
                        if (sourceAttrs.Contains(part) || names && NameKind(part) != 0) return true;
                    // A prefix that is a source global (`sys.argv` in `sys.argv.copy`).
                    for (int dot = q.IndexOf('.'); dot > 0; dot = q.IndexOf('.', dot + 1))
                        if (_tables.SourceGlobals.ContainsKey(q[..dot])) return true;
                    break;
                }
            }
        if (names)
        {
            foreach (var p in f.Params) if (NameKind(p.Name) != 0) return true;
            foreach (var s in f.SiteNames)
                if (s >= 0)
                {
                    var site = mod.Str(s);
                    if (NameKind(site) != 0 || NameKind(Last(site)) != 0) return true;
                }
        }
        foreach (var c in f.Calls)
        {
            if (c.Method is { } method && sourceCalls.Contains(method)) return true;
            if (c.Callee is { } callee && sourceCalls.Contains(Last(callee))) return true;
            foreach (var name in c.Names) if (name is not null && sourceCalls.Contains(Last(name))) return true;
            foreach (var r in c.Refs) if (r?.Qualified is { } q && sourceCalls.Contains(Last(q))) return true;
            if (names)
                foreach (var k in c.Constants)
                    if (k?.AsString is { } s && NameKind(s) != 0) return true;
        }
        return false;
    }

    /// <summary>The cell names a function may read (last components); true when it reads items (any item cell).</summary>
    bool CellReads(FunctionState fs, HashSet<string> names)
    {
        var f = fs.F;
        var mod = _index.Modules[fs.Module];
        bool items = false;
        foreach (var v in f.Values)
            switch (v.Op)
            {
                case IrOp.LoadAttr: names.Add("." + mod.Str(v.S)); break;
                case IrOp.LoadItem:
                    items = true;
                    if (v.S >= 0) names.Add("[" + mod.Str(v.S) + "]");
                    break;
                case IrOp.Cell:
                    names.Add(Last(mod.Str(v.S)));
                    names.Add("." + Last(mod.Str(v.S)));
                    break;
                case IrOp.Global:
                {
                    var q = mod.Str(v.S);
                    names.Add(Last(q));
                    foreach (var part in q.Split('.')) names.Add("." + part);
                    break;
                }
            }
        return items;
    }

    /// <summary>The cell names a function may write (last components); true when it writes an item without a constant key.</summary>
    bool CellWrites(FunctionState fs, List<string> names)
    {
        var mod = _index.Modules[fs.Module];
        bool anyItem = false;
        foreach (var e in fs.F.Effects)
            switch (e.Kind)
            {
                case EffectKind.StoreCell:
                    // A class attribute set in the class body is read as an attribute, too.
                    names.Add(Last(mod.Str(e.S)));
                    names.Add("." + Last(mod.Str(e.S)));
                    break;
                case EffectKind.StoreAttr: names.Add("." + mod.Str(e.S)); break;
                case EffectKind.StoreItem:
                    if (e.S < 0) anyItem = true;
                    else names.Add("[" + mod.Str(e.S) + "]");
                    break;
            }
        // A dataclass's generated constructor stores its fields; a callee's store edges land in cells its caller names.
        foreach (var t in fs.Calls)
            if (t.DataclassFields is { } fields)
                foreach (var field in fields) names.Add("." + field);
        return anyItem;
    }
}
