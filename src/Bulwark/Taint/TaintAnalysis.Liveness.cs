namespace Bulwark.Taint;

/// <summary>
/// Parameters analysed only where taint can reach them. A parameter's symbolic taint (its parameter origin) is what
/// makes summaries expensive: every read below it is a further origin, every sink and store it reaches an edge each
/// caller copies. Most parameters never receive anything tainted, so the analysis runs in two phases:
/// <list type="number">
/// <item>Every function, bottom-up as before, with no parameter origins: sources, cells and types, and the flows
/// that need no parameter.</item>
/// <item>A parameter becomes live when a call passes it something that may be tainted: a source, a marker, a live
/// parameter's taint, a cell that holds a source, or an object whose type has a modelled source member or such a
/// cell. A function whose live parameters grow is analysed again with those parameters' origins, and a function
/// whose summary changes has each function that used it analysed again, callees first, to a fixpoint.</item>
/// </list>
/// A parameter that is never live receives nothing tainted from any caller, so its origin would only have given
/// edges every caller maps to nothing: the flows are those of analysing every parameter (a flow may take another
/// path of the same findings: through the attribute a value was stored in rather than the object passed along).
/// <para>
/// Cells (module variables, class and instance attributes) are live the same way: a read of a cell gives its symbolic
/// fact only once the cell is hot, and a function that read it before is analysed again when it gets hot. Most reads
/// are of cells that never hold a source (on `site-packages`, 68,683 functions read one in the first phase and 1,409
/// cells ever get hot), and their facts cost most of the first phase; a cell that is never hot holds no reported
/// taint, so its edges would only have given flows that are left out.
/// </para>
/// </summary>
public sealed partial class TaintAnalysis
{
    /// <summary>Whether parameters start dead (<see cref="TaintOptions.ParameterLiveness"/>); otherwise all are live.</summary>
    bool _liveness;

    /// <summary>Whether a cell read gives its fact only once the cell is hot (<see cref="CellLive"/>).</summary>
    bool _cellLiveness;

    /// <summary>Each function's position in the bottom-up order: the worklist takes callees first.</summary>
    int[] _rank = [];

    readonly PriorityQueue<int, int> _queue = new();

    /// <summary>Cells that hold a source or marker (or are fed by one that does).</summary>
    readonly HashSet<string> _hot = new(StringComparer.Ordinal);

    /// <summary>Types with a member cell in <see cref="_hot"/>.</summary>
    readonly HashSet<string> _hotOwners = new(StringComparer.Ordinal);

    /// <summary>Types with a modelled source member (`flask.Request` for `.args`).</summary>
    readonly HashSet<string> _sourceOwners = new(StringComparer.Ordinal);

    /// <summary>Types that own a member cell (one that may get hot): others can never carry taint through their members.</summary>
    readonly HashSet<string> _cellOwners = new(StringComparer.Ordinal);

    /// <summary>Cell-to-cell edges by the cell they read, for hotness.</summary>
    readonly Dictionary<string, List<string>> _cellOut = new(StringComparer.Ordinal);

    /// <summary>
    /// Parameters given a cell not yet hot (key `cell`), or an object of (a subclass of) a type with no hot member cell
    /// yet (key `.Type`): they become live when it gets hot.
    /// </summary>
    readonly Dictionary<string, List<(int Callee, ulong Bit)>> _waiting = new(StringComparer.Ordinal);

    readonly List<string> _waits = [];

    /// <summary>Phase-2 passes over one function before its summary is taken as it is.</summary>
    const int MaxParameterPasses = 16;

    /// <summary>For the timing line: functions analysed in the second phase, passes, and functions that hit the cap.</summary>
    int _liveFunctions, _livePasses, _liveCapped;

    void InitLiveness(List<List<int>> order)
    {
        _liveness = _options.ParameterLiveness && !_collectSummaries;
        _cellLiveness = _liveness && _options.CellLiveness;
        if (!_liveness)
        {
            foreach (var f in _functions) f.Live = ulong.MaxValue;
            return;
        }
        _rank = new int[_functions.Length];
        for (int i = 0; i < order.Count; i++)
            foreach (var id in order[i]) _rank[id] = i;
        foreach (var (key, source) in _tables.SourceAttributes)
        {
            int dot = key.LastIndexOf('.');
            if (dot > 0 && !key.EndsWith("[]", StringComparison.Ordinal) && Reported(source.Kind)) _sourceOwners.Add(key[..dot]);
        }
        foreach (var cell in _cells)
            if (OwnerOf(cell) is { } owner) _cellOwners.Add(owner);
    }

    /// <summary>For tests: the live parameters of a function (by module path and dotted path), as a bit mask.</summary>
    internal ulong LiveParameters(string module, string function)
    {
        foreach (var fs in _functions)
            if (fs.F.Path == function && _index.Modules[fs.Module].Path == module) return fs.Live;
        throw new ArgumentException($"no function {function} in {module}");
    }

    /// <summary>
    /// Taint of a kind no rule of the scan reports (the environment, files, unless configured) makes nothing live: its
    /// flows would be left out at the end.
    /// </summary>
    bool Reported(uint sourceKind) => (sourceKind & _options.SourceKinds) != 0;

    static ulong ParamBit(int index) => 1UL << Math.Min(index, 63);

    /// <summary>Whether a parameter's taint is analysed: always without liveness, otherwise once a call may pass it taint.</summary>
    bool ParamLive(FunctionState fs, int index) => (fs.Live & ParamBit(index)) != 0;

    /// <summary>
    /// A caller uses a callee's summary with these formals: the caller is analysed again when the summary changes, and
    /// each parameter given something that may be tainted becomes live.
    /// </summary>
    void Uses(FunctionState caller, int calleeId, AValue[]? formals)
    {
        var callee = _functions[calleeId];
        bool self = ReferenceEquals(callee, caller);
        if (self) callee.CallsItself = true;
        else (callee.Users ??= new()).Add(caller.Id);
        if (!_liveness || formals is null) return;
        ulong grow = 0, maybe = 0;
        for (int q = 0; q < formals.Length; q++)
        {
            var bit = ParamBit(q);
            _waits.Clear();
            if (Carries(formals[q], 0))
            {
                grow |= bit;
                continue;
            }
            // A cell or typed object that may get taint later: the parameter waits for it.
            if (_waits.Count == 0) continue;
            maybe |= bit;
            if ((callee.Live & bit) == 0)
                foreach (var key in _waits) Wait(key, calleeId, bit);
        }
        // Only a caller that passes something that is, or may get, tainted to a live parameter gets anything from the
        // callee's parameter edges (a cell it passes gives cell sinks, resolved once every cell is known); one that
        // may pass it to a parameter not live yet becomes such a user if that parameter gets live.
        if (!self)
        {
            if (grow != 0 || (maybe & callee.Live) != 0) (callee.TaintedUsers ??= new()).Add(caller.Id);
            else if (maybe != 0 && (callee.LaterUsers ??= []) is var later && (later.Count == 0 || later[^1] != (caller.Id, maybe)))
                later.Add((caller.Id, maybe));
        }
        grow &= ~callee.Live;
        if (grow != 0) MakeLive(callee, grow);
    }

    /// <summary>Parameters of a function get live: it is analysed again, and callers that may pass them taint become its tainted users.</summary>
    void MakeLive(FunctionState fs, ulong bits)
    {
        fs.Live |= bits;
        if (fs.LaterUsers is { } later)
        {
            later.RemoveAll(u =>
            {
                if ((u.Bits & bits) == 0) return false;
                (fs.TaintedUsers ??= new()).Add(u.Caller);
                return true;
            });
        }
        Enqueue(fs.Id);
    }

    /// <summary>Whether a value may give a callee taint, through its facts, its fields, or members of its types; what it waits for goes to <see cref="_waits"/>.</summary>
    bool Carries(AValue v, int depth)
    {
        foreach (var f in v.Whole)
            switch (f.Origin.Kind)
            {
                case OriginKind.Cell:
                    if (_hot.Contains(f.Origin.Key)) return true;
                    _waits.Add(f.Origin.Key);
                    break;
                case OriginKind.Source:
                    if (Reported(f.Origin.SourceKind)) return true;
                    break;
                default:
                    return true;
            }
        foreach (var t in v.Types)
        {
            if (t.StartsWith('=')) continue;
            var owner = OwnerOfType(t);
            if (owner.Source) return true;
            if (owner.HotAt != _hotOwnersChanged)
            {
                owner.Hot = false;
                foreach (var b in owner.Bases)
                    if (_hotOwners.Contains(b)) { owner.Hot = true; break; }
                owner.HotAt = _hotOwnersChanged;
            }
            if (owner.Hot) return true;
            foreach (var key in owner.WaitKeys) _waits.Add(key);
        }
        if (v.Fields is not null && depth < AValue.MaxDepth)
            foreach (var field in v.Fields.Values)
                if (Carries(field, depth + 1)) return true;
        return false;
    }

    /// <summary>
    /// What <see cref="Carries"/> asks of a type, worked out once per type: its bases, whether one has a modelled
    /// source member, and the wait keys of those that own a member cell; whether one has a hot member cell is asked
    /// again only after <see cref="_hotOwners"/> grew.
    /// </summary>
    sealed class TypeOwnership(string[] bases, bool source, string[] waitKeys)
    {
        public readonly string[] Bases = bases;
        public readonly bool Source = source;
        public readonly string[] WaitKeys = waitKeys;
        public bool Hot;
        public int HotAt = -1;
    }

    readonly Dictionary<string, TypeOwnership> _typeOwnership = new(StringComparer.Ordinal);

    /// <summary>Times <see cref="_hotOwners"/> grew: a type's <see cref="TypeOwnership.Hot"/> is current when asked at this count.</summary>
    int _hotOwnersChanged;

    TypeOwnership OwnerOfType(string type)
    {
        if (_typeOwnership.TryGetValue(type, out var known)) return known;
        var bases = _types.WithBases(type);
        bool source = false;
        List<string>? keys = null;
        foreach (var b in bases)
        {
            if (_sourceOwners.Contains(b)) source = true;
            if (_cellOwners.Contains(b)) (keys ??= []).Add(OwnerKey(b));
        }
        return _typeOwnership[type] = new TypeOwnership(bases, source, keys?.ToArray() ?? []);
    }

    /// <summary>`.` and a type's name: the key a typed object waits for (made once per type).</summary>
    readonly Dictionary<string, string> _ownerKeys = new(StringComparer.Ordinal);

    string OwnerKey(string type)
    {
        if (!_ownerKeys.TryGetValue(type, out var key)) _ownerKeys[type] = key = "." + type;
        return key;
    }

    /// <summary>
    /// While a global name's value is worked out (see Evaluator.GlobalValue): the cells it read, in order. Such a value
    /// is the same in every function that reads those cells while they are not hot.
    /// </summary>
    List<string>? _cellLog;

    /// <summary>Functions that read a cell while it was not hot, by cell: analysed again once it is.</summary>
    readonly Dictionary<string, List<int>> _cellReaders = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether reading a cell gives its symbolic fact: always without liveness; with it (<see cref="TaintOptions.CellLiveness"/>)
    /// only once the cell is hot. Until then the read gives nothing and the reader waits for the cell.
    /// </summary>
    bool CellLive(string cell, int reader)
    {
        _cellLog?.Add(cell);
        if (!_cellLiveness || _hot.Contains(cell)) return true;
        if (!_cellReaders.TryGetValue(cell, out var list)) _cellReaders[cell] = list = [];
        if (list.Count == 0 || list[^1] != reader) list.Add(reader);
        return false;
    }

    void Wait(string key, int callee, ulong bit)
    {
        if (!_waiting.TryGetValue(key, out var list)) _waiting[key] = list = [];
        if (list.Count == 0 || list[^1] != (callee, bit)) list.Add((callee, bit));
    }

    /// <summary>A cell or type got hot: the parameters that waited for it are live.</summary>
    void Release(string key)
    {
        if (!_waiting.Remove(key, out var list)) return;
        foreach (var (callee, bit) in list)
        {
            var fs = _functions[callee];
            if ((fs.Live & bit) == 0) MakeLive(fs, bit);
        }
    }

    static string? OwnerOf(string cell)
    {
        int i = cell.Length - 1;
        if (i > 0 && cell[i] == ']')
        {
            int open = cell.LastIndexOf('[');
            return open > 0 ? cell[..open] : null;
        }
        int dot = cell.LastIndexOf('.');
        return dot > 0 ? cell[..dot] : null;
    }

    void Enqueue(int id)
    {
        var fs = _functions[id];
        if (!_liveness || fs.Queued || _relevant is not null && !_relevant[id]) return;
        fs.Queued = true;
        _queue.Enqueue(id, _rank[id]);
    }

    /// <summary>A cell got a source: it and every cell it feeds are hot, and what waited for one of them is released.</summary>
    void MakeHot(string cell)
    {
        if (!_liveness || _hot.Contains(cell)) return;
        var stack = new Stack<string>();
        stack.Push(cell);
        while (stack.Count > 0)
        {
            var c = stack.Pop();
            if (!_hot.Add(c)) continue;
            Release(c);
            if (_cellReaders.Remove(c, out var readers)) foreach (var r in readers) Enqueue(r);
            if (OwnerOf(c) is { } owner && _hotOwners.Add(owner))
            {
                _hotOwnersChanged++;
                Release("." + owner);
            }
            if (_cellOut.TryGetValue(c, out var next))
                foreach (var n in next) if (!_hot.Contains(n)) stack.Push(n);
        }
    }

    void CellEdgeAdded(string from, string to)
    {
        if (!_liveness) return;
        if (!_cellOut.TryGetValue(from, out var list)) _cellOut[from] = list = [];
        list.Add(to);
        if (_hot.Contains(from)) MakeHot(to);
    }

    static bool SameWithoutParameters(AValue a, AValue b) => AValue.Same(WithoutParameters(a), WithoutParameters(b));

    static AValue WithoutParameters(AValue v) => v.MapFacts(fs => Facts.Map(fs, f => f.Origin.Kind == OriginKind.Param ? null : f));

    /// <summary>The second phase: functions whose live parameters grew, and the users of summaries that changed, callees first.</summary>
    void ParameterPhase()
    {
        if (!_liveness) return;
        var seen = new HashSet<int>();
        while (true)
        {
            if (!_queue.TryDequeue(out var id, out _)) break;
            var fs = _functions[id];
            fs.Queued = false;
            CheckBudget();
            if (!_interprocedural) break;
            if (fs.Passes >= MaxParameterPasses) { _liveCapped++; continue; }
            fs.Passes++;
            _livePasses++;
            if (seen.Add(id)) _liveFunctions++;
            var before = fs.Summary;
            Analyse(fs);
            fs.F.Release();
            if (before.Same(fs.Summary)) continue;
            // A change in what the function gives without parameter taint reaches every user; a change in its
            // parameter edges only those that pass it taint.
            var users = SameWithoutParameters(before.Return, fs.Summary.Return) ? fs.TaintedUsers : fs.Users;
            if (users is not null) foreach (var u in users) Enqueue(u);
            // A recursive call used the summary as it was.
            if (fs.CallsItself) Enqueue(id);
        }
    }
}
