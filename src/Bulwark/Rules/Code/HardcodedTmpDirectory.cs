using Bulwark.Core;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Code;

/// <summary>B108 — a string literal naming a path in a shared temporary directory.</summary>
public sealed class HardcodedTmpDirectory : CodeRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B108", Name: "hardcoded-tmp-directory", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.Medium, Cwe: 377,
        What: """
            String literals (outside docstrings) that start with a world-writable temporary directory: `/tmp`,
            `/var/tmp`, `/dev/shm`, or the configured `tmp_dirs`.
            """,
        Why: """
            Any local user can create a file at a predictable path in a shared directory first: a symlink there
            redirects the program's writes to a file of the attacker's choice, or the attacker reads or replaces what
            the program stores.
            """,
        Example: """
            with open("/tmp/report.csv", "w") as f:
                f.write(data)
            """,
        Fix: """
            with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
                f.write(data)
            """,
        References: [Bandit.Doc("B108", "hardcoded_tmp_directory"), Bandit.Cwe(377), "https://docs.python.org/3/library/tempfile.html"])
    {
        Compliance = Compliance.FilePermissions,
        Aliases = ["S108"],
        Options = [new RuleOptionInfo("tmp_dirs", RuleOptionType.StringList, new[] { "/tmp", "/var/tmp", "/dev/shm" },
            "Prefixes of shared temporary directories (Bandit's `hardcoded_tmp_directory.tmp_dirs`).")],
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Constant];

    public override StringInterest StringsFor(ScanSettings settings) =>
        new() { Prefixes = new RuleOptions(Info, settings.RuleOptionsFor(Info.Id)).StringList("tmp_dirs") };

    public override void Check(Node node, CodeContext context)
    {
        if (node is not Constant { ValueKind: ConstantKind.Str } c) return;
        var s = c.AsString!;
        var dirs = context.Options(this).StringList("tmp_dirs");
        for (int i = 0; i < dirs.Count; i++)
            if (dirs[i] is var dir && s.StartsWith(dir, StringComparison.Ordinal))
            {
                if (Bandit.IsDocstringLike(c, context.Semantic)) return;
                context.Report(this, c, $"Probable insecure use of the shared temporary directory `{dir}`; use the `tempfile` module.");
                return;
            }
    }
}
