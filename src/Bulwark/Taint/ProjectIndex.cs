namespace Bulwark.Taint;

/// <summary>What a qualified name refers to in the project: a function, a class, a module variable, or a module.</summary>
public readonly record struct Symbol(SymbolKind Kind, int Module, int Index, string? Key)
{
    public static readonly Symbol None = new(SymbolKind.None, -1, -1, null);
}

public enum SymbolKind : byte { None, Function, Class, Variable, Module }

/// <summary>
/// Every scanned module by dotted name and by path, and name resolution through imports, re-exports and `*` imports.
/// A bare `import db` that no module of the scan root provides resolves as Python resolves it for a script: a sibling
/// file of the importing one. Immutable once built; read by the project phase.
/// </summary>
public sealed class ProjectIndex
{
    readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> _byPath = new(StringComparer.Ordinal);
    // Memos by module and by directory, each keyed by the name alone: a string key hashes without the randomised
    // hash a tuple of strings takes.
    readonly Dictionary<string, Symbol>?[] _memo;
    readonly Dictionary<string, Dictionary<string, Symbol>> _absolute = new(StringComparer.Ordinal);
    /// <summary>Absolute names that resolve the same from every directory (no sibling module of the importer's is their start).</summary>
    readonly Dictionary<string, Symbol> _anywhere = new(StringComparer.Ordinal);
    /// <summary>By directory, what a script there can import as a sibling: its modules' stems and its subdirectories holding modules.</summary>
    readonly Dictionary<string, HashSet<string>> _children = new(StringComparer.Ordinal);
    /// <summary>By module, <see cref="_children"/> of its directory (found once: a path hashes slowly).</summary>
    readonly HashSet<string>?[] _siblings;
    static readonly HashSet<string> NoSiblings = [];
    readonly string?[] _directories;
    readonly Dictionary<string, (int Module, int Class)> _classes = new(StringComparer.Ordinal);

    public IReadOnlyList<ModuleIr> Modules { get; }
    /// <summary>Global function ids: (module, function index), in module order.</summary>
    public IReadOnlyList<(int Module, int Function)> Functions { get; }
    readonly int[] _firstFunction;

    public ProjectIndex(IReadOnlyList<ModuleIr> modules)
    {
        Modules = modules;
        var functions = new List<(int, int)>();
        _firstFunction = new int[modules.Count];
        _directories = new string?[modules.Count];
        _siblings = new HashSet<string>?[modules.Count];
        _memo = new Dictionary<string, Symbol>?[modules.Count];
        _classNames = new string[modules.Count][];
        for (int m = 0; m < modules.Count; m++)
        {
            var mod = modules[m];
            _firstFunction[m] = functions.Count;
            for (int f = 0; f < mod.Functions.Length; f++) functions.Add((m, f));
            _byKey.TryAdd(mod.Key, m);
            var path = Normalise(mod.Path);
            _byPath[path] = m;
            AddChildren(path);
            var names = _classNames[m] = new string[mod.Classes.Length];
            foreach (var c in mod.Classes) _classes.TryAdd(names[c.Index] = mod.Key + "." + c.Path, (m, c.Index));
        }
        Functions = functions;
    }

    static string Normalise(string path) => path.Replace('\\', '/');

    /// <summary>Adds each directory of the path and what it holds on the way down (strings made only for those new to the table).</summary>
    void AddChildren(string path)
    {
        var byDir = _children.GetAlternateLookup<ReadOnlySpan<char>>();
        int start = 0;
        while (true)
        {
            int slash = path.IndexOf('/', start);
            var dir = start == 0 ? ReadOnlySpan<char>.Empty : path.AsSpan(0, start - 1);
            if (!byDir.TryGetValue(dir, out var children)) byDir[dir] = children = new(StringComparer.Ordinal);
            var child = slash < 0 ? Stem(path.AsSpan(start)) : path.AsSpan(start, slash - start);
            children.GetAlternateLookup<ReadOnlySpan<char>>().Add(child);
            if (slash < 0) return;
            start = slash + 1;
        }
    }

    static ReadOnlySpan<char> Stem(ReadOnlySpan<char> file) =>
        file.EndsWith(".py", StringComparison.Ordinal) ? file[..^3] : file.EndsWith(".pyi", StringComparison.Ordinal) ? file[..^4] : file;

    public int FunctionId(int module, int function) => _firstFunction[module] + function;

    public IrFunction Function(int id, out ModuleIr module)
    {
        var (m, f) = Functions[id];
        module = Modules[m];
        return module.Functions[f];
    }

    /// <summary>A class by its canonical name (`module.Class`, `file:dir/app.Class`).</summary>
    public bool TryClass(string canonical, out int module, out IrClass cls)
    {
        if (_classes.TryGetValue(canonical, out var at)) { module = at.Module; cls = Modules[at.Module].Classes[at.Class]; return true; }
        module = -1; cls = null!;
        return false;
    }

    /// <summary>Each module's class names, by class index (made once: methods ask for their class's name at every analysis).</summary>
    readonly string[][] _classNames;

    public string ClassName(int module, IrClass c) => _classNames[module][c.Index];

    /// <summary>Resolves a qualified name as the module <paramref name="from"/> wrote it (absolute, relative, or script-relative).</summary>
    public Symbol Resolve(int from, string qualified)
    {
        if (qualified.Length > 0 && qualified[0] != '.')
        {
            // An absolute name depends on the importing module only through its directory (a script's siblings), and
            // only when its first part is no scanned module but a sibling's name there: `len`, `os.path` and
            // `requests.get` are remembered once for the project (per directory they were 9 MB on site-packages).
            var siblings = _siblings[from] ??= _children.GetValueOrDefault(_directories[from] ??= Directory(Modules[from].Path, false), NoSiblings);
            var dot = qualified.IndexOf('.');
            var first = dot < 0 ? qualified.AsSpan() : qualified.AsSpan(0, dot);
            var remembered = _anywhere;
            if (siblings.Count > 0 && siblings.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first)
                && !_byKey.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(first))
            {
                var dir = _directories[from]!;
                if (!_absolute.TryGetValue(dir, out remembered)) _absolute[dir] = remembered = new(StringComparer.Ordinal);
            }
            if (remembered.TryGetValue(qualified, out var known)) return known;
            known = ResolveCore(from, qualified, 0);
            remembered[qualified] = known;
            return known;
        }
        var memo = _memo[from] ??= new(StringComparer.Ordinal);
        if (memo.TryGetValue(qualified, out var s)) return s;
        memo[qualified] = Symbol.None; // cycles resolve to nothing
        s = ResolveCore(from, qualified, 0);
        memo[qualified] = s;
        return s;
    }

    Symbol ResolveCore(int from, string qualified, int depth)
    {
        if (depth > 12 || qualified.Length == 0) return Symbol.None;
        string[] parts;
        int module;
        if (qualified[0] == '.')
        {
            int level = 0;
            while (level < qualified.Length && qualified[level] == '.') level++;
            var dir = Directory(Modules[from].Path, Modules[from].IsPackage);
            for (int i = 1; i < level && dir.Length > 0; i++) dir = Parent(dir);
            parts = qualified[level..].Split('.', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) return ByPath(dir, isPackageDir: true) is { } pkg ? new Symbol(SymbolKind.Module, pkg, -1, null) : Symbol.None;
            (module, var used) = LongestPathModule(dir, parts);
            if (module < 0) return Symbol.None;
            return Member(module, parts[used..], depth);
        }
        // The longest dotted prefix that names a scanned module, looked up as a slice of the name.
        var byKey = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int end = qualified.Length; end > 0; end = qualified.LastIndexOf('.', end - 1))
            if (byKey.TryGetValue(qualified.AsSpan(0, end), out module))
                return Member(module, end == qualified.Length ? [] : qualified[(end + 1)..].Split('.'), depth);
        // A script's sibling modules (the importing file's own directory is on sys.path).
        parts = qualified.Split('.');
        var own = _directories[from] ??= Directory(Modules[from].Path, false);
        (module, var consumed) = LongestPathModule(own, parts);
        if (module >= 0) return Member(module, parts[consumed..], depth);
        return Symbol.None;
    }

    (int Module, int Used) LongestPathModule(string dir, string[] parts)
    {
        // Each candidate path is written into one buffer and looked up as a span: no string per probe.
        int length = dir.Length + 1 + "/__init__.py".Length;
        foreach (var p in parts) length += p.Length + 1;
        var buffer = length <= 512 ? stackalloc char[length] : new char[length];
        for (int n = parts.Length; n >= 1; n--)
        {
            int at = 0;
            if (dir.Length > 0) { dir.CopyTo(buffer); at = dir.Length; buffer[at++] = '/'; }
            for (int i = 0; i < n; i++)
            {
                if (i > 0) buffer[at++] = '/';
                parts[i].CopyTo(buffer[at..]);
                at += parts[i].Length;
            }
            if (ByPath(buffer, at, isPackageDir: false) is { } m) return (m, n);
        }
        return (-1, 0);
    }

    int? ByPath(string pathWithoutExtension, bool isPackageDir)
    {
        var buffer = new char[pathWithoutExtension.Length + "/__init__.py".Length];
        pathWithoutExtension.CopyTo(buffer);
        return ByPath(buffer, pathWithoutExtension.Length, isPackageDir);
    }

    /// <summary>The module at the path in the first <paramref name="length"/> characters of <paramref name="buffer"/> (room for `/__init__.py` after it).</summary>
    int? ByPath(Span<char> buffer, int length, bool isPackageDir)
    {
        var byPath = _byPath.GetAlternateLookup<ReadOnlySpan<char>>();
        int? Probe(Span<char> b, string suffix)
        {
            suffix.CopyTo(b[length..]);
            return byPath.TryGetValue(b[..(length + suffix.Length)], out var m) ? m : null;
        }
        if (!isPackageDir && Probe(buffer, ".py") is { } py) return py;
        if (Probe(buffer, "/__init__.py") is { } init) return init;
        if (!isPackageDir && Probe(buffer, ".pyi") is { } pyi) return pyi;
        return null;
    }

    static string Directory(string path, bool isPackage)
    {
        var p = Normalise(path);
        var slash = p.LastIndexOf('/');
        return slash < 0 ? "" : p[..slash];
    }

    static string Parent(string dir)
    {
        var slash = dir.LastIndexOf('/');
        return slash < 0 ? "" : dir[..slash];
    }

    /// <summary>A name (or dotted names) inside a module: its own definitions, then its imports (re-exports), then `*` imports, then a submodule.</summary>
    Symbol Member(int module, string[] names, int depth)
    {
        if (names.Length == 0) return new Symbol(SymbolKind.Module, module, -1, null);
        var mod = Modules[module];
        var first = names[0];
        if (mod.Exports.TryGetValue(first, out var e))
        {
            switch (e.Kind)
            {
                case ExportKind.Function:
                    return names.Length == 1 ? new Symbol(SymbolKind.Function, module, e.Index, null) : Symbol.None;
                case ExportKind.Class:
                    return ClassMember(module, mod.Classes[e.Index], names, 1);
                case ExportKind.Variable:
                    return names.Length == 1 ? new Symbol(SymbolKind.Variable, module, -1, e.Target) : Symbol.None;
                case ExportKind.Import when e.Target is not null:
                    var target = ResolveCore(module, e.Target, depth + 1);
                    if (names.Length == 1) return target;
                    if (target.Kind == SymbolKind.Module) return Member(target.Module, names[1..], depth + 1);
                    if (target.Kind == SymbolKind.Class) return ClassMember(target.Module, Modules[target.Module].Classes[target.Index], names, 1);
                    return Symbol.None;
            }
        }
        foreach (var star in mod.StarImports)
        {
            var target = ResolveCore(module, star, depth + 1);
            if (target.Kind == SymbolKind.Module && target.Module != module)
            {
                var found = Member(target.Module, names, depth + 1);
                if (found.Kind != SymbolKind.None) return found;
            }
        }
        // A submodule of a package: `pkg.sub` where pkg/__init__.py does not import sub.
        if (mod.IsPackage)
        {
            var dir = Directory(mod.Path, true);
            var (sub, used) = LongestPathModule(dir, names);
            if (sub >= 0 && sub != module) return Member(sub, names[used..], depth + 1);
        }
        return Symbol.None;
    }

    Symbol ClassMember(int module, IrClass cls, string[] names, int at)
    {
        if (at >= names.Length) return new Symbol(SymbolKind.Class, module, cls.Index, null);
        var mod = Modules[module];
        foreach (var mi in cls.Methods)
            if (mod.Functions[mi].Name == names[at] && at == names.Length - 1) return new Symbol(SymbolKind.Function, module, mi, null);
        foreach (var nested in mod.Classes)
            if (IsNested(nested.Path, cls.Path, names[at])) return ClassMember(module, nested, names, at + 1);
        return Symbol.None;
    }

    /// <summary>Whether <paramref name="path"/> is `outer.name`, compared in place (this runs for every class of the module).</summary>
    static bool IsNested(string path, string outer, string name) =>
        path.Length == outer.Length + 1 + name.Length
        && path.StartsWith(outer, StringComparison.Ordinal)
        && path[outer.Length] == '.'
        && path.EndsWith(name, StringComparison.Ordinal);

    /// <summary>The canonical name of a class symbol.</summary>
    public string CanonicalClass(Symbol s) => Modules[s.Module].Key + "." + Modules[s.Module].Classes[s.Index].Path;
}
