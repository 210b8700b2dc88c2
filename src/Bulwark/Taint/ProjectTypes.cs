namespace Bulwark.Taint;

/// <summary>
/// Turns the types a module wrote (library names, its own classes, symbolic `=call:`/`=attr:`/`=global:` forms) into
/// canonical ones over the whole project: project classes by canonical name (`app.repo.Repository`), library types by
/// their modelled name (`sqlite3.Cursor`). Library models win over project code of the same name (a scan of
/// site-packages includes Flask itself; `flask.request` is still the modelled request).
/// </summary>
public sealed class ProjectTypes(ProjectIndex index, ModelCatalog catalog)
{
    const int MaxDepth = 8;
    // By module, each keyed by the type alone (a string key hashes without the randomised hash a tuple takes).
    readonly Dictionary<string, string[]>?[] _memo = new Dictionary<string, string[]>?[index.Modules.Count];
    static readonly string[] None = [];

    public ProjectIndex Index => index;

    /// <summary>Attribute types framework knowledge adds to project classes, by class and attribute (see <see cref="AddFieldType"/>).</summary>
    readonly Dictionary<(string Class, string Field), string> _frameworkFields = [];

    /// <summary>
    /// What a framework puts in an attribute of a project class: a Pyramid view class keeps the request its
    /// `__init__` receives in `self.request`. Added by <see cref="EntryPoints"/> before any type is asked about.
    /// </summary>
    internal void AddFieldType(string cls, string field, string type) => _frameworkFields[(cls, field)] = type;

    /// <summary>Canonical types for a list written by module <paramref name="module"/>.</summary>
    public string[] Canonical(int module, IReadOnlyList<string> types)
    {
        if (types.Count == 0) return None;
        if (types.Count == 1) return Canonical(module, types[0], 0);
        var list = new List<string>();
        foreach (var t in types)
            foreach (var c in Canonical(module, t, 0))
                if (!list.Contains(c)) list.Add(c);
        return list.ToArray();
    }

    public string[] Canonical(int module, string type) => Canonical(module, type, 0);

    string[] Canonical(int module, string type, int depth)
    {
        if (depth > MaxDepth) return None;
        var memo = _memo[module] ??= new(StringComparer.Ordinal);
        if (memo.TryGetValue(type, out var known)) return known;
        memo[type] = None;
        var result = Shared(Compute(module, type, depth));
        memo[type] = result;
        return result;
    }

    /// <summary>
    /// Each distinct list of types once: the memos of thousands of modules hold the same `[str]` or
    /// `[requests.Response]` (a list per module and type was 10 MB on site-packages). Results are never changed.
    /// </summary>
    string[] Shared(string[] types)
    {
        if (types.Length == 0) return None;
        if (_lists.TryGetValue(types, out var shared)) return shared;
        _lists.Add(types, types);
        return types;
    }

    readonly Dictionary<string[], string[]> _lists = new(SameTypes.Instance);

    sealed class SameTypes : IEqualityComparer<string[]>
    {
        public static readonly SameTypes Instance = new();

        public bool Equals(string[]? a, string[]? b) => a is null || b is null ? a == b : a.AsSpan().SequenceEqual(b);

        public int GetHashCode(string[] types)
        {
            var hash = new HashCode();
            foreach (var t in types) hash.Add(t, StringComparer.Ordinal);
            return hash.ToHashCode();
        }
    }

    string[] Compute(int module, string type, int depth)
    {
        if (!type.StartsWith('='))
        {
            if (IsModelled(type)) return [type];
            var s = index.Resolve(module, type);
            if (s.Kind == SymbolKind.Class) return [index.CanonicalClass(s)];
            return [type];
        }
        if (type.StartsWith("=global:", StringComparison.Ordinal))
        {
            var q = type[8..];
            if (catalog.GlobalType(q) is { } g) return [g];
            var s = index.Resolve(module, q);
            return s.Kind switch
            {
                SymbolKind.Variable => VariableTypes(s, depth),
                SymbolKind.Class => ["=class:" + index.CanonicalClass(s)],
                _ => None,
            };
        }
        if (type.StartsWith("=call:", StringComparison.Ordinal))
        {
            var q = type[6..];
            if (catalog.ReturnType(q) is { } r) return [r];
            var s = index.Resolve(module, q);
            return s.Kind switch
            {
                SymbolKind.Class => [index.CanonicalClass(s)],
                SymbolKind.Function => ReturnTypes(s.Module, s.Index, depth),
                _ => None,
            };
        }
        if (type.StartsWith("=class:", StringComparison.Ordinal))
        {
            var c = Canonical(module, type[7..], depth + 1);
            return c.Select(x => x.StartsWith('=') ? x : "=class:" + x).ToArray();
        }
        if (type.StartsWith("=super:", StringComparison.Ordinal))
        {
            var cls = type[7..];
            if (!index.TryClass(cls, out var cm, out var c)) return None;
            return Canonical(cm, (IReadOnlyList<string>)c.Bases);
        }
        if (type.StartsWith("=attr:", StringComparison.Ordinal) || type.StartsWith("=ret:", StringComparison.Ordinal))
        {
            bool call = type[1] == 'r';
            var rest = type[(call ? 5 : 6)..];
            var colon = rest.LastIndexOf(':');
            if (colon <= 0) return None;
            var owner = rest[..colon];
            var member = rest[(colon + 1)..];
            var result = new List<string>();
            foreach (var t in Canonical(module, owner, depth + 1))
                foreach (var r in Member(t, member, call, depth + 1))
                    if (!result.Contains(r)) result.Add(r);
            return result.ToArray();
        }
        if (type.StartsWith("=name:", StringComparison.Ordinal))
        {
            var s = index.Resolve(module, type[6..]);
            return s.Kind == SymbolKind.Variable ? VariableTypes(s, depth) : None;
        }
        return None;
    }

    bool IsModelled(string type)
    {
        return catalog.Tables.KnownTypes.Contains(type);
    }

    string[] VariableTypes(Symbol s, int depth)
    {
        var mod = index.Modules[s.Module];
        var key = s.Key ?? "";
        var name = key[(key.IndexOf('#') + 1)..];
        return mod.Exports.TryGetValue(name, out var e) ? Canonical(s.Module, e.Types).Where(t => !t.StartsWith('=')).ToArray() : None;
    }

    public string[] ReturnTypes(int module, int function, int depth = 0)
    {
        var f = index.Modules[module].Functions[function];
        return f.ReturnTypes.Length == 0 ? None : Canonical(module, f.ReturnTypes).Where(t => !t.StartsWith('=')).ToArray();
    }

    /// <summary>A member of a canonical type: a project class's method result or attribute, else the library models'.</summary>
    public string[] Member(string type, string member, bool call, int depth = 0)
    {
        if (depth > MaxDepth) return None;
        var owner = type.StartsWith("=class:", StringComparison.Ordinal) ? type[7..] : type;
        if (index.TryClass(owner, out var cm, out var cls))
        {
            var mod = index.Modules[cm];
            foreach (var mi in cls.Methods)
                if (mod.Functions[mi].Name == member)
                    return call ? ReturnTypes(cm, mi, depth + 1) : None;
            if (!call && _frameworkFields.TryGetValue((owner, member), out var framework)) return [framework];
            if (!call && cls.FieldTypes.TryGetValue(member, out var ft)) return Canonical(cm, ft).Where(t => !t.StartsWith('=')).ToArray();
            foreach (var b in Canonical(cm, cls.Bases))
            {
                var r = Member(b, member, call, depth + 1);
                if (r.Length > 0) return r;
            }
            return None;
        }
        if (call) return catalog.ReturnType(owner + "." + member) is { } rt ? [rt] : None;
        return catalog.AttributeType(owner, member) is { } at ? [at] : None;
    }

    readonly Dictionary<string, string[]> _withBases = new(StringComparer.Ordinal);

    /// <summary>A canonical type and every base it has, project classes first, then modelled library bases (worked out once per type).</summary>
    public string[] WithBases(string type)
    {
        if (_withBases.TryGetValue(type, out var known)) return known;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<string>();
        var queue = new Queue<string>();
        queue.Enqueue(type);
        while (queue.Count > 0 && seen.Count < 32)
        {
            var t = queue.Dequeue();
            if (!seen.Add(t)) continue;
            list.Add(t);
            if (index.TryClass(t, out var cm, out var cls))
                foreach (var b in Canonical(cm, cls.Bases)) queue.Enqueue(b);
            else
                foreach (var b in ModelCatalog.BasesOf(catalog.Tables, t)) queue.Enqueue(b);
        }
        var result = list.ToArray();
        _withBases[type] = result;
        return result;
    }
}
