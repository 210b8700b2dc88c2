using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B202 — `tarfile` extraction without filtering members.</summary>
public sealed class TarfileUnsafeMembers : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B202", Name: "tarfile-unsafe-members", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 22,
        What: """
            In modules that import `tarfile`, `extractall(...)` calls without `filter="data"`: high when every member is
            extracted, medium when `members=` is given but not a call, low when `members=` is computed by a function
            (which may validate).
            """,
        Why: """
            Archive members may have absolute paths, `..` components or links that point outside the target directory;
            extracting them overwrites arbitrary files (path traversal, "tar slip").
            """,
        Example: """
            with tarfile.open(upload) as tar:
                tar.extractall(dest)
            """,
        Fix: """
            with tarfile.open(upload) as tar:
                tar.extractall(dest, filter="data")
            """,
        References: [Bandit.Doc("B202", "tarfile_unsafe_members"), Bandit.Cwe(22),
                     "https://docs.python.org/3/library/tarfile.html#extraction-filters"])
    {
        Compliance = Compliance.PathTraversal,
        Aliases = ["S202"],
    };

    public override CallInterest? Calls { get; } = new() { NameContains = ["extractall"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.Name is not { } name || !name.Contains("extractall", StringComparison.Ordinal)) return;
        if (!context.Semantic.ImportedNames.Contains("tarfile")) return;
        if (call.Keyword("filter") is { } filter && context.Semantic.StringValue(filter.Value) == "data") return;
        if (call.Keyword("members") is { } members)
        {
            if (members.Value is Call)
                context.Report(this, call.Node, "`extractall(members=…)` with computed members: make sure the function discards absolute paths, `..` and links.",
                    Severity.Low, Confidence.Low);
            else
                context.Report(this, call.Node, "`extractall(members=…)` with members of unknown origin: check they were validated, or use `filter=\"data\"`.",
                    Severity.Medium, Confidence.Medium);
            return;
        }
        context.Report(this, call.Node, "`tarfile` `extractall` without validating members: use `filter=\"data\"` or discard dangerous members.");
    }
}
