using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>One place a Flask configuration key is given a value.</summary>
public readonly record struct FlaskSetting(string Key, Expr Value, Node At);

/// <summary>
/// Where Flask code sets configuration: `app.config["KEY"] = v`, `app.config.update(KEY=v)` / `.update({"KEY": v})` /
/// `.from_mapping(KEY=v)`, `app.debug = v` / `app.secret_key = v`, and upper-case attributes of configuration classes
/// (`class ProductionConfig: SESSION_COOKIE_SECURE = False`) in modules that import Flask. Classes and modules named
/// for development or tests (`DevelopmentConfig`, `TestingConfig`, `tests/`) are left out: they are not deployed.
/// </summary>
public static class FlaskConfig
{
    /// <summary>Node kinds that may set configuration.</summary>
    public static readonly IReadOnlyList<NodeKind> Kinds = [NodeKind.Assign, NodeKind.Call];

    static readonly string[] DevelopmentWords = ["dev", "develop", "development", "local", "test", "tests", "testing", "debug", "ci"];

    /// <summary>The module is Flask code (imports flask or a Flask extension).</summary>
    public static bool IsFlaskModule(CodeContext context) =>
        context.Semantic.IsImported("flask") || context.Semantic.IsImportedLike("flask_");

    /// <summary>The settings a node makes; empty for other nodes and for development/test classes and files.</summary>
    public static List<FlaskSetting> Settings(Node node, CodeContext context)
    {
        var result = new List<FlaskSetting>();
        if (IsDevelopmentPath(context.File.RelativePath)) return result;
        bool flask = IsFlaskModule(context);
        // A `config.py` of configuration classes often imports nothing from Flask: its classes still count.
        if (!flask && !(node is Assign && IsConfigFile(context.File.RelativePath))) return result;
        switch (node)
        {
            case Assign a:
                foreach (var t in a.Targets)
                {
                    switch (t)
                    {
                        case Subscript { Value: AttributeExpr { Attr: "config" }, Slice: var key } when flask && context.Semantic.StringValue(key) is { } k:
                            result.Add(new(k, a.Value, a.Value));
                            break;
                        case AttributeExpr { Attr: "debug" or "secret_key" or "testing" } attr when flask && IsApp(attr.Value, context):
                            result.Add(new(attr.Attr.ToUpperInvariant(), a.Value, a.Value));
                            break;
                        case Name n when DjangoSettings.IsSettingName(n.Id) && ConfigClass(a, context) is { } cls && !IsDevelopmentName(cls.Name):
                            result.Add(new(n.Id, a.Value, a.Value));
                            break;
                    }
                }
                break;
            case Call { Func: AttributeExpr { Attr: "update" or "from_mapping", Value: AttributeExpr { Attr: "config" } } } c:
                foreach (var kw in c.Keywords)
                    if (kw.Name is { } name) result.Add(new(name, kw.Value, kw.Value));
                if (c.Args.Count == 1 && c.Args[0] is DictExpr d)
                    for (int i = 0; i < d.Keys.Count; i++)
                        if (context.Semantic.StringValue(d.Keys[i]) is { } k) result.Add(new(k, d.Values[i], d.Values[i]));
                break;
        }
        return result;
    }

    /// <summary>`app` bound to `Flask(…)`, or named like an application (`app`, `application`, `self.app`).</summary>
    static bool IsApp(Expr receiver, CodeContext context)
    {
        if (receiver is Name n && context.Semantic.BindingOf(n) is { Value: Call c } && context.Semantic.QualifiedName(c.Func) == "flask.Flask") return true;
        return SemanticModel.SimpleName(receiver) is { } s && (s == "app" || s == "application" || s.EndsWith("_app", StringComparison.Ordinal));
    }

    static ClassDef? ConfigClass(Assign a, CodeContext context)
    {
        if (context.Semantic.Parent(a) is not ClassDef cls) return null;
        return cls.Name.EndsWith("Config", StringComparison.Ordinal) || cls.Name.EndsWith("Settings", StringComparison.Ordinal) ? cls : null;
    }

    /// <summary>`DevelopmentConfig`, `TestingConfig`, `LocalSettings`…</summary>
    public static bool IsDevelopmentName(string name)
    {
        foreach (var w in Bulwark.Secrets.SecretNames.Words(name))
            if (Array.IndexOf(DevelopmentWords, w) >= 0) return true;
        return false;
    }

    static bool IsConfigFile(string path) =>
        Path.GetFileNameWithoutExtension(path).Contains("config", StringComparison.OrdinalIgnoreCase);

    static bool IsDevelopmentPath(string path) => DjangoSettings.RoleOf(path) == SettingsRole.Development;
}
