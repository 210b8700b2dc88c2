namespace Bulwark.Taint;

/// <summary>
/// Sensitive data (<see cref="SourceKinds.Sensitive"/>, <see cref="SourceKinds.Password"/>): sources found by name
/// rather than by model (<see cref="INameSources"/>), and what hides such a value. Everything here is inert unless
/// <see cref="TaintOptions.NameSources"/> is set, i.e. unless a rule reports these kinds.
/// </summary>
public sealed partial class TaintAnalysis
{
    // The project phase runs on one thread: plain tables, each with its span lookup made once.
    readonly Dictionary<string, uint> _nameKinds;
    readonly Dictionary<string, uint>.AlternateLookup<ReadOnlySpan<char>> _nameKindsBySpan;
    readonly Dictionary<string, bool> _masks;
    readonly Dictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> _masksBySpan;

    /// <summary>Calls whose result is still the value given (conversions, containers); other unmodelled library calls are not.</summary>
    static readonly HashSet<string> KeepsValue = new(StringComparer.Ordinal)
    {
        "str", "repr", "ascii", "bytes", "bytearray", "memoryview", "format", "dict", "list", "tuple", "set", "frozenset",
        "sorted", "reversed", "zip", "enumerate", "map", "filter", "iter", "next", "min", "max", "copy.copy", "copy.deepcopy",
        "codecs.encode", "pprint.pformat", "textwrap.dedent", "textwrap.indent", "vars", "dataclasses.asdict",
    };

    /// <summary>Getters whose first constant argument names what they return (`data.get("password")`, `os.getenv("API_TOKEN")`).</summary>
    static readonly HashSet<string> NamedGetters = new(StringComparer.Ordinal) { "get", "pop", "getlist", "getenv", "get_secret", "setdefault" };

    /// <summary>
    /// The argument of a getter that names what it gets (`data.get("password")`: 0, `getattr(obj, "token")`: 1), or -1.
    /// Both the sensitive-data transfer and the pruning step read the name here, so they cannot disagree.
    /// </summary>
    static int NameArgumentOf(ReadOnlySpan<char> getter) =>
        getter.SequenceEqual("getattr") ? 1 : NamedGetters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(getter) ? 0 : -1;

    static readonly Func<Fact[], Fact[]> ClearExposure = f => Facts.Clear(f, SinkKinds.Exposure);
    static readonly Func<Fact[], Fact[]> ClearSensitive = f => Facts.Clear(f, SinkKinds.SensitiveSinks);

    uint NameKind(string? name)
    {
        if (_options.NameSources is not { } names || string.IsNullOrEmpty(name) || !names.MayClassify(name)) return 0;
        if (_nameKinds.TryGetValue(name, out var kind)) return kind;
        kind = names.Classify(name);
        _nameKinds[name] = kind;
        return kind;
    }

    /// <summary><see cref="NameKind(string?)"/> of a part of a name, without making a string when the name was seen before.</summary>
    uint NameKind(ReadOnlySpan<char> name)
    {
        if (_options.NameSources is not { } names || name.IsEmpty || !names.MayClassify(name)) return 0;
        if (_nameKindsBySpan.TryGetValue(name, out var kind)) return kind;
        return NameKind(name.ToString());
    }

    /// <summary>Not asked yet, in <see cref="_nameKindsById"/>.</summary>
    const byte NotAsked = byte.MaxValue;
    /// <summary>In <see cref="_nameKindsById"/>: a kind too large for the row, asked of the table of names each time.</summary>
    const byte LargeKind = byte.MaxValue - 1;

    /// <summary>
    /// <see cref="NameKind(ReadOnlySpan{char})"/> of the last dotted part of a module's string, by module and string id:
    /// every assignment and parameter asks, and an array read is far cheaper than hashing the name in a table of every
    /// name of the project. A byte each (the kinds are a few low bits): as `uint`s these rows were 4.7 MB on site-packages.
    /// </summary>
    readonly byte[]?[] _nameKindsById;

    uint NameKindOf(int module, int s)
    {
        if (_options.NameSources is null || s < 0) return 0;
        var strings = _index.Modules[module].Strings;
        var row = _nameKindsById[module];
        if (row is null)
        {
            row = _nameKindsById[module] = new byte[strings.Count];
            Array.Fill(row, NotAsked);
        }
        ref var known = ref row[s];
        if (known < LargeKind) return known;
        var name = strings[s];
        var kind = NameKind(name.AsSpan(name.LastIndexOf('.') + 1));
        known = kind < LargeKind ? (byte)kind : LargeKind;
        return kind;
    }

    /// <summary><see cref="NameKind(string?)"/> of a module's whole string (a key such as `a.b` is asked as it is).</summary>
    uint WholeNameKindOf(int module, int s)
    {
        if (_options.NameSources is null || s < 0) return 0;
        var name = _index.Modules[module].Strings[s];
        return name.Contains('.') ? NameKind(name) : NameKindOf(module, s);
    }

    /// <summary>What <see cref="Evaluator.SensitiveCall"/> needs of a callee or method name: whether it masks, whether a conversion keeps the value, which argument names the key.</summary>
    [Flags]
    enum CallNaming : byte { Asked = 1, Masks = 2, KeepsValue = 4, KeyFirst = 8, KeySecond = 16 }

    /// <summary><see cref="CallNaming"/> by callee or method name, worked out once per name.</summary>
    readonly Dictionary<string, CallNaming> _callNaming = new(StringComparer.Ordinal);

    /// <summary><see cref="CallNaming"/> by module and string id (0: not asked yet): most calls are answered by an array read.</summary>
    readonly CallNaming[]?[] _callNamingById;

    CallNaming NamingOf(int module, int id, string called)
    {
        if (id < 0) return NamingOf(called);
        var row = _callNamingById[module] ??= new CallNaming[_index.Modules[module].Strings.Count];
        if ((uint)id >= (uint)row.Length) return NamingOf(called);
        ref var naming = ref row[id];
        if (naming == 0) naming = NamingOf(called);
        return naming;
    }

    CallNaming NamingOf(string called)
    {
        if (_callNaming.TryGetValue(called, out var naming)) return naming;
        var name = called.AsSpan(called.LastIndexOf('.') + 1);
        naming = CallNaming.Asked;
        if (Masks(name)) naming |= CallNaming.Masks;
        if (KeepsValue.Contains(called)) naming |= CallNaming.KeepsValue;
        naming |= NameArgumentOf(name) switch { 0 => CallNaming.KeyFirst, 1 => CallNaming.KeySecond, _ => 0 };
        _callNaming[called] = naming;
        return naming;
    }

    bool Masks(ReadOnlySpan<char> function)
    {
        if (_options.NameSources is not { } names || function.IsEmpty) return false;
        if (_masksBySpan.TryGetValue(function, out var masks)) return masks;
        var text = function.ToString();
        masks = names.Masks(text);
        _masks[text] = masks;
        return masks;
    }

    /// <summary>A parameter that is a flag by its default (`True`/`False`) or its annotation (`bool`, `Optional[bool]`, `FilterOrBool`).</summary>
    static bool IsFlag(IrParam p)
    {
        if (p.DefaultIsBool) return true;
        bool flag = false;
        foreach (var n in p.AnnotationNames)
        {
            var last = n[(n.LastIndexOf('.') + 1)..];
            if (last is "str" or "bytes" or "SecretStr" or "SecretBytes") return false;   // `str | bool`: may hold one
            if (last is "bool" || last.EndsWith("Bool", StringComparison.Ordinal)) flag = true;
        }
        return flag;
    }

    sealed partial class Evaluator
    {
        /// <summary>The facts of a value read or assigned under <paramref name="name"/>, with a sensitive source when the name says so.</summary>
        Fact[] Named(Fact[] facts, string? name, Step at, string? description = null)
        {
            var kind = _a.NameKind(name);
            if (kind == 0) return facts;
            var what = description ?? name!;
            var step = at with { Kind = StepKind.Source, What = what };
            // Clean for every other sink: a password is no SQL injection.
            _a._demand?.Created(_fs.Id, kind);
            var fact = new Fact(_a._origins.Source(kind, what, step), SinkKinds.All & ~SinkKinds.SensitiveSinks, 0, Trail.Start(step));
            return Facts.Union(facts, [fact]);
        }

        /// <summary>`password = …`: the assigned value, unless a constant (`PASSWORD_FIELD = "password"`), is sensitive by its name.</summary>
        AValue NamedAssignment(AValue value, int v, IrValue iv)
        {
            if (_a._options.NameSources is null || iv.Site < 0) return value;
            foreach (var o in Ops(v))
                if (_f.Values[o].Op is IrOp.Const) return value;
            // Most names say nothing: asked by the name's id, without cutting it or making the step.
            if (_a.NameKindOf(_m, _f.Sites[iv.Site].Name) == 0) return value;
            var name = _mod.Str(_f.Sites[iv.Site].Name);
            var dot = name.LastIndexOf('.');
            return value.With(whole: Named(value.Whole, dot >= 0 ? name[(dot + 1)..] : name, StepAt(iv.Site, StepKind.Assignment), name));
        }

        /// <summary>
        /// A parameter named like a secret holds one, whoever calls the function, unless it is a flag: a `True`/`False`
        /// default or a boolean annotation (`password: bool = False`, `password: FilterOrBool`) says "ask for a password",
        /// not the password.
        /// </summary>
        AValue NamedParameter(AValue value, IrValue iv)
        {
            if (_a._options.NameSources is null || iv.A >= _f.Params.Length) return value;
            // The value's string is the parameter's name: asked by its id first, as most names say nothing.
            if (iv.S >= 0 && _a.NameKindOf(_m, iv.S) == 0) return value;
            var p = _f.Params[iv.A];
            if (IsFlag(p) || _a.NameKind(p.Name) == 0) return value;
            return value.With(whole: Named(value.Whole, p.Name, StepAt(iv.Site, StepKind.Parameter, p.Name)));
        }

        /// <summary>
        /// The container's own facts as a read of its attribute or key `member` sees them: another field of a value
        /// that is sensitive by its name (`credentials["RoleArn"]`, `cluster["status"]` of a `cluster` holding a
        /// token, `key.curve`) is not the secret, so name-found sources drop out; the secret-named member itself is a
        /// source again through <see cref="Named"/>, and what was stored in that member is kept by the caller.
        /// Index reads (`parts[0]`) keep them.
        /// </summary>
        Fact[] MemberOf(Fact[] container, ReadOnlySpan<char> member)
        {
            if (_a._options.NameSources is null || container.Length == 0 || member.Length == 0 || char.IsAsciiDigit(member[0]) || member[0] == '-') return container;
            int named = 0;
            foreach (var f in container) if (IsNameSource(f)) named++;
            if (named == 0) return container;
            if (named == container.Length) return Facts.None;
            var kept = new Fact[container.Length - named];
            int i = 0;
            foreach (var f in container) if (!IsNameSource(f)) kept[i++] = f;
            return kept;
        }

        static bool IsNameSource(in Fact f) => f.Origin.Kind == OriginKind.Source && (f.Origin.SourceKind & SourceKinds.Secrets) != 0;

        /// <summary>`x[a:b]`: a part of a secret (`key[-4:]`) is how secrets are shown masked.</summary>
        AValue Sliced(AValue item, int v)
        {
            if (_a._options.NameSources is null) return item;
            var ops = Ops(v);
            if (ops.Length < 2) return item;
            var key = _f.Values[ops[1]];
            return key.Op == IrOp.Const && key.Shape == ValueShape.Number && key.S < 0 ? item.MapFacts(ClearExposure) : item;
        }

        /// <summary>
        /// A call's result as sensitive data sees it: a getter of a secret's name is a source; a masking helper's result
        /// and an unmodelled library function's result (`authenticate(password=…)`, `bcrypt.checkpw(…)`) are not the
        /// secret; conversions and project functions (through their summaries) keep it.
        /// </summary>
        AValue SensitiveCall(IrCall c, AValue result, bool handled, bool modelled, Step step)
        {
            if (_a._options.NameSources is null) return result;
            // The function's own name, without cutting a string at each call.
            if ((c.Method ?? c.Callee) is not { } called) return result;
            // A method's name is the whole string (it has no dot), a callee's its last part: NamingOf reads that part.
            var naming = c.Method is not null ? _a.NamingOf(_m, c.MethodId, called) : _a.NamingOf(_m, c.CalleeId, called);
            if ((naming & CallNaming.Masks) != 0) return result.MapFacts(ClearSensitive);
            if (!handled && !modelled && c.Method is null && (naming & CallNaming.KeepsValue) == 0)
                result = result.MapFacts(ClearSensitive);
            int keyAt = (naming & CallNaming.KeyFirst) != 0 ? 0 : (naming & CallNaming.KeySecond) != 0 ? 1 : -1;
            if (keyAt < 0) return result;
            var name = called.AsSpan(called.LastIndexOf('.') + 1);
            // Only `getattr` names its key in the second argument; it is described by the key alone (`token`).
            if (keyAt < c.Args.Length && c.ConstantAt(keyAt)?.AsString is { } key)
                result = result.With(whole: Named(result.Whole, key, step, keyAt == 1 ? key : $"{name}(\"{key}\")"));
            return result;
        }
    }
}
