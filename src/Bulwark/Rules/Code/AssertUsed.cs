using Bulwark.Model;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Code;

/// <summary>B101 — `assert` used for a check that must hold in production.</summary>
public sealed class AssertUsed : CodeRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B101", Name: "assert-used", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.High, Cwe: 703,
        What: "`assert` statements outside test files.",
        Why: "Python removes assertions when it runs with optimisation (`python -O`, `PYTHONOPTIMIZE`), so an `assert` that guards access or validates input silently stops protecting anything.",
        Example: "def delete(user, item):\n    assert user.is_admin\n    item.delete()",
        Fix: "def delete(user, item):\n    if not user.is_admin:\n        raise PermissionError(\"admin only\")\n    item.delete()",
        References: ["https://bandit.readthedocs.io/en/latest/plugins/b101_assert_used.html",
                     "https://docs.python.org/3/reference/simple_stmts.html#the-assert-statement"])
    {
        Aliases = ["S101"],
        Options = [new RuleOptionInfo("skips", RuleOptionType.StringList,
            new[] { "**/test_*.py", "**/*_test.py", "**/tests/**", "**/conftest.py" },
            "Globs of files where assertions are expected (tests).")],
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Assert];

    public override void Check(Node node, CodeContext context)
    {
        foreach (var glob in context.Options(this).StringList("skips"))
            if (Bulwark.Engine.Glob.IsMatch(glob, context.File.RelativePath)) return;
        context.Report(this, node, "Use of `assert`: it is removed under `python -O`, so it must not enforce security checks.");
    }
}
