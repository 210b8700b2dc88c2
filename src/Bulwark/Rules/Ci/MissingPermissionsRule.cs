using Bulwark.Documents.GitHubActions;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>GHA007: no `permissions` at the top and jobs without their own: the token gets the repository's defaults.</summary>
public sealed class MissingPermissionsRule : WorkflowRule
{
    public static readonly RuleInfo Rule = new(
        "GHA007", "missing-permissions", Family.Ci, Severity.Medium, Confidence.Medium, 250,
        What: """
            A workflow with no top-level `permissions` block in which at least one job sets none either. Workflows that
            are only reusable (`on: workflow_call`) are not reported: their caller decides.
            """,
        Why: """
            Without `permissions`, the `GITHUB_TOKEN` gets the repository's or organisation's default, which for many
            repositories (all created before February 2023, and organisations that never changed it) is read and write
            on every scope. Declaring permissions makes the token's power visible in review and independent of a
            setting elsewhere. Confidence is medium because the default may already be read-only.
            """,
        Example: """
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: make test
            """,
        Fix: """
            Add a restrictive block at the top and widen it per job where needed:

            permissions:
              contents: read
            """,
        References:
        [
            "https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token",
            "https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token",
            "https://github.com/ossf/scorecard/blob/main/docs/checks.md#token-permissions",
        ])
    { Compliance = Compliance.ExcessivePrivilege, Profiles = RuleProfile.Default, Aliases = ["excessive-permissions"] };

    public override RuleInfo Info => Rule;
    public override IReadOnlyList<FileKind> Kinds => WorkflowsOnly;

    public override void Check(ActionsDocument document, DocumentContext context)
    {
        if (document.Permissions is not null || document.Jobs.Count == 0) return;
        if (document.Triggers.Count > 0 && document.Triggers.All(t => t.Event == "workflow_call")) return;
        var lacking = document.Jobs.Where(j => j.Permissions is null).Select(j => "`" + j.Id + "`").ToList();
        if (lacking.Count == 0) return;
        var first = document.Root.Entries[0].Key;
        var jobs = lacking.Count == 1 ? "job " + lacking[0] + " gets" : "jobs " + string.Join(", ", lacking) + " get";
        Report(context, document, first,
            $"no `permissions:` block, so {jobs} the repository's default token permissions (read and write on everything in many repositories); declare `permissions: contents: read` at the top");
    }
}
