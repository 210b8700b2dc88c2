using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules;

/// <summary>Where Bulwark follows Bandit's documentation and defaults.</summary>
static class Bandit
{
    public static string Doc(string id, string testName) =>
        $"https://bandit.readthedocs.io/en/latest/plugins/{id.ToLowerInvariant()}_{testName}.html";

    public static string Cwe(int n) => $"https://cwe.mitre.org/data/definitions/{n}.html";

    /// <summary>
    /// A list option whose Bulwark default differs from Bandit's: under `--profile bandit`, and unless the user
    /// configured it, Bandit's default applies so that results match Bandit's.
    /// </summary>
    public static IReadOnlyList<string> ListOption(CodeContext context, IRule rule, string name, IReadOnlyList<string> banditDefault) =>
        ListOption(context.Settings, rule, name, banditDefault);

    /// <inheritdoc cref="ListOption(CodeContext, IRule, string, IReadOnlyList{string})"/>
    public static IReadOnlyList<string> ListOption(ScanSettings settings, IRule rule, string name, IReadOnlyList<string> banditDefault)
    {
        var configured = settings.RuleOptionsFor(rule.Info.Id);
        if (settings.Profile == RuleProfile.Bandit && (configured is null || !configured.ContainsKey(name)))
            return banditDefault;
        return new RuleOptions(rule.Info, configured).StringList(name);
    }

    /// <summary>A string constant in expression-statement position is a docstring (or inert); Bandit's string checks skip it.</summary>
    public static bool IsDocstringLike(Constant c, SemanticModel model) => model.Parent(c) is ExprStmt;
}
