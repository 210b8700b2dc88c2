using Bulwark.Core;
using Bulwark.Python;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>A Python module the Flask configuration resolution reads, with its model.</summary>
public sealed class FlaskModule(SourceFile file, string? moduleName, Module tree, SemanticModel model)
{
    public SourceFile File { get; } = file;
    public string? ModuleName { get; } = moduleName;
    public Module Tree { get; } = tree;
    public SemanticModel Model { get; } = model;
    /// <summary>Imports Flask or a Flask extension: its `app.config[…]` writes and `from_object` calls count.</summary>
    public bool ImportsFlask { get; } = model.IsImported("flask") || model.IsImportedLike("flask_");
    /// <summary>Under `tests/`, named for development or tests (`test_app.py`, `conftest.py`, `dev_config.py`).</summary>
    public bool DevelopmentPath { get; } = FlaskConfig.IsDevelopmentPath(file.ImportPath);
    internal List<FlaskConfigSource>? Sources;
}

/// <summary>One place a Flask configuration key is given a value.</summary>
public sealed record FlaskSetting(string Key, Expr Value, FlaskModule Module)
{
    /// <summary>Assigned under an `if`/`try` in a class body: whether it takes effect depends on the run.</summary>
    public bool Conditional { get; init; }
    /// <summary>The configuration class that inherits this value from a base class (for the message); null when set where it is read.</summary>
    public string? InheritedBy { get; init; }
    public SemanticModel Model => Module.Model;
    /// <summary>The constant value when it is known statically and set unconditionally; null otherwise.</summary>
    public ConstValue? Constant => Conditional ? null : Module.Model.Evaluate(Value);
}

/// <summary>
/// What Flask may load with `from_object`: a configuration class (`class ProductionConfig(Config): DEBUG = False`),
/// or a module's upper-case globals (`from_object(__name__)`, `from_object("settings")`, `from_pyfile("settings.py")`).
/// </summary>
public sealed class FlaskConfigSource(FlaskModule module, ClassDef? cls)
{
    public FlaskModule Module { get; } = module;
    /// <summary>Null for a module's globals.</summary>
    public ClassDef? Class { get; } = cls;
    public string Name => Class?.Name ?? Module.ModuleName ?? Module.File.RelativePath;
    /// <summary>The settings it assigns itself, by key; the last unconditional assignment wins.</summary>
    public Dictionary<string, FlaskSetting> Own { get; } = new(StringComparer.Ordinal);
    /// <summary>Its base classes found in the project, in declaration order.</summary>
    public List<FlaskConfigSource> Bases { get; } = [];
    internal bool BasesResolved;
    int Start => Class?.Start ?? 0;

    /// <summary>The settings a Flask app loading this source gets: its own, then its bases' (depth first, left to right).</summary>
    public Dictionary<string, FlaskSetting> Effective()
    {
        var result = new Dictionary<string, FlaskSetting>(StringComparer.Ordinal);
        var seen = new HashSet<FlaskConfigSource>(ReferenceEqualityComparer.Instance);
        void Walk(FlaskConfigSource s)
        {
            if (!seen.Add(s)) return;
            foreach (var (k, v) in s.Own) result.TryAdd(k, ReferenceEquals(s, this) ? v : v with { InheritedBy = Name });
            foreach (var b in s.Bases) Walk(b);
        }
        Walk(this);
        return result;
    }

    /// <summary>Named for development or tests (`DevelopmentConfig`, `TestingConfig`), in such a file, or a testing configuration (`TESTING = True`).</summary>
    public bool IsDevelopment =>
        Module.DevelopmentPath || (Class is not null && FlaskConfig.IsDevelopmentName(Class.Name))
        || (Effective().TryGetValue("TESTING", out var t) && t.Constant is { Truthy: true });

    internal static int Order(FlaskConfigSource a, FlaskConfigSource b)
    {
        int c = string.CompareOrdinal(a.Module.File.RelativePath, b.Module.File.RelativePath);
        return c != 0 ? c : a.Start.CompareTo(b.Start);
    }
}

/// <summary>
/// The Flask configuration a project deploys, resolved once per scan and shared by the Flask configuration rules
/// (CFG201–CFG203). Two kinds of places set configuration:
/// <list type="bullet">
/// <item>writes on the app in modules that import Flask: `app.config["KEY"] = v`, `app.config.update(KEY=v)` /
/// `.update({"KEY": v})` / `.from_mapping(…)`, `app.debug = v`, `app.secret_key = v`; each is taken as written.</item>
/// <item>configuration classes and modules, evaluated with inheritance (a subclass's assignment overrides its
/// base's), for the sources the application loads: `app.config.from_object(ProductionConfig)`,
/// `from_object("pkg.settings.ProductionConfig")`, `from_object(__name__)` and `from_pyfile("settings.py")` are
/// followed to the class or module they name. When every load outside tests names its source, only those sources
/// are deployed; when some load cannot be followed (`from_object(config[name])`, a parameter, an environment
/// variable) or there is none, every configuration class that no other one derives from is taken as a deployment.</item>
/// </list>
/// Development and test configurations are not production: classes named for them (`DevelopmentConfig`,
/// `TestingConfig`, `LocalConfig`), classes with `TESTING = True`, and anything under `tests/` or in a file named for
/// development or tests; loads in such files do not count either. A setting of a base class is reported once, at its
/// line, when a production configuration inherits it without overriding it.
/// </summary>
public static class FlaskConfig
{
    static readonly string[] DevelopmentWords = ["dev", "develop", "development", "local", "test", "tests", "testing", "debug", "ci"];

    /// <summary><see cref="IsCandidate"/> as the one predicate every Flask configuration rule shares.</summary>
    public static readonly Predicate<SourceFile> Candidate = IsCandidate;

    /// <summary>
    /// A file the resolution reads, decided from its text before parsing (its tree is kept from the per-file phase):
    /// Flask code, and configuration-named files (`config.py`, `settings.py`) that set keys the Flask rules check.
    /// </summary>
    public static bool IsCandidate(SourceFile file)
    {
        var t = file.Text.Text;
        if (t.Contains("flask", StringComparison.Ordinal)) return true;
        return IsConfigFileName(file.ImportPath)
            && (t.Contains("DEBUG", StringComparison.Ordinal) || t.Contains("COOKIE_", StringComparison.Ordinal) || t.Contains("WTF_CSRF", StringComparison.Ordinal));
    }

    static bool IsConfigFileName(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        return stem.Contains("config", StringComparison.OrdinalIgnoreCase) || stem.Contains("settings", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>`DevelopmentConfig`, `TestingConfig`, `LocalSettings`…</summary>
    public static bool IsDevelopmentName(string name)
    {
        foreach (var w in Bulwark.Secrets.SecretNames.Words(name))
            if (Array.IndexOf(DevelopmentWords, w) >= 0) return true;
        return false;
    }

    /// <summary>Under `tests/`, or a file named for development or tests (`test_app.py`, `conftest.py`, `dev.py`).</summary>
    public static bool IsDevelopmentPath(string path) =>
        DjangoSettings.RoleOf(path) == SettingsRole.Development || Path.GetFileName(path) == "conftest.py";

    sealed class Holder(IReadOnlyList<FlaskSetting> settings) { public IReadOnlyList<FlaskSetting> Settings { get; } = settings; }

    /// <summary>Every setting production runs with: the writes on the app, and the effective settings of each deployed source, each place once.</summary>
    public static IReadOnlyList<FlaskSetting> Settings(ProjectContext context) =>
        context.Shared("configuration:flask-settings", c => new Holder(new Resolution(c).Run())).Settings;

    sealed class Resolution(ProjectContext context)
    {
        readonly List<FlaskModule> _modules = [];
        readonly Dictionary<string, FlaskModule?> _byPath = new(StringComparer.Ordinal);
        Dictionary<string, ProjectFile>? _filesByModule;

        public List<FlaskSetting> Run()
        {
            foreach (var f in context.Files)
            {
                // Analysed candidates had their tree kept; a file the scan left out (`--changed-since`) is read and tested here.
                if (!f.RelativePath.EndsWith(".py", StringComparison.Ordinal) || f.Analysed && f.Tree is null) continue;
                if (f.Load() is not { } file || !IsCandidate(file)) continue;
                if (f.Tree is null) { Read(f); continue; }
                if (Open(f, file, f.Tree) is { } m) _modules.Add(m);
            }

            var result = new List<FlaskSetting>();
            var seen = new HashSet<Expr>(ReferenceEqualityComparer.Instance);
            foreach (var m in _modules)
                if (m.ImportsFlask && !m.DevelopmentPath)
                    foreach (var s in Writes(m))
                        if (seen.Add(s.Value)) result.Add(s);

            foreach (var source in Deployed())
                foreach (var s in source.Effective().Values)
                    if (seen.Add(s.Value)) result.Add(s);
            return result;
        }

        FlaskModule? Open(ProjectFile f, SourceFile file, Module tree)
        {
            if (_byPath.TryGetValue(f.RelativePath, out var known)) return known;
            var (name, isPackage) = SemanticModel.ModuleNameFor(file.ImportPath);
            var m = new FlaskModule(file, name, tree, SemanticModel.Build(tree, name, isPackage));
            _byPath[f.RelativePath] = m;
            return m;
        }

        /// <summary>The sources production loads (see <see cref="FlaskConfig"/>), in path order.</summary>
        List<FlaskConfigSource> Deployed()
        {
            var loaded = new List<FlaskConfigSource>();
            bool unknown = false, anyLoad = false;
            foreach (var m in _modules.ToArray())
            {
                if (!m.ImportsFlask || m.DevelopmentPath) continue;
                foreach (var (call, arg) in Loads(m))
                {
                    anyLoad = true;
                    if (Target(m, call, arg) is { } t) { if (!loaded.Contains(t)) loaded.Add(t); }
                    else unknown = true;
                }
            }
            var deployed = new List<FlaskConfigSource>();
            foreach (var s in loaded) if (!s.IsDevelopment) deployed.Add(s);
            if (!anyLoad || unknown)
            {
                // Every configuration class of the project is a possible deployment: the leaves of the class trees.
                var classes = new List<FlaskConfigSource>();
                // Resolving bases may read more modules: walk a copy.
                foreach (var m in _modules.ToArray())
                    if (m.ImportsFlask || IsConfigFileName(m.File.ImportPath))
                        foreach (var s in SourcesOf(m))
                            if (s.Class is not null && IsConfigClass(s)) classes.Add(s);
                var bases = new HashSet<FlaskConfigSource>(ReferenceEqualityComparer.Instance);
                foreach (var s in classes) foreach (var b in s.Bases) bases.Add(b);
                foreach (var s in classes)
                    if (!bases.Contains(s) && !s.IsDevelopment && !deployed.Contains(s)) deployed.Add(s);
            }
            deployed.Sort(FlaskConfigSource.Order);
            return deployed;
        }

        /// <summary>`…Config`, `…Settings`, `…Configuration`, or derived from a class so named.</summary>
        static bool IsConfigClass(FlaskConfigSource s)
        {
            var seen = new HashSet<FlaskConfigSource>(ReferenceEqualityComparer.Instance);
            bool Named(FlaskConfigSource c)
            {
                if (!seen.Add(c) || c.Class is null) return false;
                var n = c.Class.Name;
                if (n.EndsWith("Config", StringComparison.Ordinal) || n.EndsWith("Settings", StringComparison.Ordinal)
                    || n.EndsWith("Configuration", StringComparison.Ordinal)) return true;
                foreach (var b in c.Bases) if (Named(b)) return true;
                return false;
            }
            return Named(s);
        }

        /// <summary>The module's configuration classes (module-level classes that assign upper-case names), bases resolved.</summary>
        List<FlaskConfigSource> SourcesOf(FlaskModule m)
        {
            if (m.Sources is { } known) return known;
            var list = new List<FlaskConfigSource>();
            m.Sources = list;
            foreach (var stmt in m.Tree.Body)
                if (stmt is ClassDef cls)
                {
                    var s = new FlaskConfigSource(m, cls);
                    Collect(s, cls.Body, false);
                    if (s.Own.Count > 0 || cls.Bases.Count > 0) list.Add(s);
                }
            foreach (var s in list) ResolveBases(s);
            return list;
        }

        void ResolveBases(FlaskConfigSource s)
        {
            if (s.BasesResolved || s.Class is null) return;
            s.BasesResolved = true;
            foreach (var b in s.Class.Bases)
                if (ClassNamed(s.Module, b) is { } found && !ReferenceEquals(found, s)) s.Bases.Add(found);
        }

        static void Collect(FlaskConfigSource s, IReadOnlyList<Stmt> body, bool conditional)
        {
            foreach (var stmt in body)
            {
                switch (stmt)
                {
                    case Assign a:
                        foreach (var t in a.Targets)
                            if (t is Name n && DjangoSettings.IsSettingName(n.Id))
                                Set(s, new FlaskSetting(n.Id, a.Value, s.Module) { Conditional = conditional });
                        break;
                    case AnnAssign { Target: Name n, Value: { } v } when DjangoSettings.IsSettingName(n.Id):
                        Set(s, new FlaskSetting(n.Id, v, s.Module) { Conditional = conditional });
                        break;
                    case If i:
                        Collect(s, i.Body, true);
                        Collect(s, i.Orelse, true);
                        break;
                    case Try t:
                        Collect(s, t.Body, true);
                        foreach (var h in t.Handlers) Collect(s, h.Body, true);
                        Collect(s, t.Orelse, true);
                        Collect(s, t.Finalbody, true);
                        break;
                }
            }
        }

        static void Set(FlaskConfigSource s, FlaskSetting setting)
        {
            // An unconditional assignment is what the class holds; a conditional one only replaces nothing or another conditional one.
            if (setting.Conditional && s.Own.TryGetValue(setting.Key, out var prior) && !prior.Conditional) return;
            s.Own[setting.Key] = setting;
        }

        /// <summary>The module's globals as a source (`from_object(__name__)`, `from_pyfile`).</summary>
        static FlaskConfigSource GlobalsOf(FlaskModule m)
        {
            var s = new FlaskConfigSource(m, null);
            Collect(s, m.Tree.Body, false);
            return s;
        }

        /// <summary>`*.config.from_object(x)` and `*.config.from_pyfile(x)` calls anywhere in the module.</summary>
        static List<(Call Call, Expr Arg)> Loads(FlaskModule m)
        {
            var finder = new CallFinder();
            finder.Visit(m.Tree);
            return finder.Found;
        }

        sealed class CallFinder : AstWalker
        {
            public readonly List<(Call, Expr)> Found = [];
            public override void Visit(Node node)
            {
                if (node is Call { Func: AttributeExpr { Attr: "from_object" or "from_pyfile", Value: AttributeExpr { Attr: "config" } } } c)
                {
                    var arg = c.Args.Count > 0 ? c.Args[0] : FirstKeyword(c, "obj", "filename");
                    if (arg is not null) Found.Add((c, arg));
                }
                base.Visit(node);
            }

            static Expr? FirstKeyword(Call c, string a, string b)
            {
                foreach (var k in c.Keywords) if (k.Name == a || k.Name == b) return k.Value;
                return null;
            }
        }

        /// <summary>The source a load names, or null when it cannot be known statically.</summary>
        FlaskConfigSource? Target(FlaskModule m, Call call, Expr arg)
        {
            if (call.Func is AttributeExpr { Attr: "from_pyfile" })
            {
                if (m.Model.StringValue(arg) is not { } path) return null;
                return PyFile(m, path) is { } file ? GlobalsOf(file) : null;
            }
            if (arg is Name { Id: "__name__" }) return GlobalsOf(m);
            if (m.Model.StringValue(arg) is { } dotted) return Named(m, dotted);
            return ClassNamed(m, arg);
        }

        /// <summary>A class named in <paramref name="m"/>: defined there, or imported (followed to the module that defines it).</summary>
        FlaskConfigSource? ClassNamed(FlaskModule m, Expr e)
        {
            if (e is Name n)
                foreach (var s in SourcesOf(m))
                    if (s.Class?.Name == n.Id) return s;
            return m.Model.QualifiedName(e) is { } q && q.Contains('.') ? Named(m, q) : null;
        }

        /// <summary>`pkg.settings.ProductionConfig` (a class) or `pkg.settings` (a module's globals).</summary>
        FlaskConfigSource? Named(FlaskModule from, string dotted)
        {
            if (dotted == from.ModuleName) return GlobalsOf(from);
            int dot = dotted.LastIndexOf('.');
            if (dot > 0 && ModuleNamed(dotted[..dot]) is { } owner)
                foreach (var s in SourcesOf(owner))
                    if (s.Class?.Name == dotted[(dot + 1)..]) return s;
            return ModuleNamed(dotted) is { } module ? GlobalsOf(module) : null;
        }

        /// <summary>
        /// A project module by dotted name (a suffix match: the scan root need not be the import root); a module whose
        /// tree was not kept (no Flask, no configuration name) is parsed here, once.
        /// </summary>
        FlaskModule? ModuleNamed(string dotted)
        {
            foreach (var m in _modules) if (m.ModuleName == dotted) return m;
            if (_filesByModule is null)
            {
                _filesByModule = new(StringComparer.Ordinal);
                foreach (var f in context.Files)
                    if (f.RelativePath.EndsWith(".py", StringComparison.Ordinal) && SemanticModel.ModuleNameFor(f.ImportPath).Name is { } name)
                        _filesByModule.TryAdd(name, f);
            }
            if (!_filesByModule.TryGetValue(dotted, out var file))
                foreach (var (name, f) in _filesByModule)
                    if (name.EndsWith("." + dotted, StringComparison.Ordinal) || dotted.EndsWith("." + name, StringComparison.Ordinal)) { file = f; break; }
            return file is null ? null : Read(file);
        }

        /// <summary>`from_pyfile("settings.py")`: relative to the application's folder, the file of that name nearest to the loading module.</summary>
        FlaskModule? PyFile(FlaskModule from, string path)
        {
            if (!path.EndsWith(".py", StringComparison.Ordinal) || Path.IsPathRooted(path)) return null;
            var dir = Path.GetDirectoryName(from.File.RelativePath)?.Replace('\\', '/') ?? "";
            var wanted = (dir.Length > 0 ? dir + "/" : "") + path.Replace('\\', '/');
            ProjectFile? best = null;
            foreach (var f in context.Files)
            {
                if (f.RelativePath == wanted) { best = f; break; }
                if (best is null && f.RelativePath.EndsWith("/" + Path.GetFileName(path), StringComparison.Ordinal)) best = f;
            }
            return best is null ? null : Read(best);
        }

        FlaskModule? Read(ProjectFile f)
        {
            if (_byPath.TryGetValue(f.RelativePath, out var known)) return known;
            if (f.Load() is not { } file) { _byPath[f.RelativePath] = null; return null; }
            var tree = f.Tree;
            if (tree is null)
            {
                var r = PythonParser.Parse(file.Text);
                if (!r.Ok) { _byPath[f.RelativePath] = null; return null; }
                tree = r.Module;
            }
            var m = Open(f, file, tree);
            if (m is not null && !_modules.Contains(m)) _modules.Add(m);
            return m;
        }

        /// <summary>The writes on the app in a Flask module.</summary>
        static List<FlaskSetting> Writes(FlaskModule m)
        {
            var finder = new WriteFinder(m);
            finder.Visit(m.Tree);
            return finder.Found;
        }

        sealed class WriteFinder(FlaskModule m) : AstWalker
        {
            public readonly List<FlaskSetting> Found = [];

            public override void Visit(Node node)
            {
                switch (node)
                {
                    case Assign a:
                        foreach (var t in a.Targets)
                            switch (t)
                            {
                                case Subscript { Value: AttributeExpr { Attr: "config" }, Slice: var key } when m.Model.StringValue(key) is { } k:
                                    Found.Add(new(k, a.Value, m));
                                    break;
                                case AttributeExpr { Attr: "debug" or "secret_key" or "testing" } attr when IsApp(attr.Value):
                                    Found.Add(new(attr.Attr.ToUpperInvariant(), a.Value, m));
                                    break;
                            }
                        break;
                    case Call { Func: AttributeExpr { Attr: "update" or "from_mapping", Value: AttributeExpr { Attr: "config" } } } c:
                        foreach (var kw in c.Keywords)
                            if (kw.Name is { } name) Found.Add(new(name, kw.Value, m));
                        if (c.Args.Count == 1 && c.Args[0] is DictExpr d)
                            for (int i = 0; i < d.Keys.Count; i++)
                                if (d.Keys[i] is { } key && m.Model.StringValue(key) is { } k) Found.Add(new(k, d.Values[i], m));
                        break;
                }
                base.Visit(node);
            }

            /// <summary>`app` bound to `Flask(…)`, or named like an application (`app`, `application`, `self.app`).</summary>
            bool IsApp(Expr receiver)
            {
                if (receiver is Name n && m.Model.BindingOf(n) is { Value: Call c } && m.Model.QualifiedName(c.Func) == "flask.Flask") return true;
                return SemanticModel.SimpleName(receiver) is { } s && (s == "app" || s == "application" || s.EndsWith("_app", StringComparison.Ordinal));
            }
        }
    }
}

/// <summary>
/// A check on the Flask configuration the project deploys (see <see cref="FlaskConfig"/>): called for every setting
/// production runs with, each place once.
/// </summary>
public abstract class FlaskConfigRule : ProjectRule
{
    public sealed override Predicate<SourceFile> KeepsTree => FlaskConfig.Candidate;

    public sealed override void Check(ProjectContext context)
    {
        foreach (var s in FlaskConfig.Settings(context))
            Check(s, (message, severity) => context.Report(new Finding
            {
                Rule = Info,
                Message = s.InheritedBy is { } by ? $"{message} (inherited by `{by}`)" : message,
                Location = RuleContext.LocationOf(s.Module.File, s.Value.Start, s.Value.End),
                Severity = severity ?? Info.Severity,
                Confidence = Info.Confidence,
            }));
    }

    /// <summary>Reports through <paramref name="report"/> (message, optional severity) when the setting is a weakness.</summary>
    protected abstract void Check(FlaskSetting setting, Action<string, Severity?> report);
}
