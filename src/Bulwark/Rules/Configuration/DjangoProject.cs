using Bulwark.Core;
using Bulwark.Python;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>The project's Django settings views, resolved once per scan and shared by the Django settings rules.</summary>
public static class DjangoProject
{
    sealed class Holder(IReadOnlyList<SettingsView> views) { public IReadOnlyList<SettingsView> Views { get; } = views; }

    public static IReadOnlyList<SettingsView> Views(ProjectContext context) =>
        context.Shared("configuration:django-settings", c => new Holder(Resolve(c))).Views;

    static IReadOnlyList<SettingsView> Resolve(ProjectContext context)
    {
        var sources = new List<SettingsSource>();
        foreach (var f in context.Files)
        {
            if (!f.RelativePath.EndsWith(".py", StringComparison.Ordinal)) continue;
            // An analysed file that is a candidate had its tree kept (or did not parse): the others need not be read again.
            if (f.Analysed && f.Tree is null) continue;
            var file = f.Load();
            if (file is null) continue;
            // Only candidates are parsed again: conventional paths and the files that name a settings module.
            if (!DjangoSettings.IsConventionalPath(f.ImportPath) && !file.Text.Text.Contains("DJANGO_SETTINGS_MODULE", StringComparison.Ordinal)
                ) continue;
            sources.Add(new SettingsSource(file, TreeOf(f, file)));
        }
        // Modules named by DJANGO_SETTINGS_MODULE may have any path: add the files of the modules named. Every file
        // that names one is a candidate, so is among the sources already: the files added here name none.
        var named = DjangoSettings.NamedModules(sources);
        if (named.Count > 0)
        {
            var have = new HashSet<string>(StringComparer.Ordinal);
            foreach (var s in sources) have.Add(s.RelativePath);
            foreach (var f in context.Files)
            {
                if (!f.RelativePath.EndsWith(".py", StringComparison.Ordinal) || have.Contains(f.RelativePath)) continue;
                // By name first: reading every file of a large tree again to test its text was most of this step.
                if (!DjangoSettings.IsNamed(named, f.ImportPath)) continue;
                if (f.Load() is not { } file || !LooksLikeSettings(file)) continue;
                sources.Add(new SettingsSource(file, TreeOf(f, file)));
            }
        }
        return DjangoSettings.Resolve(sources, named);
    }


    /// <summary>
    /// The file's module: the tree kept from the per-file phase (<see cref="DjangoSettingsRule.KeepsTree"/> asked for the
    /// candidates), else parsed here once, on first use (a file only a `DJANGO_SETTINGS_MODULE` elsewhere makes a candidate).
    /// </summary>
    static Func<Module?> TreeOf(ProjectFile f, SourceFile file)
    {
        if (f.Tree is { } kept) return () => kept;
        Module? parsed = null;
        bool done = false;
        return () =>
        {
            if (!done) { var r = PythonParser.Parse(file.Text); parsed = r.Ok ? r.Module : null; done = true; }
            return parsed;
        };
    }

    /// <summary>Files the settings resolution reads: conventional settings paths, files naming a settings module, and files assigning settings only settings modules set.</summary>
    /// <summary><see cref="IsCandidate"/> as the one predicate every Django settings rule shares.</summary>
    public static readonly Predicate<SourceFile> Candidate = IsCandidate;

    public static bool IsCandidate(SourceFile file) =>
        DjangoSettings.IsConventionalPath(file.ImportPath) || file.Text.Text.Contains("DJANGO_SETTINGS_MODULE", StringComparison.Ordinal)
        || AssignsSettings(file);

    static bool AssignsSettings(SourceFile file)
    {
        var t = file.Text.Text;
        return t.Contains("INSTALLED_APPS", StringComparison.Ordinal) || t.Contains("MIDDLEWARE", StringComparison.Ordinal)
            || t.Contains("ROOT_URLCONF", StringComparison.Ordinal);
    }

    /// <summary>A cheap text test before parsing a file of any name: it assigns a setting only settings modules set.</summary>
    static bool LooksLikeSettings(SourceFile file)
    {
        var t = file.Text.Text;
        return t.Contains("INSTALLED_APPS", StringComparison.Ordinal) || t.Contains("MIDDLEWARE", StringComparison.Ordinal)
            || t.Contains("ROOT_URLCONF", StringComparison.Ordinal) || t.Contains("import *", StringComparison.Ordinal);
    }

    /// <summary>Reports each place once per rule, however many deployments inherit it.</summary>
    public sealed class Reporter(ProjectContext context, IRule rule)
    {
        readonly HashSet<(string, int, int, string)> _seen = [];

        public void At(SettingsModule module, Node node, string message, Severity? severity = null, Confidence? confidence = null)
        {
            if (!_seen.Add((module.RelativePath, node.Start, node.End, WithoutWhere(message)))) return;
            context.Report(new Finding
            {
                Rule = rule.Info, Message = message,
                Location = RuleContext.LocationOf(module.File, node.Start, node.End),
                Severity = severity ?? rule.Info.Severity, Confidence = confidence ?? rule.Info.Confidence,
            });
        }

        /// <summary>The message without the "(inherited by …)" part, which differs between deployments inheriting one place.</summary>
        static string WithoutWhere(string message)
        {
            int i = message.IndexOf(" (inherited by `", StringComparison.Ordinal);
            if (i < 0) return message;
            int j = message.IndexOf("`)", i + 16, StringComparison.Ordinal);
            return j < 0 ? message : message[..i] + message[(j + 2)..];
        }

        /// <summary>A setting the deployment never sets: reported on the first line of the leaf module.</summary>
        public void Missing(SettingsView view, string message, Severity? severity = null)
        {
            var body = view.Leaf.Tree.Body;
            int start = 0, end = 0;
            if (body.Count > 0)
            {
                var first = body[0];
                start = first.Start;
                var text = view.Leaf.File.Text.Text;
                int nl = text.IndexOf('\n', start);
                end = Math.Min(first.End, nl < 0 ? text.Length : nl);
            }
            if (!_seen.Add((view.Leaf.RelativePath, -1, -1, message))) return;
            context.Report(new Finding
            {
                Rule = rule.Info, Message = message,
                Location = RuleContext.LocationOf(view.Leaf.File, start, end),
                Severity = severity ?? rule.Info.Severity,
                // A module named for production is the deployment; a lone `settings.py` may be a development default.
                Confidence = view.ExplicitlyProduction ? Confidence.Medium : Confidence.Low,
            });
        }
    }

    /// <summary>The value is a known constant that Python treats as true.</summary>
    public static bool IsTrue(SettingValue? v) => v?.Constant is { } c && c.Truthy;
    /// <summary>The value is a known constant that Python treats as false.</summary>
    public static bool IsFalse(SettingValue? v) => v?.Constant is { } c && !c.Truthy;

    /// <summary>Strings of a list/tuple setting when every element is known; null otherwise.</summary>
    public static List<(string Value, Expr Node)>? Strings(SettingValue? v)
    {
        if (v is null || v.Conditional || v.Mutated) return null;
        if (v.Value is not (ListExpr or TupleExpr)) return null;
        var elts = v.Value is ListExpr l ? l.Elts : ((TupleExpr)v.Value).Elts;
        var result = new List<(string, Expr)>();
        foreach (var e in elts)
        {
            if (v.Module.Model.StringValue(e) is not { } s) return null;
            result.Add((s, e));
        }
        return result;
    }

    /// <summary>`INSTALLED_APPS`/`MIDDLEWARE` mention a component (by exact dotted path).</summary>
    public static bool Lists(SettingsView view, string setting, string item) =>
        Strings(view.Get(setting)) is { } items && items.Exists(i => i.Value == item);
}

/// <summary>A check on the settings each Django deployment of the project runs with (see <see cref="DjangoSettings"/>).</summary>
public abstract class DjangoSettingsRule : ProjectRule
{
    public sealed override Predicate<SourceFile> KeepsTree => DjangoProject.Candidate;

    public sealed override void Check(ProjectContext context)
    {
        var reporter = new DjangoProject.Reporter(context, this);
        foreach (var view in DjangoProject.Views(context)) Check(view, reporter);
    }

    protected abstract void Check(SettingsView view, DjangoProject.Reporter report);

    protected static string Where(SettingValue v, SettingsView view) =>
        ReferenceEquals(v.Module, view.Leaf) ? "" : $" (inherited by `{view.Leaf.RelativePath}`)";
}
