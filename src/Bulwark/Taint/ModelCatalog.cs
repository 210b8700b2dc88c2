using System.Buffers.Text;
using System.Text;
using Bulwark.Semantics;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Bulwark.Taint;

/// <summary>A model file or configuration entry that does not say something the engine understands.</summary>
public sealed class ModelException(string message) : Exception(message);

/// <summary>
/// The taint models of one scan: sources, sinks, sanitisers, validators, propagators, markers, return and attribute
/// types and entry points, from the TOML files compiled into the binary (`Taint/Models/*.toml`, read into trees at
/// build time: <see cref="EmbeddedModelData"/>) and from the project's configuration. A model file names the top-level packages it describes: it applies to a file that imports
/// one of them (<see cref="ForImports"/>, used when a file is lowered) and, in the project phase, to the whole project
/// once any scanned file imports one (<see cref="Tables"/>). Every set of tables is built from the same files in the
/// same order — the package-less ones, then the others by name, then the user's — whatever the order in which worker
/// threads asked, so results never depend on scheduling.
/// </summary>
public sealed class ModelCatalog : ITypeOracle
{
    /// <summary>A model file: its name, its packages, and how to read its rows into tables.</summary>
    sealed record ModelFile(string Name, string[] Packages, Action<ModelTables> Read);

    /// <summary>What one catalog and the views made from it share.</summary>
    sealed class Library
    {
        public readonly object Lock = new();
        public ModelFile[] Files = [];                 // always-loaded first, then by name
        public ModelTables?[] Parsed = [];             // each file read once, on first use
        public readonly List<(string Origin, ModelTables Tables)> User = [];
        public bool[] Loaded = [];                     // imported by some scanned file (or always loaded)
        public readonly Dictionary<string, ModelTables> Built = new(StringComparer.Ordinal);
    }

    readonly Library _lib;
    /// <summary>Set for a view of some files' models; null for the catalog itself (whose tables follow what is loaded).</summary>
    readonly ModelTables? _fixed;
    volatile ModelTables _tables;

    /// <summary>Every model compiled into the binary, plus the user's (validated now: a mistake is an error before the scan).</summary>
    public ModelCatalog(IEnumerable<(string Origin, string Toml)>? userModels = null) : this(null, userModels) { }

    /// <summary>Tests: these model files in place of the embedded ones.</summary>
    internal ModelCatalog(IEnumerable<(string Name, string Toml)>? modelFiles, IEnumerable<(string Origin, string Toml)>? userModels)
    {
        _lib = new Library();
        var files = modelFiles is null ? Embedded() : modelFiles.OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => { var (name, text) = f; return new ModelFile(name, ModelReader.Packages(text, name), t => ModelReader.Read(text, name, t, out _)); }).ToList();
        // The standard library's models (no packages) are always loaded, and come first.
        _lib.Files = files.Where(f => f.Packages.Length == 0).Concat(files.Where(f => f.Packages.Length > 0)).ToArray();
        _lib.Parsed = new ModelTables?[_lib.Files.Length];
        _lib.Loaded = new bool[_lib.Files.Length];
        for (int i = 0; i < _lib.Files.Length; i++) _lib.Loaded[i] = _lib.Files[i].Packages.Length == 0;
        foreach (var (origin, toml) in userModels ?? [])
        {
            var tables = new ModelTables();
            ModelReader.Read(toml, origin, tables, out _);
            _lib.User.Add((origin, tables));
        }
        lock (_lib.Lock) _tables = Build(_lib.Loaded);
    }

    ModelCatalog(Library lib, ModelTables tables)
    {
        _lib = lib;
        _fixed = tables;
        _tables = tables;
    }

    /// <summary>The tables of the models loaded: during lowering a snapshot, in the project phase those of every file any scanned file imported.</summary>
    public ModelTables Tables => _tables;

    /// <summary>The model files loaded so far (for `debug taint`), in the order they are applied.</summary>
    public IReadOnlyList<string> LoadedFiles
    {
        get
        {
            lock (_lib.Lock)
            {
                var names = new List<string>();
                for (int i = 0; i < _lib.Files.Length; i++) if (_lib.Loaded[i]) names.Add(_lib.Files[i].Name);
                foreach (var (origin, _) in _lib.User) names.Add(origin);
                return names;
            }
        }
    }

    /// <summary>
    /// The models that apply to a file importing these top-level packages: the package-less ones, the files of those
    /// packages and the user's. The same imports always give the same tables; the files are also marked loaded for
    /// the project phase.
    /// </summary>
    public ModelCatalog ForImports(IEnumerable<string> topLevelPackages)
    {
        var wanted = new bool[_lib.Files.Length];
        for (int i = 0; i < wanted.Length; i++) wanted[i] = _lib.Files[i].Packages.Length == 0;
        foreach (var p in topLevelPackages)
            for (int i = 0; i < wanted.Length; i++)
                if (!wanted[i] && Array.IndexOf(_lib.Files[i].Packages, p) >= 0) wanted[i] = true;
        lock (_lib.Lock)
        {
            bool grew = false;
            for (int i = 0; i < wanted.Length; i++)
                if (wanted[i] && !_lib.Loaded[i]) { _lib.Loaded[i] = true; grew = true; }
            if (grew && _fixed is null) _tables = Build(_lib.Loaded);
            return new ModelCatalog(_lib, Build(wanted));
        }
    }

    /// <summary>The tables of these files and the user's, built once per set (caller holds the lock).</summary>
    ModelTables Build(bool[] files)
    {
        var key = new string(files.Select(b => b ? '1' : '0').ToArray());
        if (_lib.Built.TryGetValue(key, out var built)) return built;
        var tables = new ModelTables();
        for (int i = 0; i < files.Length; i++)
        {
            if (!files[i]) continue;
            if (_lib.Parsed[i] is not { } parsed)
            {
                parsed = new ModelTables();
                _lib.Files[i].Read(parsed);
                _lib.Parsed[i] = parsed;
            }
            tables.MergeFrom(parsed);
        }
        foreach (var (_, user) in _lib.User) tables.MergeFrom(user);
        tables.Seal();
        _lib.Built[key] = tables;
        return tables;
    }

    static List<ModelFile> Embedded()
    {
        var files = new List<ModelFile>(EmbeddedModelData.Names.Length);
        for (int i = 0; i < EmbeddedModelData.Names.Length; i++)
        {
            int file = i;
            files.Add(new ModelFile(EmbeddedModelData.Names[i], EmbeddedModelData.Packages[i], t => ModelReader.ReadEmbedded(file, t)));
        }
        return files;
    }

    // ───────────── ITypeOracle ─────────────

    public string? GlobalType(string qualifiedName) => _tables.Types.TryGetValue(qualifiedName, out var t) ? t : null;

    public string? ReturnType(string qualifiedCallable)
    {
        var tables = _tables;
        if (tables.Returns.TryGetValue(qualifiedCallable, out var t)) return t;
        return Inherited(tables, qualifiedCallable, tables.Returns);
    }

    public string? AttributeType(string type, string attribute)
    {
        var tables = _tables;
        var key = type + "." + attribute;
        if (tables.Attributes.TryGetValue(key, out var t)) return t;
        return Inherited(tables, key, tables.Attributes);
    }

    /// <summary>`T.m` looked up on T's modelled bases, transitively.</summary>
    static V? Inherited<V>(ModelTables tables, string qualified, Dictionary<string, V> table) where V : class
    {
        int dot = qualified.LastIndexOf('.');
        if (dot <= 0) return null;
        var owner = qualified[..dot];
        // Most types asked about (the project's own classes) have no modelled bases: nothing to walk.
        if (!tables.Bases.ContainsKey(owner)) return null;
        var member = qualified[(dot + 1)..];
        foreach (var b in BasesOf(tables, owner))
            if (table.TryGetValue(b + "." + member, out var v)) return v;
        return null;
    }

    /// <summary>A library type and every base the models give it, nearest first.</summary>
    public static IEnumerable<string> BasesOf(ModelTables tables, string type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { type };
        var queue = new Queue<string>();
        queue.Enqueue(type);
        while (queue.Count > 0)
        {
            var t = queue.Dequeue();
            if (!tables.Bases.TryGetValue(t, out var bases)) continue;
            foreach (var b in bases)
                if (seen.Add(b)) { yield return b; queue.Enqueue(b); }
        }
    }

    /// <summary>Looks up `Type.member` in a table, on the type and then on its bases.</summary>
    public static V? Member<V>(ModelTables tables, Dictionary<string, V> table, string type, string member) where V : class
    {
        if (table.TryGetValue(type + "." + member, out var v)) return v;
        if (!tables.Bases.ContainsKey(type)) return null;
        foreach (var b in BasesOf(tables, type))
            if (table.TryGetValue(b + "." + member, out v)) return v;
        return null;
    }
}

/// <summary>Reads a model file (or the `[tool.bulwark.taint]` table) into <see cref="ModelTables"/>, with one-line errors naming the line.</summary>
public static class ModelReader
{
    static readonly string[] TopKeys =
        ["packages", "sources", "sinks", "sanitizers", "validators", "propagators", "markers", "files", "entrypoints", "types", "returns", "attributes", "bases"];

    public static string[] Packages(string text, string origin)
    {
        // The package list heads a model file: parse only the lines before the first other top-level key, and the
        // whole file only when `packages` comes later (every embedded model is listed this way at start-up).
        int end = OtherKeyStart(text);
        var root = Parse(end < text.Length ? text[..end] : text, origin);
        if (root.TryGetValue("packages", out var p))
            return Strings(p, origin, "packages");
        if (end < text.Length && text.IndexOf("\npackages", Math.Max(0, end - 1), StringComparison.Ordinal) >= 0 && Parse(text, origin).TryGetValue("packages", out p))
            return Strings(p, origin, "packages");
        return [];
    }

    /// <summary>Where the first line that starts a top-level key other than `packages` begins (the text's length if none).</summary>
    static int OtherKeyStart(string text)
    {
        for (int line = 0; line < text.Length;)
        {
            int i = line;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-')) i++;
            int keyEnd = i;
            while (i < text.Length && text[i] is ' ' or '\t') i++;
            if (keyEnd > line && i < text.Length && text[i] == '=' && text.AsSpan(line, keyEnd - line) is not "packages") return line;
            int nl = text.IndexOf('\n', line);
            if (nl < 0) break;
            line = nl + 1;
        }
        return text.Length;
    }

    public static void Read(string text, string origin, ModelTables tables, out int rows) => Read(Parse(text, origin), origin, tables, out rows);

    /// <summary>Reads built-in model file <paramref name="file"/> (<see cref="EmbeddedModelData"/>) from its build-time tree.</summary>
    internal static void ReadEmbedded(int file, ModelTables tables) =>
        Read(Decode(EmbeddedModelData.Tree(file)), EmbeddedModelData.Names[file], tables, out _);

    static void Read(Dictionary<string, Node> root, string origin, ModelTables tables, out int rows)
    {
        rows = 0;
        foreach (var (key, node) in root)
        {
            if (Array.IndexOf(TopKeys, key) < 0)
                throw new ModelException($"{origin}:{node.Line}: unknown model key '{key}' (known: {string.Join(", ", TopKeys)})");
            switch (key)
            {
                case "packages": Strings(node, origin, key); break;
                case "types": Map(node, origin, key, tables.Types); break;
                case "returns": Map(node, origin, key, tables.Returns); break;
                case "attributes": Map(node, origin, key, tables.Attributes); break;
                case "bases":
                    if (node.Table is null) throw Error(node, origin, "'bases' maps a type to a list of base types");
                    foreach (var (t, list) in node.Table) tables.Bases[t] = Strings(list, origin, "bases." + t);
                    break;
                default:
                    if (node.Array is null) throw Error(node, origin, $"'{key}' is a list of rows, e.g. {key} = [{{ call = \"...\", ... }}]");
                    foreach (var row in node.Array)
                    {
                        if (row.Table is null) throw Error(row, origin, $"each row of '{key}' is an inline table");
                        ReadRow(key, row, origin, tables);
                        rows++;
                    }
                    break;
            }
        }
    }

    static ModelException Error(Node n, string origin, string message) => new($"{origin}:{n.Line}: {message}");

    static void Map(Node node, string origin, string key, Dictionary<string, string> target)
    {
        if (node.Table is null) throw Error(node, origin, $"'{key}' maps qualified names to type names");
        foreach (var (k, v) in node.Table)
            target[k] = v.Scalar ?? throw Error(v, origin, $"{key}.\"{k}\" must be a string");
    }

    static string[] Strings(Node node, string origin, string key)
    {
        if (node.Array is null) throw Error(node, origin, $"'{key}' must be a list of strings");
        return node.Array.Select(n => n.Scalar ?? throw Error(n, origin, $"'{key}' must be a list of strings")).ToArray();
    }

    static readonly Dictionary<string, string[]> RowKeys = new(StringComparer.Ordinal)
    {
        ["sources"] = ["attribute", "call", "global", "kind", "description", "safe-keys"],
        ["sinks"] = ["call", "method", "store", "arg", "element", "kind", "when", "requires", "unless", "text", "sources", "template"],
        ["sanitizers"] = ["call", "method", "clears", "normalizes", "when"],
        ["validators"] = ["call", "method", "arg", "clears", "when"],
        ["propagators"] = ["call", "method", "from", "decodes", "reaching"],
        ["markers"] = ["call", "marker", "on", "when"],
        ["files"] = ["call", "method", "path", "writes"],
        ["entrypoints"] = ["decorator", "register", "base", "framework", "route", "view", "routes"],
    };

    static readonly string[] Frameworks = ["flask", "fastapi", "django", "aiohttp", "starlette", "django-middleware", "aiohttp-middleware", "tornado", "bottle", "pyramid", "sanic", "falcon", "ninja", "graphene", "strawberry", "ariadne"];

    static void ReadRow(string section, Node row, string origin, ModelTables tables)
    {
        var t = row.Table!;
        foreach (var k in t.Keys)
            if (Array.IndexOf(RowKeys[section], k) < 0)
                throw Error(row, origin, $"unknown field '{k}' in a row of '{section}' (known: {string.Join(", ", RowKeys[section])})");
        string? Get(string k) => t.TryGetValue(k, out var v) ? v.Scalar ?? throw Error(v, origin, $"'{k}' must be a string") : null;
        string Need(string k) => Get(k) ?? throw Error(row, origin, $"a row of '{section}' needs '{k}'");

        switch (section)
        {
            case "sources":
            {
                var kind = SourceKinds.Parse(Need("kind")) ?? throw Error(row, origin, $"unknown source kind '{Get("kind")}' (known: {string.Join(", ", SourceKinds.Names)})");
                var target = One(row, origin, section, Get, "attribute", "call", "global");
                var safeKeys = Get("safe-keys")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                var model = new SourceModel(kind, Get("description") ?? target.Value, safeKeys is { Length: > 0 } ? safeKeys : null);
                (target.Key switch { "attribute" => tables.SourceAttributes, "call" => tables.SourceCalls, _ => tables.SourceGlobals })[target.Value] = model;
                break;
            }
            case "sinks":
            {
                var kind = SinkKinds.Parse(Need("kind")) is { } k && k != SinkKinds.All ? k
                    : throw Error(row, origin, $"unknown sink kind '{Get("kind")}' (known: {string.Join(", ", SinkKinds.Names.Where(n => n != "all"))})");
                if (Get("sources") is { } only)
                    kind |= only == "remote" ? SinkKinds.RemoteOnly : throw Error(row, origin, $"'sources' can only be \"remote\" (got '{only}')");
                var target = One(row, origin, section, Get, "call", "method", "store");
                var arg = target.Key == "store" ? ArgSpec.None
                    : Get("arg") is { } a ? ArgSpec.Parse(a) ?? throw Error(row, origin, $"'arg' is a position, a keyword, 'N|keyword', 'receiver' or '*' (got '{a}')")
                    : throw Error(row, origin, "a sink row needs 'arg'");
                int element = -1;
                if (Get("element") is { } el && !int.TryParse(el, out element)) throw Error(row, origin, "'element' is an index, as a string");
                var when = Clause.ParseList(Get("when")) ?? throw Error(row, origin, $"cannot read the condition '{Get("when")}'");
                MarkerRequirement? Marker(string field)
                {
                    if (Get(field) is not { } req) return null;
                    var parts = req.Split(':', 2);
                    if (parts.Length != 2 || ArgSpec.Parse(parts[0]) is not { } ra) throw Error(row, origin, $"'{field}' is ARG:marker (got '{req}')");
                    return new MarkerRequirement(ra, parts[1]);
                }
                bool textOnly = Get("text") switch
                {
                    null or "false" => false,
                    "true" => true,
                    var other => throw Error(row, origin, $"'text' is \"true\" or \"false\" (got '{other}')"),
                };
                ArgSpec? template = Get("template") is { } tn
                    ? ArgSpec.Parse(tn) ?? throw Error(row, origin, $"'template' is a position, a keyword or 'N|keyword' (got '{tn}')")
                    : null;
                var model = new SinkModel(kind, arg, element, when, Marker("requires"), target.Key == "method", target.Value, Marker("unless"), textOnly) { Template = template };
                var table = target.Key switch { "call" => tables.SinkCalls, "method" => tables.SinkMethods, _ => tables.SinkStores };
                if (!table.TryGetValue(target.Value, out var list)) table[target.Value] = list = [];
                list.Add(model);
                break;
            }
            case "sanitizers":
            {
                var target = One(row, origin, section, Get, "call", "method");
                bool normalizes = Get("normalizes") == "true";
                uint clears = 0;
                if (Get("clears") is { } c) clears = SinkKinds.Parse(c) ?? throw Error(row, origin, $"unknown kind in 'clears' = '{c}'");
                else if (!normalizes) throw Error(row, origin, "a sanitiser row needs 'clears' (or normalizes = \"true\")");
                var sanitizerWhen = Clause.ParseList(Get("when")) ?? throw Error(row, origin, $"cannot read the condition '{Get("when")}'");
                (target.Key == "call" ? tables.SanitizerCalls : tables.SanitizerMethods)[target.Value] = new SanitizerModel(clears, normalizes) { When = sanitizerWhen };
                break;
            }
            case "validators":
            {
                var target = One(row, origin, section, Get, "call", "method");
                var arg = ArgSpec.Parse(Get("arg") ?? (target.Key == "method" ? "receiver" : "0")) ?? throw Error(row, origin, "cannot read 'arg'");
                var clears = SinkKinds.Parse(Need("clears")) ?? throw Error(row, origin, $"unknown kind in 'clears' = '{Get("clears")}'");
                var when = Get("when") ?? "true";
                if (when is not ("true" or "false")) throw Error(row, origin, "'when' of a validator is \"true\" or \"false\"");
                var table = target.Key == "call" ? tables.ValidatorCalls : tables.ValidatorMethods;
                if (!table.TryGetValue(target.Value, out var list)) table[target.Value] = list = [];
                list.Add(new ValidatorModel(arg, clears, when == "true"));
                break;
            }
            case "propagators":
            {
                var target = One(row, origin, section, Get, "call", "method");
                bool receiver = false, all = false;
                var args = new List<int>();
                var specs = new List<ArgSpec>();
                foreach (var part in Need("from").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (part == "receiver") receiver = true;
                    else if (part == "*") all = true;
                    else if (part == "none") { }
                    else if (int.TryParse(part, out var i)) args.Add(i);
                    else if (part.Contains('|') && ArgSpec.Parse(part) is { Position: >= 0, Keyword: not null, Element: < 0 } spec) specs.Add(spec);
                    else throw Error(row, origin, $"'from' lists 'receiver', argument positions (`0` or `0|url`), '*' or 'none' (got '{part}')");
                }
                var decodes = Get("decodes") switch { null or "false" => false, "true" => true, var d => throw Error(row, origin, $"'decodes' is \"true\" or \"false\" (got '{d}')") };
                uint reaching = 0;
                if (Get("reaching") is { } r)
                    reaching = SinkKinds.Parse(r) is { } rk && rk != SinkKinds.All ? rk
                        : throw Error(row, origin, $"unknown sink kind in 'reaching' = '{r}'");
                (target.Key == "call" ? tables.PropagatorCalls : tables.PropagatorMethods)[target.Value] =
                    new PropagatorModel(receiver, args.ToArray(), all, decodes) { FromSpecs = specs.ToArray(), Reaching = reaching };
                break;
            }
            case "files":
            {
                var target = One(row, origin, section, Get, "call", "method");
                var path = ArgSpec.Parse(Need("path")) is { All: false, Element: < 0 } p ? p
                    : throw Error(row, origin, $"'path' is a position, a keyword, 'N|keyword' or 'receiver' (got '{Get("path")}')");
                ArgSpec? writes = null;
                if (Get("writes") is { } w)
                    writes = ArgSpec.Parse(w) is { All: false, Element: < 0 } ws ? ws
                        : throw Error(row, origin, $"'writes' is a position, a keyword, 'N|keyword' or 'receiver' (got '{w}')");
                (target.Key == "call" ? tables.FileCalls : tables.FileMethods)[target.Value] = new FileModel(path, writes);
                break;
            }
            case "markers":
            {
                var callee = Need("call");
                var when = Clause.ParseList(Get("when")) ?? throw Error(row, origin, $"cannot read the condition '{Get("when")}'");
                var on = Get("on") ?? "result";
                if (on is not ("result" or "receiver")) throw Error(row, origin, "'on' is \"result\" or \"receiver\"");
                if (!tables.MarkerCalls.TryGetValue(callee, out var list)) tables.MarkerCalls[callee] = list = [];
                list.Add(new MarkerModel(Need("marker"), on == "receiver", when));
                break;
            }
            case "entrypoints":
            {
                var framework = Need("framework");
                if (Array.IndexOf(Frameworks, framework) < 0) throw Error(row, origin, $"unknown framework '{framework}' (known: {string.Join(", ", Frameworks)})");
                var route = ArgSpec.Parse(Get("route") ?? "0") ?? throw Error(row, origin, "cannot read 'route'");
                var view = ArgSpec.Parse(Get("view") ?? "1") ?? throw Error(row, origin, "cannot read 'view'");
                var target = One(row, origin, section, Get, "decorator", "register", "base");
                ArgSpec? routes = Get("routes") is { } rs ? ArgSpec.Parse(rs) ?? throw Error(row, origin, "cannot read 'routes'") : null;
                var model = new EntryPointModel(framework, route, view, routes);
                (target.Key switch { "decorator" => tables.EntryDecorators, "register" => tables.EntryRegistrations, _ => tables.EntryBases })[target.Value] = model;
                break;
            }
        }
    }

    static (string Key, string Value) One(Node row, string origin, string section, Func<string, string?> get, params string[] keys)
    {
        (string, string)? found = null;
        foreach (var k in keys)
            if (get(k) is { } v)
            {
                if (found is not null) throw Error(row, origin, $"a row of '{section}' names one of {string.Join(", ", keys)}");
                found = (k, v);
            }
        return found ?? throw Error(row, origin, $"a row of '{section}' needs one of {string.Join(", ", keys)}");
    }

    // ───────────── a small TOML tree ─────────────

    sealed class Node
    {
        public string? Scalar;
        public Dictionary<string, Node>? Table;
        public List<Node>? Array;
        public int Line;
    }

    static Dictionary<string, Node> Parse(string text, string origin)
    {
        var doc = SyntaxParser.Parse(text, origin, false);
        foreach (var d in doc.Diagnostics)
            if (d.Kind == DiagnosticMessageKind.Error)
                throw new ModelException($"{origin}:{d.Span.Start.Line + 1}: invalid TOML: {d.Message}");
        var root = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var kv in doc.KeyValues) Add(root, kv);
        foreach (var t in doc.Tables)
        {
            var keys = Keys(t.Name);
            if (keys.Count == 0) continue;
            var table = root;
            foreach (var k in keys)
            {
                if (!table.TryGetValue(k, out var n)) table[k] = n = new Node { Table = new(StringComparer.Ordinal), Line = t.Span.Start.Line + 1 };
                table = n.Table ?? throw new ModelException($"{origin}:{t.Span.Start.Line + 1}: '{k}' is not a table");
            }
            foreach (var kv in t.Items) Add(table, kv);
        }
        return root;
    }

    /// <summary>
    /// A tree written by the build (Taint/ModelData.targets): tokens ending in NUL, "s&lt;line&gt;" then the text,
    /// "a&lt;line&gt;,&lt;count&gt;" then the items, "t&lt;line&gt;,&lt;count&gt;" then each key and value.
    /// </summary>
    static Dictionary<string, Node> Decode(ReadOnlySpan<byte> data)
    {
        int pos = 0;
        return DecodeNode(data, ref pos).Table ?? throw new ModelException("a built-in model's tree does not start with a table");
    }

    static Node DecodeNode(ReadOnlySpan<byte> data, ref int pos)
    {
        var head = Token(data, ref pos);
        Utf8Parser.TryParse(head[1..], out int line, out int used);
        int count = 0;
        if (head[0] != (byte)'s') Utf8Parser.TryParse(head[(2 + used)..], out count, out _);
        switch (head[0])
        {
            case (byte)'s':
                return new Node { Scalar = Encoding.UTF8.GetString(Token(data, ref pos)), Line = line };
            case (byte)'a':
                var list = new List<Node>(count);
                for (int i = 0; i < count; i++) list.Add(DecodeNode(data, ref pos));
                return new Node { Array = list, Line = line };
            default:
                var table = new Dictionary<string, Node>(count, StringComparer.Ordinal);
                for (int i = 0; i < count; i++)
                {
                    var key = Encoding.UTF8.GetString(Token(data, ref pos));
                    table[key] = DecodeNode(data, ref pos);
                }
                return new Node { Table = table, Line = line };
        }
    }

    static ReadOnlySpan<byte> Token(ReadOnlySpan<byte> data, ref int pos)
    {
        int length = data[pos..].IndexOf((byte)0);
        var token = data.Slice(pos, length);
        pos += length + 1;
        return token;
    }

    /// <summary>Tests: a model file's tree as text (every key, value and line), from its TOML.</summary>
    internal static string TreeText(string toml, string origin) => TreeText(Parse(toml, origin));

    /// <summary>Tests: built-in model file <paramref name="file"/>'s build-time tree as text, to compare with <see cref="TreeText(string, string)"/>.</summary>
    internal static string EmbeddedTreeText(int file) => TreeText(Decode(EmbeddedModelData.Tree(file)));

    static string TreeText(Dictionary<string, Node> root)
    {
        var sb = new StringBuilder();
        void Write(Node n, int depth)
        {
            sb.Append(' ', depth * 2).Append('@').Append(n.Line);
            if (n.Scalar is { } s) sb.Append(" = ").Append('"').Append(s.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\r", "\\r")).Append('"').Append('\n');
            else if (n.Array is { } a)
            {
                sb.Append(" [").Append(a.Count).Append("]\n");
                foreach (var item in a) Write(item, depth + 1);
            }
            else if (n.Table is { } t)
            {
                sb.Append(" {").Append(t.Count).Append("}\n");
                foreach (var (k, v) in t) { sb.Append(' ', depth * 2 + 2).Append(k).Append(':').Append('\n'); Write(v, depth + 2); }
            }
            else sb.Append(" (no value)\n");
        }
        Write(new Node { Table = root }, 0);
        return sb.ToString();
    }

    static void Add(Dictionary<string, Node> table, KeyValueSyntax kv)
    {
        var keys = Keys(kv.Key);
        if (keys.Count == 0 || kv.Value is null) return;
        for (int i = 0; i < keys.Count - 1; i++)
        {
            if (!table.TryGetValue(keys[i], out var n)) table[keys[i]] = n = new Node { Table = new(StringComparer.Ordinal), Line = kv.Span.Start.Line + 1 };
            table = n.Table ?? new Dictionary<string, Node>();
        }
        table[keys[^1]] = Convert(kv.Value);
    }

    static Node Convert(ValueSyntax v)
    {
        int line = v.Span.Start.Line + 1;
        switch (v)
        {
            case StringValueSyntax s: return new Node { Scalar = s.Value ?? "", Line = line };
            case BooleanValueSyntax b: return new Node { Scalar = b.Value ? "true" : "false", Line = line };
            case IntegerValueSyntax i: return new Node { Scalar = i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Line = line };
            case ArraySyntax a:
                var list = new List<Node>();
                foreach (var item in a.Items) if (item.Value is not null) list.Add(Convert(item.Value));
                return new Node { Array = list, Line = line };
            case InlineTableSyntax t:
                var table = new Dictionary<string, Node>(StringComparer.Ordinal);
                foreach (var item in t.Items) if (item.KeyValue is not null) Add(table, item.KeyValue);
                return new Node { Table = table, Line = line };
            default: return new Node { Line = line };
        }
    }

    static List<string> Keys(KeySyntax? key)
    {
        var parts = new List<string>();
        if (key is null) return parts;
        parts.Add(KeyText(key.Key));
        if (key.DotKeys is not null)
            foreach (var d in key.DotKeys) parts.Add(KeyText(d.Key));
        return parts;
    }

    static string KeyText(BareKeyOrStringValueSyntax? k) => k switch
    {
        BareKeySyntax b => b.Key?.Text ?? "",
        StringValueSyntax s => s.Value ?? "",
        _ => "",
    };
}
