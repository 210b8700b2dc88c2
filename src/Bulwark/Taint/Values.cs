namespace Bulwark.Taint;

public enum OriginKind : byte { Source, Param, Cell, Marker }

/// <summary>
/// Where taint comes from: a concrete source (a request attribute read at some place), a parameter of the function
/// being summarised (with an access path below it, `request.GET`), a shared variable (cell), or a configuration
/// marker (a parser that resolves external entities). Interned: equal origins are the same object.
/// </summary>
public sealed class Origin
{
    internal Origin(int id, OriginKind kind, uint sourceKind, int param, string path, string key, Step? site)
    {
        Id = id; Kind = kind; SourceKind = sourceKind; Param = param; Path = path; Key = key; Site = site;
        foreach (var c in path) if (c is '.' or '[') PathDepth++;
    }

    public int Id { get; }
    public OriginKind Kind { get; }
    /// <summary>For a source: its kind (<see cref="SourceKinds"/>).</summary>
    public uint SourceKind { get; }
    /// <summary>For a parameter origin: the parameter index.</summary>
    public int Param { get; }
    /// <summary>For a parameter origin: the access path below it (`.GET`, `['id']`), at most two steps; empty for the parameter itself.</summary>
    public string Path { get; }
    /// <summary>For a cell: its key; for a marker: its name; for a source: what was read.</summary>
    public string Key { get; }
    /// <summary>For a source: where it was read.</summary>
    public Step? Site { get; }

    /// <summary>Steps in <see cref="Path"/>; counted once (reading below a parameter asks on every load of every pass).</summary>
    public int PathDepth { get; }

    public override string ToString() => Kind switch
    {
        OriginKind.Source => $"source {SourceKinds.NameOf(SourceKind)} {Key}",
        OriginKind.Param => $"param {Param}{Path}",
        OriginKind.Cell => $"cell {Key}",
        _ => $"marker {Key}",
    };
}

/// <summary>Interns origins for one analysis.</summary>
public sealed class Origins
{
    readonly Dictionary<OriginKey, Origin> _all = [];
    // Its own lock object: locking the dictionary took the slow path on every call (about 5% of the project phase).
    readonly Lock _gate = new();

    public Origin Source(uint kind, string description, Step site) =>
        Get(OriginKind.Source, kind, -1, "", description, site);

    public Origin Param(int index, string path) => Get(OriginKind.Param, 0, index, path, "", null);
    public Origin Cell(string key) => Get(OriginKind.Cell, 0, -1, "", key, null);
    public Origin Marker(string name) => Get(OriginKind.Marker, 0, -1, "", name, null);

    Origin Get(OriginKind kind, uint sourceKind, int param, string path, string key, Step? site)
    {
        var k = new OriginKey(kind, sourceKind, param, path, key, site?.Module ?? -1, site?.Start ?? -1, site?.End ?? -1);
        lock (_gate)
        {
            if (_all.TryGetValue(k, out var o)) return o;
            o = new Origin(_all.Count, kind, sourceKind, param, path, key, site);
            _all[k] = o;
            return o;
        }
    }
}

public enum StepKind : byte { Source, Assignment, Call, Return, Store, Load, Parameter, Sink }

/// <summary>A point of a flow: a place in a module and what happens there.</summary>
public sealed record Step(int Module, int Start, int End, StepKind Kind, string What);

/// <summary>
/// The steps a value went through, newest first (a persistent list: extending it shares the older steps). Joining two
/// trails (<see cref="Append"/>) makes one node that refers to both rather than copying the second's steps, so a
/// summary applied at many calls costs no allocation per step; <see cref="Steps"/> reads the same sequence either way.
/// Adjacent steps are never at the same place with the same kind, and a trail keeps at most its first
/// <see cref="MaxLength"/> steps.
/// </summary>
public sealed class Trail
{
    public const int MaxLength = 40;

    Trail(Step step, Trail? previous, Trail? then, int length)
    {
        Step = step;
        Previous = previous;
        _then = then;
        Length = length;
    }

    /// <summary>The newest step.</summary>
    public Step Step { get; }
    /// <summary>The older steps (for a joined trail: those before the joined one's).</summary>
    public Trail? Previous { get; }
    /// <summary>For a joined trail, the steps that follow <see cref="Previous"/> (its first step dropped when it repeats Previous's last).</summary>
    readonly Trail? _then;
    public int Length { get; }

    public static Trail Start(Step step) => new(step, null, null, 1);

    static bool Repeats(Step last, Step step) =>
        last == step || last.Module == step.Module && last.Start == step.Start && last.Kind == step.Kind;

    /// <summary>The trail with one more step (the same trail when the step repeats the last one or the trail is long).</summary>
    public static Trail? Extend(Trail? t, Step step)
    {
        if (t is not null && Repeats(t.Step, step)) return t;
        if (t is not null && t.Length >= MaxLength) return t;
        return new Trail(step, t, null, (t?.Length ?? 0) + 1);
    }

    /// <summary>This trail followed by the steps of <paramref name="then"/> (oldest first), as if each were added with <see cref="Extend"/>.</summary>
    public static Trail? Append(Trail? first, Trail? then)
    {
        if (then is null) return first;
        if (first is null) return then;
        if (first.Length >= MaxLength) return first;
        // `then`'s adjacent steps never repeat each other, so only its oldest step can repeat `first`'s newest.
        int length = first.Length + then.Length - (Repeats(first.Step, then.Oldest()) ? 1 : 0);
        if (length == first.Length) return first;
        // Past the limit the join is kept as it is and cut when its steps are listed (<see cref="Steps"/> stops at
        // MaxLength): the same steps as copying the ones that fit, without copying.
        return new Trail(then.Step, first, then, Math.Min(length, MaxLength));
    }

    Step Oldest()
    {
        var t = this;
        while (true)
        {
            if (t._then is not null) t = t.Previous!;
            else if (t.Previous is null) return t.Step;
            else t = t.Previous;
        }
    }

    /// <summary>Steps oldest first.</summary>
    /// <summary>The steps, oldest first, at most <see cref="MaxLength"/> (a join past the limit is cut here).</summary>
    public List<Step> Steps()
    {
        var list = new List<Step>(Length);
        Add(this, list);
        return list;
    }

    /// <summary>Appends a trail's steps in order until the list is full; a step repeating the previous one (where two trails join) is dropped.</summary>
    static void Add(Trail t, List<Step> list)
    {
        if (list.Count >= MaxLength) return;
        // Plain nodes newest first down to a joined node or the start; then those, oldest first.
        int plain = 0;
        var node = t;
        while (node is not null && node._then is null) { plain++; node = node.Previous; }
        if (node is not null)
        {
            Add(node.Previous!, list);
            Add(node._then!, list);
        }
        if (list.Count >= MaxLength || plain == 0) return;
        var newest = new Step[plain];
        node = t;
        for (int i = 0; i < plain; i++) { newest[i] = node!.Step; node = node.Previous; }
        for (int i = plain - 1; i >= 0 && list.Count < MaxLength; i--) Put(list, newest[i]);
    }

    static void Put(List<Step> list, Step s)
    {
        if (list.Count >= MaxLength) return;
        if (list.Count > 0 && Repeats(list[^1], s)) return;
        list.Add(s);
    }
}

/// <summary>Taint from one origin: the sink kinds sanitisers have cleared on every path, and how it got here.</summary>
public readonly record struct Fact(Origin Origin, uint Cleared, byte Flags, Trail? Trail)
{
    /// <summary>The value is a normalised path (`os.path.realpath`): a `startswith(BASE)` check then keeps it inside BASE.</summary>
    public const byte Normalised = 1;

    public bool Reaches(uint kind) => (Cleared & kind & SinkKinds.All) != (kind & SinkKinds.All);
}

/// <summary>An immutable set of facts, one per origin, ordered by origin id.</summary>
public static class Facts
{
    public static readonly Fact[] None = [];
    public const int MaxFacts = 24;

    /// <summary>
    /// Whether <see cref="Union"/> of the two would differ from <paramref name="a"/>: an origin <paramref name="a"/>
    /// lacks, or one it has cleared for more kinds or with more flags. Trails never count (a union keeps
    /// <paramref name="a"/>'s), so this can be asked before paying for new trails on <paramref name="b"/>.
    /// </summary>
    public static bool Adds(Fact[] a, Fact[] b)
    {
        if (b.Length == 0 || ReferenceEquals(a, b)) return false;
        if (a.Length == 0) return true;
        int i = 0, j = 0;
        while (j < b.Length)
        {
            if (i >= a.Length || b[j].Origin.Id < a[i].Origin.Id) return true;
            if (a[i].Origin.Id < b[j].Origin.Id) { i++; continue; }
            if ((a[i].Cleared & b[j].Cleared) != a[i].Cleared || (a[i].Flags & b[j].Flags) != a[i].Flags) return true;
            i++; j++;
        }
        return false;
    }

    public static Fact[] Union(Fact[] a, Fact[] b)
    {
        // First only look: joins at a fixpoint mostly add nothing, and then `a` is the answer without allocating.
        if (!Adds(a, b)) return a;
        if (a.Length == 0) return b;
        int count = 0, i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            count++;
            if (j >= b.Length || i < a.Length && a[i].Origin.Id < b[j].Origin.Id) i++;
            else if (i >= a.Length || b[j].Origin.Id < a[i].Origin.Id) j++;
            else { i++; j++; }
        }
        var result = new Fact[Math.Min(count, MaxFacts)];
        int n = 0;
        i = 0; j = 0;
        while (n < result.Length)
        {
            if (j >= b.Length || i < a.Length && a[i].Origin.Id < b[j].Origin.Id) { result[n++] = a[i++]; continue; }
            if (i >= a.Length || b[j].Origin.Id < a[i].Origin.Id) { result[n++] = b[j++]; continue; }
            // Same origin: cleared only where both paths cleared; keep the shorter trail.
            var x = a[i++]; var y = b[j++];
            var merged = new Fact(x.Origin, x.Cleared & y.Cleared, (byte)(x.Flags & y.Flags),
                (x.Trail?.Length ?? 0) <= (y.Trail?.Length ?? 0) ? x.Trail : y.Trail);
            result[n++] = merged.Cleared == x.Cleared && merged.Flags == x.Flags ? x : merged;
        }
        return result;
    }

    /// <summary>Same origins with the same cleared kinds and flags (trails do not count: they only explain).</summary>
    public static bool Same(Fact[] a, Fact[] b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
            if (!ReferenceEquals(a[i].Origin, b[i].Origin) || a[i].Cleared != b[i].Cleared || a[i].Flags != b[i].Flags) return false;
        return true;
    }

    public static Fact[] Map(Fact[] a, Func<Fact, Fact?> f)
    {
        if (a.Length == 0) return a;
        // The list is made only once a fact changes (the common case, no parameter to extend and no flag to set,
        // returns the set as it was without allocating).
        List<Fact>? list = null;
        bool sorted = true;
        for (int i = 0; i < a.Length; i++)
        {
            var y = f(a[i]);
            if (list is null)
            {
                if (y is { } same && SameFact(a[i], same) && (i == 0 || a[i - 1].Origin.Id < same.Origin.Id)) continue;
                list = new List<Fact>(a.Length);
                for (int k = 0; k < i; k++) list.Add(a[k]);
            }
            if (y is not { } z) continue;
            if (list.Count > 0 && list[^1].Origin.Id >= z.Origin.Id) sorted = false;
            list.Add(z);
        }
        if (list is null) return a;
        // Ids in strictly increasing order sort to themselves whatever the algorithm: only a mapping that reorders or
        // merges origins pays for the sort (the same sort as always, so ties come out as before).
        if (sorted) return list.ToArray();
        list.Sort((p, q) => p.Origin.Id.CompareTo(q.Origin.Id));
        // Mapping may make two facts share an origin: merge them.
        var merged = new List<Fact>(list.Count);
        foreach (var x in list)
        {
            if (merged.Count > 0 && ReferenceEquals(merged[^1].Origin, x.Origin))
            {
                var p = merged[^1];
                merged[^1] = new Fact(p.Origin, p.Cleared & x.Cleared, (byte)(p.Flags & x.Flags), p.Trail ?? x.Trail);
            }
            else merged.Add(x);
        }
        return merged.ToArray();
    }

    static bool SameFact(in Fact x, in Fact y) =>
        ReferenceEquals(x.Origin, y.Origin) && x.Cleared == y.Cleared && x.Flags == y.Flags && ReferenceEquals(x.Trail, y.Trail);

    public static Fact[] Clear(Fact[] a, uint kinds, bool onlyNormalised = false)
    {
        if (a.Length == 0 || kinds == 0) return a;
        bool any = false;
        foreach (var x in a) if ((x.Cleared & kinds) != kinds && (!onlyNormalised || (x.Flags & Fact.Normalised) != 0)) { any = true; break; }
        if (!any) return a;
        var r = new Fact[a.Length];
        for (int i = 0; i < a.Length; i++)
            r[i] = !onlyNormalised || (a[i].Flags & Fact.Normalised) != 0 ? a[i] with { Cleared = a[i].Cleared | kinds } : a[i];
        return r;
    }

    public static Fact[] Step(Fact[] a, Step step)
    {
        if (a.Length == 0) return a;
        var r = new Fact[a.Length];
        bool changed = false;
        for (int i = 0; i < a.Length; i++)
        {
            var t = Trail.Extend(a[i].Trail, step);
            r[i] = ReferenceEquals(t, a[i].Trail) ? a[i] : a[i] with { Trail = t };
            changed |= !ReferenceEquals(t, a[i].Trail);
        }
        return changed ? r : a;
    }
}

/// <summary>A partially applied function (`functools.partial(subprocess.run, shell=True)`): its target and bound arguments.</summary>
public sealed record Partial(int Function, string? Library, AValue[] Args, string?[] KeywordNames, AValue[] KeywordValues, int Call, int Module, int Owner);

/// <summary>
/// What the analysis knows about a value: the taint of the value itself, of its items and attributes by key
/// (`d["a"]` stays clean when only `d["b"]` is tainted), its types, its shape, the functions it may be.
/// </summary>
public sealed class AValue
{
    public static readonly AValue Empty = new(Facts.None, null, [], ValueShape.Unknown, [], []);
    const int MaxFields = 16;
    public const int MaxDepth = 2;

    public AValue(Fact[] whole, Dictionary<string, AValue>? fields, string[] types, ValueShape shape, int[] functions, Partial[] partials)
    {
        Whole = whole; Fields = fields; Types = types; Shape = shape; Functions = functions; Partials = partials;
    }

    public Fact[] Whole { get; }
    /// <summary>Keyed `.attr`, `[k]`, or `*` (items at unknown positions).</summary>
    public Dictionary<string, AValue>? Fields { get; }
    public string[] Types { get; }
    public ValueShape Shape { get; }
    public int[] Functions { get; }
    public Partial[] Partials { get; }

    public bool IsEmpty => Whole.Length == 0 && Fields is null && Types.Length == 0 && Functions.Length == 0 && Partials.Length == 0;

    public static AValue Of(Fact[] whole, ValueShape shape = ValueShape.Unknown, string[]? types = null) =>
        whole.Length == 0 && (types is null || types.Length == 0) ? Shaped[(int)shape] : new(whole, null, types ?? [], shape, [], []);

    /// <summary>A value with no facts and no types, one per shape (values never change once made, so they are shared).</summary>
    static readonly AValue[] Shaped = [.. Enum.GetValues<ValueShape>().Select(s => s == ValueShape.Unknown ? Empty : new AValue(Facts.None, null, [], s, [], []))];

    /// <summary>A string with no facts (one shared instance).</summary>
    public static readonly AValue CleanStr = new(Facts.None, null, ["str"], ValueShape.Str, [], []);

    /// <summary>Whether the value holds no fact, in itself or in a field (then mapping its facts gives the value itself).</summary>
    public bool HasNoFacts => Whole.Length == 0 && Fields is null;

    public AValue With(Fact[]? whole = null, Dictionary<string, AValue>? fields = null, string[]? types = null, ValueShape? shape = null, int[]? functions = null, Partial[]? partials = null, bool dropFields = false) =>
        new(whole ?? Whole, dropFields ? null : fields ?? Fields, types ?? Types, shape ?? Shape, functions ?? Functions, partials ?? Partials);

    /// <summary>Every fact of the value and of its items and attributes.</summary>
    public Fact[] Collapse(int depth = 0)
    {
        if (Fields is null || depth > MaxDepth) return Whole;
        var all = Whole;
        foreach (var f in Fields.Values) all = Facts.Union(all, f.Collapse(depth + 1));
        return all;
    }

    /// <summary>Item or attribute <paramref name="key"/>: its own facts, unknown-position items, and the whole value's.</summary>
    public Fact[] Member(string key)
    {
        var r = Whole;
        if (Fields is null) return r;
        if (Fields.TryGetValue(key, out var f)) r = Facts.Union(r, f.Collapse(1));
        if (key.StartsWith('[')) r = Facts.Union(r, Unplaced(key, 1));
        return r;
    }

    /// <summary>
    /// The field of items appended to a list whose first <paramref name="known"/> items sit at known indices
    /// (`cmd = ["git", "log"]; cmd.append(x)`): they are at index <paramref name="known"/> or later, never at one of those.
    /// </summary>
    public static string AppendedKey(int known) => known < AppendedKeys.Length ? AppendedKeys[known] : ">" + known.ToString(System.Globalization.CultureInfo.InvariantCulture);

    static readonly string[] AppendedKeys = [.. Enumerable.Range(0, 18).Select(i => ">" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>
    /// Facts of items whose index is not known that may be item <paramref name="key"/> (`[0]`, `[-1]`, `[name]`): those at
    /// unknown positions (`*`), and those appended after the first n items (`&gt;n`) unless the key is one of those n.
    /// </summary>
    public Fact[] Unplaced(string key, int depth = 0)
    {
        if (Fields is null) return Facts.None;
        var r = Facts.None;
        if (Fields.TryGetValue("*", out var any)) r = any.Collapse(depth);
        foreach (var (k, item) in Fields)
            if (k.Length > 1 && k[0] == '>' && !IndexBelow(key, k.AsSpan(1))) r = Facts.Union(r, item.Collapse(depth));
        return r;
    }

    /// <summary>Whether <paramref name="key"/> is `[i]` with 0 ≤ i &lt; <paramref name="bound"/>.</summary>
    static bool IndexBelow(string key, ReadOnlySpan<char> bound) =>
        key.Length > 2 && key[0] == '[' && key[^1] == ']'
        && int.TryParse(key.AsSpan(1, key.Length - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
        && int.TryParse(bound, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
        && index < n;

    public AValue? Field(string key) => Fields is not null && Fields.TryGetValue(key, out var f) ? f : null;

    public static AValue Join(AValue a, AValue b)
    {
        if (ReferenceEquals(a, b) || b.IsEmpty && b.Shape == ValueShape.Unknown) return a;
        if (a.IsEmpty && a.Shape == ValueShape.Unknown) return b;
        var whole = Facts.Union(a.Whole, b.Whole);
        Dictionary<string, AValue>? fields = null;
        if (a.Fields is not null && (b.Fields is null || a.Fields.Count <= MaxFields && FieldsWithin(a.Fields, b.Fields)))
        {
            // `b` adds no key and changes no field: `a`'s fields as they are (never changed once made, so shared).
            fields = a.Fields.Count > MaxFields ? new Dictionary<string, AValue>(a.Fields, StringComparer.Ordinal) : a.Fields;
        }
        else if (a.Fields is not null || b.Fields is not null)
        {
            fields = new Dictionary<string, AValue>(StringComparer.Ordinal);
            if (a.Fields is not null) foreach (var kv in a.Fields) fields[kv.Key] = kv.Value;
            if (b.Fields is not null)
                foreach (var kv in b.Fields)
                    fields[kv.Key] = fields.TryGetValue(kv.Key, out var existing) ? Join(existing, kv.Value) : kv.Value;
        }
        if (fields is not null && fields.Count > MaxFields)
        {
            // Too many keys: fold them into the whole value.
            foreach (var f in fields.Values) whole = Facts.Union(whole, f.Collapse(1));
            fields = null;
        }
        var shape = a.Shape == b.Shape ? a.Shape : a.Shape == ValueShape.Unknown ? b.Shape : b.Shape == ValueShape.Unknown ? a.Shape
            : a.Shape is ValueShape.None ? b.Shape : b.Shape is ValueShape.None ? a.Shape : ValueShape.Unknown;
        var types = UnionStrings(a.Types, b.Types);
        var functions = UnionInts(a.Functions, b.Functions);
        var partials = a.Partials.Length == 0 ? b.Partials : b.Partials.Length == 0 || Within(b.Partials, a.Partials) ? a.Partials
            : UnionPartials(a.Partials, b.Partials);
        // Joining what `a` already holds (most joins of a fixpoint's later passes) gives `a` itself, not a copy.
        if (ReferenceEquals(whole, a.Whole) && ReferenceEquals(fields, a.Fields) && shape == a.Shape && ReferenceEquals(types, a.Types)
            && ReferenceEquals(functions, a.Functions) && ReferenceEquals(partials, a.Partials))
            return a;
        return new AValue(whole, fields, types, shape, functions, partials);
    }

    /// <summary>Every field of <paramref name="b"/> is one of <paramref name="a"/>'s and joins into it without change.</summary>
    static bool FieldsWithin(Dictionary<string, AValue> a, Dictionary<string, AValue> b)
    {
        foreach (var kv in b)
            if (!a.TryGetValue(kv.Key, out var existing) || !ReferenceEquals(Join(existing, kv.Value), existing)) return false;
        return true;
    }

    /// <summary>
    /// <paramref name="a"/>, then what <paramref name="b"/> adds. A method of its own: a lambda over Join's parameter
    /// made every Join allocate its closure, used or not.
    /// </summary>
    static Partial[] UnionPartials(Partial[] a, Partial[] b) => [.. a, .. b.Where(p => !a.Contains(p))];

    static bool Within(Partial[] b, Partial[] a)
    {
        foreach (var p in b) if (!a.Contains(p)) return false;
        return true;
    }

    public static bool Same(AValue a, AValue b, int depth = 0)
    {
        if (ReferenceEquals(a, b)) return true;
        if (!Facts.Same(a.Whole, b.Whole) || a.Shape != b.Shape || a.Types.Length != b.Types.Length || a.Functions.Length != b.Functions.Length || a.Partials.Length != b.Partials.Length) return false;
        if ((a.Fields is null) != (b.Fields is null)) return false;
        if (a.Fields is not null && depth <= MaxDepth)
        {
            if (a.Fields.Count != b.Fields!.Count) return false;
            foreach (var kv in a.Fields)
                if (!b.Fields.TryGetValue(kv.Key, out var other) || !Same(kv.Value, other, depth + 1)) return false;
        }
        return true;
    }

    static string[] UnionStrings(string[] a, string[] b)
    {
        if (b.Length == 0 || ReferenceEquals(a, b)) return a;
        if (a.Length == 0) return b;
        if (a.Length <= 8 && AllIn(b, a)) return a;
        var list = new List<string>(a);
        foreach (var x in b) if (!list.Contains(x)) list.Add(x);
        return list.Count > 8 ? list.GetRange(0, 8).ToArray() : list.ToArray();
    }

    static bool AllIn<T>(T[] items, T[] set)
    {
        foreach (var x in items) if (Array.IndexOf(set, x) < 0) return false;
        return true;
    }

    static int[] UnionInts(int[] a, int[] b)
    {
        if (b.Length == 0 || ReferenceEquals(a, b)) return a;
        if (a.Length == 0) return b;
        if (a.Length <= 16 && AllIn(b, a)) return a;
        var list = new List<int>(a);
        foreach (var x in b) if (!list.Contains(x)) list.Add(x);
        return list.Count > 16 ? list.GetRange(0, 16).ToArray() : list.ToArray();
    }

    /// <summary>The value with every fact mapped (origins substituted, steps added); fields mapped too.</summary>
    public AValue MapFacts(Func<Fact[], Fact[]> f, int depth = 0)
    {
        var whole = f(Whole);
        Dictionary<string, AValue>? fields = null;
        bool same = ReferenceEquals(whole, Whole);
        if (Fields is not null && depth <= MaxDepth)
        {
            // Made only once a field changes: mapping that changes nothing (no fact to clear, no step to add) is the value itself.
            foreach (var kv in Fields)
            {
                var mapped = kv.Value.MapFacts(f, depth + 1);
                if (fields is null)
                {
                    if (ReferenceEquals(mapped, kv.Value)) continue;
                    fields = new Dictionary<string, AValue>(Fields.Count, StringComparer.Ordinal);
                    foreach (var before in Fields)
                    {
                        if (before.Key == kv.Key) break;
                        fields[before.Key] = before.Value;
                    }
                }
                fields[kv.Key] = mapped;
            }
            if (fields is null) fields = Fields;
        }
        else same &= Fields is null;
        if (same && ReferenceEquals(fields, Fields)) return this;
        return new AValue(whole, fields, Types, Shape, Functions, Partials);
    }
}
