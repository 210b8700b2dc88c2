using Bulwark.Core;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Code;

/// <summary>B101 — `assert` used for a check that must hold in production.</summary>
public sealed class AssertUsed : CodeRule
{
    static readonly string[] TestFiles = ["**/test_*.py", "**/*_test.py", "**/tests/**", "**/conftest.py"];

    public override RuleInfo Info { get; } = new(
        Id: "B101", Name: "assert-used", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.High, Cwe: 703,
        What: "`assert` statements outside test files.",
        Why: """
            Python removes assertions when it runs with optimisation (`python -O`, `PYTHONOPTIMIZE`), so an `assert`
            that guards access or validates input silently stops protecting anything.
            """,
        Example: """
            def delete(user, item):
                assert user.is_admin
                item.delete()
            """,
        Fix: """
            def delete(user, item):
                if not user.is_admin:
                    raise PermissionError("admin only")
                item.delete()
            """,
        References: [Bandit.Doc("B101", "assert_used"),
                     "https://docs.python.org/3/reference/simple_stmts.html#the-assert-statement"])
    {
        Compliance = Compliance.InsecureDesign,
        Aliases = ["S101"],
        Options = [new RuleOptionInfo("skips", RuleOptionType.StringList, TestFiles,
            "Globs of files where assertions are expected (tests). Under `--profile bandit` the default is Bandit's: none.")],
        DifferencesFromBandit = """
            Bandit reports asserts in every file; Bulwark's default profile skips test files (`skips`). `--profile
            bandit` reports them everywhere unless `skips` is configured.
            """,
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Assert];

    public override void Check(Node node, CodeContext context)
    {
        if (IsSkipped(context)) return;
        context.Report(this, node, "Use of `assert`: it is removed under `python -O`, so it must not enforce security checks.");
    }

    /// <summary>Whether the file is one of the `skips`: matched once per file, not at every assert (a test file has hundreds).</summary>
    bool IsSkipped(CodeContext context)
    {
        var skips = Bandit.ListOption(context, this, "skips", []);
        var memo = context.PerFile<SkipMemo>();
        if (!ReferenceEquals(memo.Skips, skips))
        {
            memo.Skips = skips;
            memo.Skipped = false;
            foreach (var glob in skips)
                if (Glob.IsMatch(glob, context.File.RelativePath)) { memo.Skipped = true; break; }
        }
        return memo.Skipped;
    }

    sealed class SkipMemo
    {
        public IReadOnlyList<string>? Skips;
        public bool Skipped;
    }
}
