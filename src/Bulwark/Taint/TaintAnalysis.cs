using System.Diagnostics;
using Bulwark.Semantics;

namespace Bulwark.Taint;

/// <summary>What the project phase is allowed to spend and which sources count.</summary>
public sealed record TaintOptions
{
    /// <summary>Source kinds reported (remote and local by default; environment and files when configured).</summary>
    public uint SourceKinds { get; init; } = Taint.SourceKinds.Default;
    /// <summary>Wall-clock budget of the inter-procedural phase; past it the rest is analysed one function at a time.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Passes over a recursive group of functions before its summaries are taken as they are.</summary>
    public int MaxGroupIterations { get; init; } = 6;
    /// <summary>Names that make reads sensitive sources; null (the default) when no rule reports those kinds.</summary>
    public INameSources? NameSources { get; init; }
    /// <summary>Analyse only the functions that may hold taint (<see cref="TaintAnalysis.FindRelevant"/>); the flows are the same either way.</summary>
    public bool Prune { get; init; } = true;
    /// <summary>Analyse a parameter's taint only once a call may pass it some (<see cref="TaintAnalysis.ParameterPhase"/>); the same sinks are reported either way, some by another path.</summary>
    public bool ParameterLiveness { get; init; } = true;
    /// <summary>With parameter liveness, a cell's symbolic taint is read only once the cell holds reported taint (<see cref="TaintAnalysis.CellLive"/>); the same sinks are reported either way.</summary>
    public bool CellLiveness { get; init; } = true;
    /// <summary>Read functions' bodies ahead of the steps on another thread (<see cref="BodyPrefetcher"/>); the results are the same either way.</summary>
    public bool ReadAhead { get; init; }
    /// <summary>The project's templates and the variables each prints unescaped (template sinks, <see cref="SinkModel.Template"/>).</summary>
    public TemplateIndex Templates { get; init; } = TemplateIndex.Empty;
    /// <summary>Measure how much of the project a demand-driven analysis would look at (<see cref="TaintAnalysis.Demand"/>); never changes a result.</summary>
    public bool EstimateDemand { get; init; }
}

/// <summary>A flow of attacker-controlled data to a sink, with every step on the way.</summary>
public sealed record TaintFlow(uint Kind, Origin Source, Step Sink, string SinkCallee, IReadOnlyList<Step> Steps, int SinkFunction)
{
    /// <summary>Further sources that reach the same sink, not reported (<see cref="TaintAnalysis.SourcesPerSink"/>); set on the last flow kept.</summary>
    public int MoreSources { get; init; }
}

/// <summary>A summary, for `debug taint`: what one function does with taint.</summary>
public sealed record SummaryView(string Function, string Return, IReadOnlyList<string> Sinks, IReadOnlyList<string> Stores, string? Entry,
    string Module, string Path, IReadOnlyList<string> Facts);

public sealed record TaintResult(IReadOnlyList<TaintFlow> Flows, IReadOnlyList<string> Warnings, IReadOnlyList<SummaryView> Summaries, int FunctionsAnalysed);

/// <summary>
/// The inter-procedural taint analysis: one summary per function, computed bottom-up over the call graph's strongly
/// connected components (a bounded fixpoint inside recursive groups), then shared variables (cells) connect flows
/// that pass through module variables, class attributes and request attributes set by middleware.
/// </summary>
public sealed partial class TaintAnalysis
{
    readonly ProjectIndex _index;
    readonly ModelCatalog _catalog;
    readonly ModelTables _tables;
    readonly ProjectTypes _types;
    readonly TaintOptions _options;
    readonly Origins _origins = new();
    readonly FunctionState[] _functions;
    readonly IReadOnlyDictionary<int, EntryPoint> _entries;
    /// <summary>Markers on `self` from a handler class's set-up methods, by function id (<see cref="EntryPoints.HandlerMarkers"/>).</summary>
    readonly IReadOnlyDictionary<int, string[]> _handlerMarkers;
    readonly HashSet<string> _cells = new(StringComparer.Ordinal);
    readonly Dictionary<string, Fact[]> _cellContents = new(StringComparer.Ordinal);
    readonly ChunkedList<(string From, string To, Step Step)> _cellToCell = new();
    readonly HashSet<(string From, string To, Step Step)> _cellEdges = [];
    readonly List<(SinkEdge Edge, int Function)> _cellSinks = [];
    /// <summary>One flow per sink, kind and source (its best path); at most <see cref="SourcesPerSink"/> sources are reported per sink.</summary>
    readonly Dictionary<(uint, int, int, int), TaintFlow> _flows = [];

    /// <summary>
    /// Sources reported for one sink: a helper that runs a command is reached from each view that passes it request
    /// data, and each is its own way in. Past this many, the last flow reported counts the rest.
    /// </summary>
    public const int SourcesPerSink = 3;
    readonly List<string> _warnings = [];
    readonly bool _collectSummaries;
    /// <summary>Some model describes files written and read back (<see cref="FileModel"/>).</summary>
    readonly bool _fileModels;
    /// <summary>A source's items that hold no text of the client's (<see cref="SourceModel.SafeKeys"/>), by the source's description.</summary>
    readonly Dictionary<string, string[]> _safeSourceKeys = new(StringComparer.Ordinal);

    /// <summary>The type of a container type's items (`T[]` rows of `attributes`), by the container's type.</summary>
    readonly Dictionary<string, string> _itemTypes = new(StringComparer.Ordinal);
    bool _interprocedural = true;

    /// <summary>Wall time, bytes allocated and time paused by the garbage collector of each step of the project phase, for BULWARK_TIMING=1.</summary>
    public List<(string Step, TimeSpan Time, long Allocated, TimeSpan Paused)> Timing { get; } = [];
    readonly Stopwatch _stepClock = Stopwatch.StartNew();
    long _allocatedBefore = GC.GetTotalAllocatedBytes();
    TimeSpan _pausedBefore = GC.GetTotalPauseDuration();
    void Mark(string step)
    {
        var allocated = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        Timing.Add((step, _stepClock.Elapsed, allocated - _allocatedBefore, paused - _pausedBefore));
        _allocatedBefore = allocated;
        _pausedBefore = paused;
        if (Environment.GetEnvironmentVariable("BULWARK_TIMING") == "2")
        {
            // Committed before the forced collection: what the step left the process holding.
            var committed = GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes;
            Console.Error.WriteLine($"heap after {step}: {GC.GetTotalMemory(true) / 1048576} MiB (committed {committed / 1048576} MiB, working set {Environment.WorkingSet / 1048576} MiB)");
        }
        _stepClock.Restart();
    }

    public TaintAnalysis(IReadOnlyList<ModuleIr> modules, ModelCatalog catalog, TaintOptions options, bool collectSummaries = false)
    {
        _nameKinds = new Dictionary<string, uint>(StringComparer.Ordinal);
        _nameKindsBySpan = _nameKinds.GetAlternateLookup<ReadOnlySpan<char>>();
        _masks = new Dictionary<string, bool>(StringComparer.Ordinal);
        _masksBySpan = _masks.GetAlternateLookup<ReadOnlySpan<char>>();
        _index = new ProjectIndex(modules);
        _catalog = catalog;
        _tables = catalog.Tables;
        _types = new ProjectTypes(_index, catalog);
        _options = options;
        _collectSummaries = collectSummaries;
        if (options.EstimateDemand) _demand = new DemandEstimate();
        _fileModels = _tables.FileCalls.Count + _tables.FileMethods.Count > 0;
        foreach (var (key, type) in _tables.Attributes)
            if (key.EndsWith("[]", StringComparison.Ordinal)) _itemTypes[key[..^2]] = type;
        foreach (var sources in (IEnumerable<Dictionary<string, SourceModel>>)[_tables.SourceAttributes, _tables.SourceCalls, _tables.SourceGlobals])
            foreach (var source in sources.Values)
                if (source.SafeKeys is { } safe) _safeSourceKeys[source.Description] = safe;
        _nameKindsById = new byte[]?[modules.Count];
        _callNamingById = new CallNaming[]?[modules.Count];
        _annotationTypes = new Dictionary<string, string[]>?[modules.Count];
        _globalValues = new Dictionary<int, GlobalMemo>?[modules.Count];
        _receiverTypes = new string[]?[modules.Count][];
        _functions = new FunctionState[_index.Functions.Count];
        for (int id = 0; id < _functions.Length; id++)
        {
            var (m, f) = _index.Functions[id];
            _functions[id] = new FunctionState(id, m, modules[m].Functions[f]);
        }
        Mark("index+types");
        var entryPoints = new EntryPoints(_index, _types, catalog);
        _entries = entryPoints.Find();
        _handlerMarkers = entryPoints.HandlerMarkers;
        Mark("entry points");
    }

    public ProjectIndex Index => _index;

    /// <summary>A reader of bodies ahead of a step that goes through the functions in order of id.</summary>
    BodyPrefetcher ReadAhead() => new(Array.ConvertAll(_functions, f => f.F), _options.ReadAhead);

    void ReleaseAll()
    {
        foreach (var f in _functions) f.F.Release();
    }

    public TaintResult Run()
    {
        var clock = Stopwatch.StartNew();
        // Each step reads one function's body at a time and lets it go after (it is read again when asked for): all of
        // them at once would be the phase's peak. Cells and calls need nothing of each other: one reading serves both.
        using (var bodies = ReadAhead())
            foreach (var f in _functions)
            {
                bodies.Reached(f.Id);
                _young.Tick();
                CollectCells(f);
                ResolveCalls(f);
                f.F.Release();
            }
        CollectDataclassCells();
        ReleaseAll();
        ForgetCallResolution();
        Mark("cells+calls");
        FindRelevant();
        Mark("relevance");
        var order = StronglyConnected();
        InitLiveness(order);
        Mark("order");
        _clock = clock;
        var slow = new List<(double, string)>();
        var inOrder = new List<IrFunction>(_functions.Length);
        foreach (var group in order)
            foreach (var id in group) inOrder.Add(_functions[id].F);
        using var reader = new BodyPrefetcher(inOrder, _options.ReadAhead);
        int position = 0;
        foreach (var group in order)
        {
            reader.Reached(position);
            position += group.Count;
            CheckBudget();
            var t0 = Stopwatch.GetTimestamp();
            AnalyseGroup(group);
            foreach (var id in group) _functions[id].F.Release();
            var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            if (group.Count > 1) _multiMs += ms; else _singleMs += ms;
            if (ms > 50) slow.Add((ms, $"{group.Count} fns, first {_index.Modules[_functions[group[0]].Module].Path}:{_functions[group[0]].F.Path} vals={_functions[group[0]].F.Values.Length} sinks={group.Sum(g => _functions[g].Summary.Sinks.Length)} stores={group.Sum(g => _functions[g].Summary.Stores.Length)} ret={group.Sum(g => _functions[g].Summary.Return.Collapse().Length)} evals={_evaluations}"));
        }
        if (Environment.GetEnvironmentVariable("BULWARK_TIMING") == "2")
            Console.Error.WriteLine($"groups: {order.Count}, singleton ms {_singleMs:F0}, multi ms {_multiMs:F0} in {order.Count(g => g.Count > 1)} groups of {order.Where(g => g.Count > 1).Sum(g => g.Count)} functions; evaluations {_evaluations}; calls into pruned functions {PrunedCalls}");
        if (Environment.GetEnvironmentVariable("BULWARK_TIMING") == "2")
            foreach (var (ms, what) in slow.OrderByDescending(x => x.Item1).Take(40)) Console.Error.WriteLine($"slow group {ms:F0} ms: {what}");
        reader.Dispose();
        // Bodies still in memory: one the reader published just after its group let it go, the partial calls' owners
        // evaluation read.
        ReleaseAll();
        Mark("summaries");
        if (_liveness)
        {
            ParameterPhase();
            if (Environment.GetEnvironmentVariable("BULWARK_TIMING") == "2")
                Console.Error.WriteLine($"parameters: {_liveFunctions} functions, {_livePasses} passes, {_liveCapped} capped; hot cells {_hot.Count}, hot owners {_hotOwners.Count}");
            Mark("parameters");
        }
        ResolveCells();
        Mark("cell flows");
        // Once every phase is done: which parameters got live is part of what it measures.
        if (_demand is not null) Demand = _demand.Measure(this);
        var flows = new List<TaintFlow>();
        var around = new Dictionary<(int, int), IrFunction?>();
        IrFunction? SourceFunction(Step site)
        {
            if (!around.TryGetValue((site.Module, site.Start), out var f)) around[(site.Module, site.Start)] = f = _index.Modules[site.Module].FunctionAround(site.Start);
            return f;
        }
        foreach (var group in _flows.Values
                     .Where(f => (f.Source.SourceKind & _options.SourceKinds) != 0)
                     .GroupBy(f => (f.Sink.Module, f.Sink.Start, f.Kind))
                     .OrderBy(g => g.Key.Module).ThenBy(g => g.Key.Start).ThenBy(g => g.Key.Kind))
        {
            // The shortest paths first, then the paths that come first in the files: an order of the flows alone. Sources
            // of one description in one function (`request.form` read twice on a line) are one way in: one flow for them.
            var seen = new HashSet<(string, int, IrFunction?)>();
            var kept = group.OrderBy(f => f.Steps.Count).ThenBy(f => f.Steps, PathOrder.Instance).ThenBy(f => f.Source.Key, StringComparer.Ordinal)
                .Where(f => seen.Add((f.Source.Key, f.Source.Site?.Module ?? -1, f.Source.Site is { } site ? SourceFunction(site) : null)))
                .ToList();
            int n = Math.Min(kept.Count, SourcesPerSink);
            for (int i = 0; i < n; i++)
                flows.Add(i == n - 1 && kept.Count > n ? kept[i] with { MoreSources = kept.Count - n } : kept[i]);
        }
        var summaries = _collectSummaries ? _functions.Where(f => f.Analysed).Select(View).ToList() : [];
        return new TaintResult(flows, _warnings, summaries, _functions.Count(f => f.Analysed));
    }

    // ───────────── per-function state ─────────────

    sealed class FunctionState(int id, int module, IrFunction f)
    {
        public int Id { get; } = id;
        public int Module { get; } = module;
        public IrFunction F { get; } = f;
        public Summary Summary = Summary.Empty;
        public bool Analysed;
        public string[]? Facts;
        public CallTargets[] Calls = [];
        /// <summary>Project functions it may call, each once, in the order its calls name them.</summary>
        public int[] Callees = [];
        /// <summary>Parameters whose taint is analysed (bit 63: that one and every later one).</summary>
        public ulong Live;
        /// <summary>Functions that used this one's summary, and those of them that passed it something tainted.</summary>
        public IdSet? Users, TaintedUsers;
        /// <summary>Callers that may pass taint to these parameters, not live yet: tainted users once one of them is.</summary>
        public List<(int Caller, ulong Bits)>? LaterUsers;
        /// <summary>The function used its own summary (a recursive call).</summary>
        public bool CallsItself;
        public bool Queued;
        public int Passes;
        int _firstBack = -1;
        /// <summary><see cref="Evaluator.FirstBackEdgeReader"/> of its IR, worked out at its first analysis (a function is analysed again in groups and in the second phase).</summary>
        public int FirstBackEdgeReader => _firstBack >= 0 ? _firstBack : _firstBack = Evaluator.FirstBackEdgeReader(F);
    }

    sealed class Summary
    {
        /// <summary>
        /// What a function not analysed yet, or one whose analysis found nothing, has: one shared instance, never
        /// changed (most functions of a large tree end here, and a summary with its two lists each cost three objects).
        /// </summary>
        public static readonly Summary Empty = new();
        public bool IsEmpty => ReferenceEquals(Return, AValue.Empty) && Sinks.Length == 0 && Stores.Length == 0;
        public AValue Return = AValue.Empty;
        // Arrays, set once at the end of an analysis: most summaries have neither, and two empty lists each were 5 MB on site-packages.
        public SinkEdge[] Sinks = [];
        public StoreEdge[] Stores = [];
        public bool Same(Summary other) =>
            AValue.Same(Return, other.Return) && Sinks.Length == other.Sinks.Length && Stores.Length == other.Stores.Length;
    }

    /// <summary>A sink reached by taint of a parameter or cell origin (with the cleared kinds and the trail from the origin).</summary>
    sealed record SinkEdge(Origin From, uint Cleared, Trail? Trail, uint Kind, Step Sink, string Callee);

    /// <summary>A parameter's taint stored into a cell (a module variable, a class or instance attribute of a known type).</summary>
    sealed record StoreEdge(Fact Value, string Cell, Step At);

    /// <summary>What a call may run: project functions (with how the callee is bound) and library names to look models up by.</summary>
    sealed class CallTargets
    {
        /// <summary>A call that runs nothing known, shared by all of them: never added to.</summary>
        public static readonly CallTargets None = new();

        public int[] Functions = [];
        /// <summary>Constructor calls: the class instantiated (param 0 of `__init__` is the new instance).</summary>
        public string? Constructs;
        public string[] Library = [];
        /// <summary>The receiver is passed as the first parameter (a method called on an instance).</summary>
        public bool BindsReceiver;
        /// <summary>A dataclass's generated constructor: keyword/positional arguments go to these fields.</summary>
        public List<string>? DataclassFields;

        // Grown one at a time (a call has a few targets at most): a list each would cost more than it holds.
        public void AddFunction(int id) => Functions = [.. Functions, id];
        public void AddLibrary(string name) => Library = [.. Library, name];
    }

    // ───────────── members, looked up once ─────────────

    /// <summary>What reading member `attr` of a value of canonical type `owner` gives: a modelled source, the cells of the type and its bases, the member's types, and the sink kinds its validation (annotation or pattern) makes it safe for.</summary>
    sealed record MemberInfo(SourceModel? Source, string[] Cells, string[] Types, uint Clears);

    readonly Dictionary<NamePair, MemberInfo> _memberInfo = [];

    MemberInfo MemberInfoOf(string owner, string attr)
    {
        if (_memberInfo.TryGetValue(new NamePair(owner, attr), out var info)) return info;
        var key = "." + attr;
        // On the type or any base, the project's own classes included: `self.path` in a subclass of
        // http.server.BaseHTTPRequestHandler is the modelled source of its library base.
        SourceModel? source = null;
        foreach (var b in _types.WithBases(owner))
            if ((source = ModelCatalog.Member(_tables, _tables.SourceAttributes, b, attr)) is not null) break;
        var cells = new List<string>();
        foreach (var b in _types.WithBases(owner))
        {
            var cell = b + key;
            if (_cells.Contains(cell)) cells.Add(cell);
        }
        var types = _types.Member(owner, attr, call: false);
        // A library member the models type as a number or a truth value (a response's status code) carries no text
        // of anyone's. (Not what the project's own attributes were seen assigned: another assignment may hold text.)
        uint clears = 0;
        foreach (var b in _types.WithBases(owner))
            if (_tables.Attributes.TryGetValue(b + key, out var modelled))
            {
                if (modelled is "int" or "float" or "bool") clears = SinkKinds.All;
                break;
            }
        if (_index.TryClass(owner, out var cm, out var cls))
        {
            if (cls.FieldTypes.TryGetValue(attr, out var ft) && ft.Length > 0 && ft.All(x => ValidatedType(cm, x)))
                clears = SinkKinds.All;
            // A field validated against a pattern holds only what the pattern matches (searched, as Pydantic does).
            else if (cls.FieldPatterns is { } patterns && patterns.TryGetValue(attr, out var pattern))
                clears = RegexCharacters.Of(pattern, RegexUse.Search)?.SafeKinds() ?? 0;
        }
        info = new MemberInfo(source, [.. cells], types, clears);
        _memberInfo[new NamePair(owner, attr)] = info;
        return info;
    }

    /// <summary>Django form classes: what their `cleaned_data` holds under a field's name went through that field's validation.</summary>
    static readonly string[] DjangoFormBases = ["django.forms.Form", "django.forms.BaseForm", "django.forms.ModelForm", "django.forms.forms.Form",
        "django.forms.forms.BaseForm", "django.forms.models.ModelForm", "django.forms.models.BaseModelForm"];

    /// <summary>
    /// Django form fields whose cleaned value carries no text an attacker shapes: numbers, truth values, dates and
    /// durations, UUIDs, IP addresses, slugs, and choices (one of the choices the form offers, or model objects of a
    /// queryset). A `CharField`, `EmailField`, `URLField` or a field the form does not declare keeps the request's text.
    /// </summary>
    static readonly HashSet<string> ValidatedFormFields = new(StringComparer.Ordinal)
    {
        "IntegerField", "FloatField", "DecimalField", "BooleanField", "NullBooleanField", "DateField", "DateTimeField",
        "TimeField", "DurationField", "UUIDField", "GenericIPAddressField", "SlugField", "ChoiceField", "TypedChoiceField",
        "MultipleChoiceField", "TypedMultipleChoiceField", "ModelChoiceField", "ModelMultipleChoiceField",
    };

    readonly Dictionary<string, bool> _djangoForms = new(StringComparer.Ordinal);

    /// <summary>Whether a canonical type is a project's Django form (a subclass of `forms.Form` or `forms.ModelForm`).</summary>
    internal bool IsDjangoForm(string type)
    {
        if (_djangoForms.TryGetValue(type, out var known)) return known;
        bool form = false;
        if (_index.TryClass(type, out _, out _))
            foreach (var b in _types.WithBases(type))
                if (Array.IndexOf(DjangoFormBases, b) >= 0) { form = true; break; }
        return _djangoForms[type] = form;
    }

    readonly Dictionary<NamePair, uint> _formFieldClears = [];

    /// <summary>The sink kinds a Django form's cleaned value under <paramref name="field"/> is safe for: all of them when the form declares that field of a validated kind.</summary>
    internal uint FormFieldClears(string form, string field)
    {
        if (_formFieldClears.TryGetValue(new NamePair(form, field), out var clears)) return clears;
        var types = _types.Member(form, field, call: false);
        clears = types.Length > 0 && Array.TrueForAll(types, t => t.StartsWith("django.forms.", StringComparison.Ordinal)
                                                         && ValidatedFormFields.Contains(t[(t.LastIndexOf('.') + 1)..]))
            ? SinkKinds.All : 0;
        return _formFieldClears[new NamePair(form, field)] = clears;
    }

    /// <summary>A field type whose validation lets through no text an attacker shapes: numbers, UUIDs, dates, a `Literal`, an `Enum`.</summary>
    bool ValidatedType(int module, string type)
    {
        if (type is "int" or "float" or "bool" or "uuid.UUID" or "datetime.datetime" or "datetime.date" or "decimal.Decimal" or "typing.Literal") return true;
        foreach (var c in _types.Canonical(module, type))
            foreach (var b in _types.WithBases(c))
                if (b is "enum.Enum" or "enum.IntEnum" or "enum.StrEnum") return true;
        return false;
    }

    /// <summary>For reading item `key` (`[k]`, or null) of a value of canonical type `type`: per base, the item cells and a modelled item source.</summary>
    readonly Dictionary<NamePair, (string? Keyed, string? Any, SourceModel? Source)[]> _itemInfo = [];

    (string? Keyed, string? Any, SourceModel? Source)[] ItemsOf(string type, string? key)
    {
        if (_itemInfo.TryGetValue(new NamePair(type, key), out var info)) return info;
        var list = new List<(string?, string?, SourceModel?)>();
        foreach (var b in _types.WithBases(type))
        {
            string? keyed = key is not null && _cells.Contains(b + key) ? b + key : null;
            string? any = _cells.Contains(b + "[*]") ? b + "[*]" : null;
            _tables.SourceAttributes.TryGetValue(b + "[]", out var src);
            if (keyed is not null || any is not null || src is not null) list.Add((keyed, any, src));
        }
        info = [.. list];
        _itemInfo[new NamePair(type, key)] = info;
        return info;
    }

    /// <summary>
    /// The `.attr` and `[key]` texts, one for every module that uses them, looked up by the name: the same names recur
    /// across thousands of modules, and a string each per module was about 20 MB of the project phase's heap on
    /// site-packages. (A row per module indexed by string id, sized by the module's strings, held 16 MB more there.)
    /// </summary>
    readonly Dictionary<string, string> _attrKeyTexts = new(StringComparer.Ordinal), _itemKeyTexts = new(StringComparer.Ordinal);

    string AttrKey(int module, int s) => s < 0 ? "." : KeyText(_attrKeyTexts, _index.Modules[module].Strings[s], item: false);

    string ItemKeyOf(int module, int s) => KeyText(_itemKeyTexts, _index.Modules[module].Strings[s], item: true);

    static string KeyText(Dictionary<string, string> texts, string name, bool item)
    {
        if (!texts.TryGetValue(name, out var text)) texts[name] = text = item ? "[" + name + "]" : "." + name;
        return text;
    }

    /// <summary>A static type list of a module, canonical, without symbolic forms other than `=class:` (made once).</summary>
    readonly string[]?[]?[] _receiverTypes;

    string[] StaticReceiverTypes(int module, int list)
    {
        var row = _receiverTypes[module] ??= new string[]?[_index.Modules[module].TypeLists.Length];
        if (row[list] is { } known) return known;
        var types = new List<string>();
        foreach (var t in _types.Canonical(module, _index.Modules[module].TypesAt(list)))
            if ((!t.StartsWith('=') || t.StartsWith("=class:", StringComparison.Ordinal)) && !types.Contains(t)) types.Add(t);
        return row[list] = [.. types];
    }

    // ───────────── cells ─────────────

    /// <summary>Every shared variable something stores into; reads of others are not taint origins.</summary>
    void CollectCells(FunctionState fs)
    {
        foreach (var e in fs.F.Effects)
        {
            var mod = _index.Modules[fs.Module];
            switch (e.Kind)
            {
                case EffectKind.StoreCell: _cells.Add(mod.Str(e.S)); break;
                case EffectKind.StoreAttr or EffectKind.StoreItem:
                {
                    var statics = StaticTypes(fs.Module, e.Types);
                    var key = e.Kind == EffectKind.StoreAttr ? "." + mod.Str(e.S) : ItemKey(e.S < 0 ? null : mod.Str(e.S));
                    foreach (var t in StoreTypes(fs, e, statics)) _cells.Add(t + key);
                    // A store into a string, number or container lands in what holds it (see HomeCells).
                    if (statics.Any(IsPlainValueType))
                        foreach (var cell in HomeCells(fs, e.Object, null)) _cells.Add(cell);
                    break;
                }
            }
        }
    }

    /// <summary>Dataclass fields are set by the generated constructor.</summary>
    void CollectDataclassCells()
    {
        for (int m = 0; m < _index.Modules.Count; m++)
            foreach (var c in _index.Modules[m].Classes)
                if (IsDataclass(m, c))
                    foreach (var field in c.Fields) _cells.Add(_index.ClassName(m, c) + "." + field.Name);
    }

    /// <summary>
    /// The cells that hold the object a store goes into, when that object is a plain value: a module variable
    /// (`CACHE[k] = v`), or an attribute of an object of a known type (`self.items[k] = v` lands in `Store.items`).
    /// With <paramref name="values"/> the receiver's types include what the analysis found; without, static ones only.
    /// </summary>
    IEnumerable<string> HomeCells(FunctionState fs, int objectValue, AValue[]? values)
    {
        if (objectValue < 0) yield break;
        var f = fs.F;
        var ov = f.Values[objectValue];
        var mod = _index.Modules[fs.Module];
        switch (ov.Op)
        {
            case IrOp.Cell:
                yield return mod.Str(ov.S);
                break;
            case IrOp.LoadAttr:
            {
                var attr = "." + mod.Str(ov.S);
                var receiver = f.Operands[ov.A];
                IEnumerable<string> owners = ov.N >= 0 ? StaticReceiverTypes(fs.Module, ov.N) : [];
                if (values is not null) owners = owners.Concat(values[receiver].Types);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var t in owners)
                {
                    var owner = t.StartsWith("=class:", StringComparison.Ordinal) ? t[7..] : t;
                    if (owner.StartsWith('=') || IsPlainValueType(owner) || !seen.Add(owner)) continue;
                    yield return owner + attr;
                }
                break;
            }
        }
    }

    /// <summary>The types of an object stored into: static ones other than plain values (<see cref="IsPlainValueType"/>), and those a framework gives an entry point's parameter (middleware's request).</summary>
    IEnumerable<string> StoreTypes(FunctionState fs, IrEffect e, string[] statics)
    {
        foreach (var t in statics) if (!IsPlainValueType(t)) yield return t;
        // `Config.value = v`, `cls.registry = v`: an attribute of the class itself, the cell its instances read too.
        if (e.Kind == EffectKind.StoreAttr && e.Types >= 0)
            foreach (var t in StaticReceiverTypes(fs.Module, e.Types))
                if (t.StartsWith("=class:", StringComparison.Ordinal)) yield return t[7..];
        if (e.Object >= 0 && fs.F.Values[e.Object] is { Op: IrOp.Param } p && _entries.TryGetValue(fs.Id, out var entry)
            && p.A < entry.Parameters.Length && entry.Parameters[p.A] is { Kind: ParamBind.Typed, Type: { } type })
            yield return type;
    }

    /// <summary>
    /// Built-in value types and their `typing` spellings, and `Any`: what is stored into one string, number or container
    /// is not shared with every other one, so a store into such a value is no cell (`dict[*]` would join every
    /// dictionary of the project, `typing.Any[*]` every value annotated `Any`).
    /// </summary>
    static bool IsPlainValueType(string t) => t is "str" or "bytes" or "bytearray" or "int" or "float" or "complex" or "bool"
        or "dict" or "list" or "set" or "frozenset" or "tuple" or "object" or "NoneType" or "memoryview"
        or "typing.Any" or "typing_extensions.Any" or "typing.Dict" or "typing.List" or "typing.Set" or "typing.FrozenSet"
        or "typing.Tuple" or "typing.Mapping" or "typing.MutableMapping" or "typing.Sequence" or "typing.MutableSequence"
        or "collections.OrderedDict" or "collections.defaultdict" or "collections.deque" or "collections.Counter"
        or "collections.abc.Mapping" or "collections.abc.MutableMapping" or "collections.abc.Sequence"
        or "collections.abc.MutableSequence";

    static string ItemKey(string? key) => key is null ? "[*]" : "[" + key + "]";

    readonly Dictionary<string, string[]>?[] _annotationTypes;

    /// <summary>A global name's value without facts, and the cells read while working it out (none: null).</summary>
    sealed record GlobalMemo(AValue Value, string[]? Cells);

    /// <summary>
    /// Global names' values without facts, per module and string id (see Evaluator.GlobalValue): a table per module of
    /// the names asked for, not a row as long as its strings (most of which name no global).
    /// </summary>
    readonly Dictionary<int, GlobalMemo>?[] _globalValues;

    /// <summary>The canonical types a parameter annotation names, without symbolic forms (made once per module and annotation).</summary>
    string[] AnnotationTypes(int module, string annotation)
    {
        var memo = _annotationTypes[module] ??= new(StringComparer.Ordinal);
        if (!memo.TryGetValue(annotation, out var types))
            memo[annotation] = types = _types.Canonical(module, annotation).Where(t => !t.StartsWith('=')).ToArray();
        return types;
    }

    string[] StaticTypes(int module, int typeList) =>
        typeList < 0 ? [] : _types.Canonical(module, _index.Modules[module].TypesAt(typeList)).Where(t => !t.StartsWith('=')).ToArray();

    bool IsDataclass(int module, IrClass c) =>
        c.Decorators.Any(d => d is "dataclasses.dataclass" or "dataclass" or "attr.s" or "attrs.define" or "attr.define" or "pydantic.dataclasses.dataclass")
        || _types.WithBases(_index.ClassName(module, c)).Any(b => b is "pydantic.BaseModel" or "pydantic.main.BaseModel");

    // ───────────── call resolution ─────────────

    // Scratch tables of the calls step (single-threaded), emptied for each function.
    readonly List<int> _callees = [], _found = [];
    readonly HashSet<int> _seen = [];

    void ResolveCalls(FunctionState fs)
    {
        var calls = fs.F.Calls;
        var callees = _callees;
        callees.Clear();
        fs.Calls = calls.Length == 0 ? [] : new CallTargets[calls.Length];
        for (int i = 0; i < calls.Length; i++)
        {
            var t = Shared(Targets(fs, calls[i]));
            fs.Calls[i] = t;
            foreach (var g in t.Functions) if (!callees.Contains(g)) callees.Add(g);
            // Functions called through a variable (a dispatch table entry, a callback) are analysed first too.
            if (calls[i].Receiver >= 0 && calls[i].Method is null)
            {
                _found.Clear();
                _seen.Clear();
                FunctionsIn(fs, calls[i].Receiver, _seen, _found, 0);
                foreach (var g in _found) if (!callees.Contains(g)) callees.Add(g);
            }
        }
        // A FastAPI dependency runs before the route that declares it.
        if (_entries.TryGetValue(fs.Id, out var entry))
            foreach (var p in entry.Parameters)
                if (p.Kind == ParamBind.Depends && !callees.Contains(p.DependsOn)) callees.Add(p.DependsOn);
        fs.Callees = callees.Count == 0 ? [] : [.. callees];
    }

    /// <summary>
    /// Calls resolved to one library name, one project function or one class to construct, by that name, function or
    /// class: a call's targets are never changed once resolved, so calls of the same thing share one (`len(...)`,
    /// `self.helper(...)`, `Config(...)`; on site-packages most of the million calls).
    /// </summary>
    readonly Dictionary<string, CallTargets> _libraryTargets = new(StringComparer.Ordinal);
    readonly Dictionary<(int, bool), CallTargets> _functionTargets = [];
    readonly Dictionary<(string, int, string?, bool), CallTargets> _constructorTargets = [];

    /// <summary>
    /// Every call is resolved by now (only the calls step resolves them): the tables that shared their targets and the
    /// classes' constructors are let go, not kept through the phase (4 MB on site-packages).
    /// </summary>
    void ForgetCallResolution()
    {
        _libraryTargets.Clear();
        _libraryTargets.TrimExcess();
        _functionTargets.Clear();
        _functionTargets.TrimExcess();
        _constructorTargets.Clear();
        _constructorTargets.TrimExcess();
        _constructors.Clear();
        _constructors.TrimExcess();
    }

    CallTargets Shared(CallTargets t)
    {
        if (t.DataclassFields is not null || t.Functions.Length > 1 || t.Library.Length > 1) return t;
        if (t.Constructs is { } cls)
        {
            var key = (cls, t.Functions.Length == 1 ? t.Functions[0] : -1, t.Library.Length == 1 ? t.Library[0] : null, t.BindsReceiver);
            return _constructorTargets.TryAdd(key, t) ? t : _constructorTargets[key];
        }
        if (t.Functions.Length == 0 && t.Library.Length == 1 && !t.BindsReceiver)
            return _libraryTargets.TryAdd(t.Library[0], t) ? t : _libraryTargets[t.Library[0]];
        if (t.Functions.Length == 1 && t.Library.Length == 0)
            return _functionTargets.TryAdd((t.Functions[0], t.BindsReceiver), t) ? t : _functionTargets[(t.Functions[0], t.BindsReceiver)];
        return t;
    }

    /// <summary>The functions a value may be, following the IR statically (no summaries needed).</summary>
    void FunctionsIn(FunctionState fs, int v, HashSet<int> seen, List<int> found, int depth)
    {
        if (depth > 12 || v < 0 || !seen.Add(v)) return;
        var iv = fs.F.Values[v];
        switch (iv.Op)
        {
            case IrOp.FuncRef:
                found.Add(_index.FunctionId(fs.Module, iv.A));
                break;
            case IrOp.Phi or IrOp.Insert or IrOp.LoadItem:
                foreach (var o in fs.F.OperandsOf(iv)) FunctionsIn(fs, o, seen, found, depth + 1);
                break;
            case IrOp.Refine or IrOp.Element or IrOp.Sanitize:
                FunctionsIn(fs, fs.F.Operands[iv.A], seen, found, depth + 1);
                break;
            case IrOp.Call:
                var call = fs.F.Calls[iv.A];
                if (call.Method is "get" or "pop" or "setdefault" && call.Receiver >= 0) FunctionsIn(fs, call.Receiver, seen, found, depth + 1);
                break;
            case IrOp.Global:
                var q = _index.Modules[fs.Module].Str(iv.S);
                var s = _index.Resolve(fs.Module, q);
                if (s.Kind == SymbolKind.Function) found.Add(_index.FunctionId(s.Module, s.Index));
                else if (s.Kind == SymbolKind.Variable && _index.Modules[s.Module].Exports.TryGetValue(q[(q.LastIndexOf('.') + 1)..], out var e))
                    foreach (var f in e.Functions) found.Add(_index.FunctionId(s.Module, f));
                break;
        }
    }

    CallTargets Targets(FunctionState fs, IrCall c)
    {
        var t = new CallTargets();
        int m = fs.Module;
        foreach (var local in c.Targets) t.AddFunction(_index.FunctionId(m, local));
        bool viaReceiver = c.Method is not null;
        if (c.Callee is { } callee)
        {
            if (IsModelled(callee)) { t.AddLibrary(callee); viaReceiver = false; }
            else
            {
                var s = _index.Resolve(m, callee);
                switch (s.Kind)
                {
                    case SymbolKind.Function:
                        t.AddFunction(_index.FunctionId(s.Module, s.Index));
                        viaReceiver = false;
                        // `Model.validate(x)` with `Model` imported: a class method gets the class as `cls`, as it does
                        // when its own module calls it.
                        if (c.Receiver >= 0 && _index.Modules[s.Module].Functions[s.Index] is { Class: >= 0, IsClassMethod: true }) t.BindsReceiver = true;
                        break;
                    case SymbolKind.Class: Construct(t, _index.CanonicalClass(s)); viaReceiver = false; break;
                    default:
                        if (_index.TryClass(callee, out var cm, out var cls)) { Construct(t, _index.ClassName(cm, cls)); viaReceiver = false; }
                        else if (c.Method is null || c.ReceiverTypes.Length == 0) { t.AddLibrary(callee); viaReceiver = false; }
                        break;
                }
            }
        }
        if (viaReceiver && c.Method is { } method)
        {
            foreach (var type in _types.Canonical(m, c.ReceiverTypes))
                MethodTargets(t, type, method);
            if (t.Functions.Length == 0 && t.Library.Length == 0 && c.ReceiverTypes.Length == 0)
            {
                // `self.helper(...)` where self's class is known is typed; an unknown receiver calls an unknown method.
            }
        }
        return t.Functions.Length == 0 && t.Library.Length == 0 && t.Constructs is null && t.DataclassFields is null ? CallTargets.None : t;
    }

    void MethodTargets(CallTargets t, string type, string method)
    {
        if (type.StartsWith('=') && !type.StartsWith("=class:", StringComparison.Ordinal)) return;
        bool onClass = type.StartsWith("=class:", StringComparison.Ordinal);
        var owner = onClass ? type[7..] : type;
        foreach (var b in _types.WithBases(owner))
        {
            if (_index.TryClass(b, out var cm, out var cls))
            {
                foreach (var mi in cls.Methods)
                    if (_index.Modules[cm].Functions[mi].Name == method)
                    {
                        var f = _index.Modules[cm].Functions[mi];
                        t.AddFunction(_index.FunctionId(cm, mi));
                        t.BindsReceiver = !onClass && !f.IsStatic || onClass && f.IsClassMethod;
                        return;
                    }
                continue;
            }
            t.AddLibrary(b + "." + method);
        }
    }

    /// <summary>What constructing a class calls: its (or a base's) `__init__`, a dataclass's fields, or a library class.</summary>
    readonly record struct Constructor(int Init, List<string>? Fields, string? Library);

    /// <summary>
    /// <see cref="Constructor"/> by class, for the calls step (single-threaded): a class is constructed at many call
    /// sites, and walking its bases (and asking whether each is a dataclass) each time was most of that step.
    /// </summary>
    readonly Dictionary<string, Constructor> _constructors = new(StringComparer.Ordinal);

    void Construct(CallTargets t, string cls)
    {
        t.Constructs = cls;
        if (!_constructors.TryGetValue(cls, out var k)) _constructors[cls] = k = ConstructorOf(cls);
        if (k.Init >= 0)
        {
            t.AddFunction(k.Init);
            t.BindsReceiver = true;
        }
        else if (k.Fields is not null) t.DataclassFields = [.. k.Fields];
        else if (k.Library is not null) t.AddLibrary(k.Library);
    }

    Constructor ConstructorOf(string cls)
    {
        foreach (var b in _types.WithBases(cls))
        {
            if (_index.TryClass(b, out var cm, out var c))
            {
                foreach (var mi in c.Methods)
                    if (_index.Modules[cm].Functions[mi].Name == "__init__")
                        return new Constructor(_index.FunctionId(cm, mi), null, null);
                if (IsDataclass(cm, c))
                    return new Constructor(-1, c.Fields.Select(f => f.Name).ToList(), null);
                continue;
            }
            return new Constructor(-1, null, b);
        }
        return new Constructor(-1, null, null);
    }

    /// <summary>Every name a call or global model is given under, in one set: most calls name none (one lookup instead of nine).</summary>
    HashSet<string>? _modelled;

    bool IsModelled(string name)
    {
        if (_modelled is null)
        {
            var t = _tables;
            _modelled = new HashSet<string>(StringComparer.Ordinal);
            _modelled.UnionWith(t.SinkCalls.Keys);
            _modelled.UnionWith(t.SourceCalls.Keys);
            _modelled.UnionWith(t.SanitizerCalls.Keys);
            _modelled.UnionWith(t.PropagatorCalls.Keys);
            _modelled.UnionWith(t.Returns.Keys);
            _modelled.UnionWith(t.MarkerCalls.Keys);
            _modelled.UnionWith(t.SourceGlobals.Keys);
            _modelled.UnionWith(t.Types.Keys);
            _modelled.UnionWith(t.ValidatorCalls.Keys);
            _modelled.UnionWith(t.FileCalls.Keys);
        }
        return _modelled.Contains(name);
    }

    // ───────────── order ─────────────

    /// <summary>Tarjan's strongly connected components of the static call graph, callees first.</summary>
    List<List<int>> StronglyConnected()
    {
        int n = _functions.Length;
        var index = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var result = new List<List<int>>();
        int next = 0;
        var work = new Stack<(int Node, int Edge)>();
        for (int root = 0; root < n; root++)
        {
            if (index[root] >= 0) continue;
            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (v, e) = work.Pop();
                if (e == 0)
                {
                    index[v] = low[v] = next++;
                    stack.Push(v);
                    onStack[v] = true;
                }
                var callees = _functions[v].Callees;
                bool descended = false;
                for (int i = e; i < callees.Length; i++)
                {
                    var w = callees[i];
                    if (index[w] < 0)
                    {
                        work.Push((v, i + 1));
                        work.Push((w, 0));
                        descended = true;
                        break;
                    }
                    if (onStack[w]) low[v] = Math.Min(low[v], index[w]);
                }
                if (descended) continue;
                if (low[v] == index[v])
                {
                    var group = new List<int>();
                    int w;
                    do { w = stack.Pop(); onStack[w] = false; group.Add(w); } while (w != v);
                    result.Add(group);
                }
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }
        return result;
    }

    Stopwatch _clock = new();
    double _singleMs, _multiMs;
    internal long _evaluations;

    /// <summary>The values of the function being evaluated (<see cref="Evaluator"/>), reused from one function to the next.</summary>
    AValue[] _valueBuffer = [];

    /// <summary>The positional parameters of the callee being bound (<see cref="Evaluator"/>'s Bind).</summary>
    readonly List<int> _positional = [];

    /// <summary>Ticked where the budget is checked and once per function while cells and calls are collected.</summary>
    readonly YoungGenerationCap _young = new();

    /// <summary>Past the budget, the rest is analysed one function at a time (checked between groups and between a group's iterations).</summary>
    void CheckBudget()
    {
        _young.Tick();
        if (!_interprocedural || _clock.Elapsed <= _options.Budget) return;
        _interprocedural = false;
        _warnings.Add($"taint analysis: the {_options.Budget.TotalSeconds:F0} s budget is spent; the remaining functions were analysed without the summaries of the functions they call (flows through them may be missed)");
    }

    void AnalyseGroup(List<int> group)
    {
        if (group.Count == 1 && Array.IndexOf(_functions[group[0]].Callees, group[0]) < 0)
        {
            Analyse(_functions[group[0]]);
            return;
        }
        for (int iteration = 0; iteration < _options.MaxGroupIterations; iteration++)
        {
            bool changed = false;
            foreach (var id in group)
            {
                var before = _functions[id].Summary;
                Analyse(_functions[id]);
                changed |= !before.Same(_functions[id].Summary);
            }
            CheckBudget();
            if (!changed || !_interprocedural) break;
        }
    }
}

