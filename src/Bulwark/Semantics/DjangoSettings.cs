using Bulwark.Core;
using Bulwark.Python.Syntax;

namespace Bulwark.Semantics;

/// <summary>What a Django settings module is for, decided from its path and how it is referred to.</summary>
public enum SettingsRole
{
    /// <summary>Shared settings (`base.py`, `common.py`, a single `settings.py`): deployed unless a leaf overrides them.</summary>
    Base,
    /// <summary>Named for a deployment (`production.py`, `prod.py`, `live.py`, `staging.py`) or named by `wsgi.py`/`asgi.py`.</summary>
    Production,
    /// <summary>Named for development or tests (`dev.py`, `local.py`, `test_settings.py`, under `tests/`): never a production finding.</summary>
    Development,
}

/// <summary>A Python file the settings resolver may read: its path relative to the scan root and its parsed tree (null when it does not parse).</summary>
public sealed record SettingsSource(SourceFile File, Func<Module?> Parse)
{
    public string RelativePath => File.RelativePath;
}

/// <summary>One module-level assignment of a setting (an upper-case name), with the model that evaluates its value.</summary>
public sealed record SettingValue(string Name, Stmt Statement, Expr? Value, SettingsModule Module)
{
    /// <summary>Assigned inside an `if`/`try`/`for`: whether it takes effect depends on the run.</summary>
    public bool Conditional { get; init; }
    /// <summary>Changed after the assignment (`MIDDLEWARE += […]`, `INSTALLED_APPS.append(…)`): the value is not known.</summary>
    public bool Mutated { get; init; }

    /// <summary>The constant value when it is known statically and set unconditionally; null otherwise.</summary>
    public ConstValue? Constant => Conditional || Mutated ? null : Module.Model.Evaluate(Value);
}

/// <summary>A parsed settings module.</summary>
public sealed class SettingsModule(SourceFile file, string? moduleName, Module tree, SemanticModel model, SettingsRole role)
{
    public SourceFile File { get; } = file;
    public string RelativePath => File.RelativePath;
    public string? ModuleName { get; } = moduleName;
    public Module Tree { get; } = tree;
    public SemanticModel Model { get; } = model;
    public SettingsRole Role { get; internal set; } = role;
    /// <summary>Settings modules this one star-imports (`from .base import *`), in source order.</summary>
    public List<SettingsModule> StarImports { get; } = [];
    internal readonly List<(Stmt At, string Target, bool Conditional)> RawStarImports = [];
}

/// <summary>The settings a deployment runs with: a leaf settings module with everything it star-imports merged in order.</summary>
public sealed class SettingsView(SettingsModule leaf, IReadOnlyDictionary<string, SettingValue> effective)
{
    public SettingsModule Leaf { get; } = leaf;
    public IReadOnlyDictionary<string, SettingValue> Effective { get; } = effective;
    public SettingValue? Get(string name) => Effective.TryGetValue(name, out var v) ? v : null;
    public bool Has(string name) => Effective.ContainsKey(name);
    /// <summary>The leaf is named for production (or by `wsgi.py`), not merely the only settings module.</summary>
    public bool ExplicitlyProduction => Leaf.Role == SettingsRole.Production;
}

/// <summary>
/// Finds a project's Django settings modules and the settings each deployment runs with. Settings modules are found
/// by convention (`settings.py`, any module of a `settings/` package, `*settings*.py`) and by the
/// `DJANGO_SETTINGS_MODULE` strings of `manage.py`, `wsgi.py`, `asgi.py` and the like; a module counts only when it
/// (or what it star-imports) sets Django settings. `from .base import *` chains are followed, so the effective value
/// of a setting is the last one assigned along the chain. Views are built for the leaves (modules no other settings
/// module star-imports) and for modules named by `DJANGO_SETTINGS_MODULE`, except development and test modules; a
/// development module's star-import is ignored by the production view that contains it (`try: from .local import *`).
/// </summary>
/// <remarks>A small stand-alone module index: when the project-wide module index lands, the star-import resolution moves there.</remarks>
public static class DjangoSettings
{
    /// <summary>Names only Django settings modules set; two of them (along the star-import chain) make a settings module.</summary>
    static readonly HashSet<string> Markers = new(StringComparer.Ordinal)
    {
        "INSTALLED_APPS", "MIDDLEWARE", "MIDDLEWARE_CLASSES", "ROOT_URLCONF", "DATABASES", "ALLOWED_HOSTS", "SECRET_KEY",
        "WSGI_APPLICATION", "ASGI_APPLICATION", "TEMPLATES", "AUTH_PASSWORD_VALIDATORS", "STATIC_URL", "USE_TZ",
        "DEFAULT_AUTO_FIELD", "LANGUAGE_CODE", "AUTH_USER_MODEL",
    };

    static readonly HashSet<string> DevelopmentWords = new(StringComparer.Ordinal)
    {
        "dev", "develop", "development", "local", "locals", "test", "tests", "testing", "ci", "debug", "example",
        "examples", "sample", "samples", "demo", "docs", "doc", "travis", "jenkins", "localhost", "sandbox", "e2e",
        "unittest", "unittests", "pytest", "testproject", "testapp", "tox", "dummy", "fixtures",
    };

    static readonly HashSet<string> ProductionWords = new(StringComparer.Ordinal)
    {
        "prod", "production", "live", "deploy", "deployment", "staging", "stage", "release", "heroku", "aws", "docker",
        "kubernetes", "k8s",
    };

    /// <summary>The role a path suggests: development when any directory or word of the file name says so.</summary>
    public static SettingsRole RoleOf(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/');
        for (int i = 0; i < parts.Length - 1; i++)
            if (DevelopmentWords.Contains(parts[i].ToLowerInvariant())) return SettingsRole.Development;
        var stem = Path.GetFileNameWithoutExtension(parts[^1]).ToLowerInvariant();
        bool production = false;
        foreach (var word in stem.Split('_', '-', '.'))
        {
            if (DevelopmentWords.Contains(word)) return SettingsRole.Development;
            if (ProductionWords.Contains(word)) production = true;
        }
        return production ? SettingsRole.Production : SettingsRole.Base;
    }

    /// <summary>A path that holds settings by convention.</summary>
    public static bool IsConventionalPath(string relativePath)
    {
        var p = relativePath.Replace('\\', '/');
        if (!p.EndsWith(".py", StringComparison.Ordinal)) return false;
        var name = Path.GetFileName(p);
        // Django's own defaults (`django/conf/global_settings.py`) are no project's settings.
        if (name == "global_settings.py") return false;
        if (name.Contains("settings", StringComparison.OrdinalIgnoreCase)) return true;
        return p.Contains("/settings/", StringComparison.Ordinal) || p.StartsWith("settings/", StringComparison.Ordinal);
    }

    /// <summary>The settings views of a project; <paramref name="files"/> are its Python files.</summary>
    public static IReadOnlyList<SettingsView> Resolve(IReadOnlyList<SettingsSource> files) => Resolve(files, NamedModules(files));

    /// <summary>
    /// Modules named by DJANGO_SETTINGS_MODULE in <paramref name="files"/>, and whether a deployment entry point names
    /// them (<see cref="Resolve(IReadOnlyList{SettingsSource}, IReadOnlyDictionary{string, bool})"/>'s first step).
    /// </summary>
    public static Dictionary<string, bool> NamedModules(IReadOnlyList<SettingsSource> files)
    {
        var named = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            if (!f.File.Text.Text.Contains("DJANGO_SETTINGS_MODULE", StringComparison.Ordinal)) continue;
            if (f.Parse() is not { } tree) continue;
            var stem = Path.GetFileNameWithoutExtension(f.RelativePath);
            bool deploys = stem is "wsgi" or "asgi" || RoleOf(f.File.ImportPath) == SettingsRole.Production;
            foreach (var target in SettingsModuleStrings(tree))
                named[target] = (named.TryGetValue(target, out var d) && d) || deploys;
        }
        return named;
    }

    /// <summary>Whether the module at <paramref name="importPath"/> is one of <paramref name="named"/> (<see cref="NamedModules"/>).</summary>
    public static bool IsNamed(IReadOnlyDictionary<string, bool> named, string importPath) =>
        SemanticModel.ModuleNameFor(importPath).Name is { } moduleName && NamedBy(named, moduleName) is not null;

    /// <summary>
    /// The settings views of a project from its Python files and the modules they name (<see cref="NamedModules"/>;
    /// files added after that was computed must not name any).
    /// </summary>
    public static IReadOnlyList<SettingsView> Resolve(IReadOnlyList<SettingsSource> files, IReadOnlyDictionary<string, bool> named)
    {

        // 2. Candidate modules: by convention or by name.
        var modules = new List<SettingsModule>();
        foreach (var f in files)
        {
            var (moduleName, isPackage) = SemanticModel.ModuleNameFor(f.File.ImportPath);
            bool byName = moduleName is not null && NamedBy(named, moduleName) is not null;
            if (!byName && !IsConventionalPath(f.File.ImportPath)) continue;
            if (f.Parse() is not { } tree) continue;
            var model = SemanticModel.Build(tree, moduleName, isPackage);
            var role = RoleOf(f.File.ImportPath);
            if (moduleName is not null && NamedBy(named, moduleName) is true && role == SettingsRole.Base) role = SettingsRole.Production;
            var module = new SettingsModule(f.File, moduleName, tree, model, role);
            CollectStarImports(module, tree.Body, false, isPackage);
            modules.Add(module);
        }

        // 3. Resolve star imports among the candidates by dotted-name suffix (the scan root need not be on sys.path).
        foreach (var m in modules)
            foreach (var (_, target, _) in m.RawStarImports)
                if (FindModule(modules, target) is { } t && !ReferenceEquals(t, m)) m.StarImports.Add(t);

        // 4. Keep Django settings modules: markers along the star-import chain, or named by DJANGO_SETTINGS_MODULE.
        var django = new HashSet<SettingsModule>(ReferenceEqualityComparer.Instance);
        foreach (var m in modules)
            if ((m.ModuleName is { } n && NamedBy(named, n) is not null) || MarkerCount(m, new(ReferenceEqualityComparer.Instance)) >= 2)
                django.Add(m);

        var imported = new HashSet<SettingsModule>(ReferenceEqualityComparer.Instance);
        foreach (var m in django)
            foreach (var t in m.StarImports)
                if (m.Role != SettingsRole.Development) imported.Add(t);

        var views = new List<SettingsView>();
        foreach (var m in modules)
        {
            if (!django.Contains(m) || m.Role == SettingsRole.Development) continue;
            bool isNamed = m.ModuleName is { } n && NamedBy(named, n) is not null;
            if (imported.Contains(m) && !isNamed) continue;
            var effective = new Dictionary<string, SettingValue>(StringComparer.Ordinal);
            Merge(m, effective, new(ReferenceEqualityComparer.Instance));
            views.Add(new SettingsView(m, effective));
        }
        return views;
    }

    static bool? NamedBy(IReadOnlyDictionary<string, bool> named, string moduleName)
    {
        if (named.TryGetValue(moduleName, out var d)) return d;
        // `proj.settings.production` names `settings/production.py` when the scan root is the repository, not `src/`.
        foreach (var (target, deploys) in named)
            if (target.EndsWith("." + moduleName, StringComparison.Ordinal) || moduleName.EndsWith("." + target, StringComparison.Ordinal))
                return deploys;
        return null;
    }

    static SettingsModule? FindModule(List<SettingsModule> modules, string target)
    {
        foreach (var m in modules) if (m.ModuleName == target) return m;
        foreach (var m in modules)
            if (m.ModuleName is { } n && (n.EndsWith("." + target, StringComparison.Ordinal) || target.EndsWith("." + n, StringComparison.Ordinal)))
                return m;
        return null;
    }

    static int MarkerCount(SettingsModule m, HashSet<SettingsModule> seen)
    {
        if (!seen.Add(m)) return 0;
        int count = 0;
        foreach (var s in m.Tree.Body)
            if (s is Assign a)
                foreach (var t in a.Targets)
                    if (t is Name n && Markers.Contains(n.Id)) count++;
        foreach (var t in m.StarImports) count += MarkerCount(t, seen);
        return count;
    }

    /// <summary>`os.environ.setdefault("DJANGO_SETTINGS_MODULE", "x.y")`, `os.environ["DJANGO_SETTINGS_MODULE"] = "x.y"` and the like.</summary>
    static IEnumerable<string> SettingsModuleStrings(Module tree)
    {
        var finder = new SettingsModuleFinder();
        finder.Visit(tree);
        return finder.Found;
    }

    sealed class SettingsModuleFinder : AstWalker
    {
        public readonly List<string> Found = [];

        public override void Visit(Node node)
        {
            switch (node)
            {
                case Call c when c.Args.Count >= 2 && c.Args[0] is Constant { AsString: "DJANGO_SETTINGS_MODULE" } && c.Args[1] is Constant { AsString: { } v }:
                    Found.Add(v);
                    break;
                case Assign a when a.Value is Constant { AsString: { } v2 }:
                    foreach (var t in a.Targets)
                        if (t is Subscript { Slice: Constant { AsString: "DJANGO_SETTINGS_MODULE" } }) Found.Add(v2);
                    break;
            }
            base.Visit(node);
        }
    }

    static void CollectStarImports(SettingsModule m, IReadOnlyList<Stmt> body, bool conditional, bool isPackage)
    {
        foreach (var s in body)
        {
            switch (s)
            {
                case ImportFrom f when f.Names.Count == 1 && f.Names[0].Name == "*":
                    if (Absolute(m.ModuleName, isPackage, f) is { } target) m.RawStarImports.Add((s, target, conditional));
                    break;
                case If i: CollectStarImports(m, i.Body, true, isPackage); CollectStarImports(m, i.Orelse, true, isPackage); break;
                case Try t: CollectStarImports(m, t.Body, true, isPackage); CollectStarImports(m, t.Orelse, true, isPackage); break;
            }
        }
    }

    static string? Absolute(string? moduleName, bool isPackage, ImportFrom f)
    {
        if (f.Level == 0) return f.Module;
        if (moduleName is null) return f.Module; // a relative import from an unnamed file: match the tail
        var parts = moduleName.Split('.').ToList();
        int drop = isPackage ? f.Level - 1 : f.Level;
        if (drop > parts.Count) return null;
        parts.RemoveRange(parts.Count - drop, drop);
        if (f.Module is { Length: > 0 } rest) parts.Add(rest);
        return parts.Count == 0 ? null : string.Join('.', parts);
    }

    /// <summary>Applies a module's statements in order: star imports merge the imported module's settings, assignments override.</summary>
    static void Merge(SettingsModule m, Dictionary<string, SettingValue> into, HashSet<SettingsModule> seen)
    {
        if (!seen.Add(m)) return;
        Apply(m, m.Tree.Body, into, seen, false);
        seen.Remove(m);
    }

    static void Apply(SettingsModule m, IReadOnlyList<Stmt> body, Dictionary<string, SettingValue> into, HashSet<SettingsModule> seen, bool conditional)
    {
        foreach (var s in body)
        {
            switch (s)
            {
                case ImportFrom f when f.Names.Count == 1 && f.Names[0].Name == "*":
                    foreach (var (at, target, _) in m.RawStarImports)
                    {
                        if (!ReferenceEquals(at, s)) continue;
                        foreach (var t in m.StarImports)
                        {
                            if (t.ModuleName is not { } n || !(n == target || n.EndsWith("." + target, StringComparison.Ordinal) || target.EndsWith("." + n, StringComparison.Ordinal))) continue;
                            // Development settings do not reach production, even when a production module pulls them in optionally.
                            if (t.Role == SettingsRole.Development && m.Role != SettingsRole.Development) continue;
                            Merge(t, into, seen);
                        }
                    }
                    break;
                case Assign a:
                    foreach (var t in a.Targets) Set(m, t, s, a.Value, into, conditional);
                    break;
                case AnnAssign aa when aa.Value is not null:
                    Set(m, aa.Target, s, aa.Value, into, conditional);
                    break;
                case AugAssign au when au.Target is Name n && into.TryGetValue(n.Id, out var prior):
                    into[n.Id] = prior with { Mutated = true };
                    break;
                case ExprStmt { Value: Call { Func: AttributeExpr { Value: Name n2 } } } when into.TryGetValue(n2.Id, out var prior2) && IsSettingName(n2.Id):
                    into[n2.Id] = prior2 with { Mutated = true };
                    break;
                case If i: Apply(m, i.Body, into, seen, true); Apply(m, i.Orelse, into, seen, true); break;
                case Try t: Apply(m, t.Body, into, seen, true); Apply(m, t.Orelse, into, seen, true); break;
                case For fo: Apply(m, fo.Body, into, seen, true); break;
                case With w: Apply(m, w.Body, into, seen, conditional); break;
            }
        }
    }

    static void Set(SettingsModule m, Expr target, Stmt s, Expr value, Dictionary<string, SettingValue> into, bool conditional)
    {
        switch (target)
        {
            case Name n when IsSettingName(n.Id):
                into[n.Id] = new SettingValue(n.Id, s, value, m) { Conditional = conditional };
                break;
            case TupleExpr or ListExpr:
                // `A, B = …`: set, values unknown.
                foreach (var e in target is TupleExpr te ? te.Elts : ((ListExpr)target).Elts)
                    if (e is Name en && IsSettingName(en.Id)) into[en.Id] = new SettingValue(en.Id, s, null, m) { Conditional = true };
                break;
            case Subscript { Value: Name sn } when into.TryGetValue(sn.Id, out var prior) && IsSettingName(sn.Id):
                into[sn.Id] = prior with { Mutated = true };
                break;
        }
    }

    /// <summary>Django reads upper-case module attributes only.</summary>
    public static bool IsSettingName(string name)
    {
        bool letter = false;
        foreach (var c in name)
        {
            if (char.IsLower(c)) return false;
            if (char.IsUpper(c)) letter = true;
        }
        return letter;
    }
}
