using Bulwark.Documents.GitHubActions;
using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>GHA009: `secrets: inherit` passes every secret of the repository to a reusable workflow.</summary>
public sealed class SecretsInheritRule : WorkflowRule
{
    public static readonly RuleInfo Rule = new(
        "GHA009", "secrets-inherit", Family.Ci, Severity.Medium, Confidence.High, 200,
        What: "A job calling a reusable workflow with `secrets: inherit`.",
        Why: """
            `inherit` hands the called workflow every secret the caller can see — organisation, repository and
            environment secrets alike — whether it uses them or not. A compromise of the called workflow (a moved tag, an
            injection inside it) then exposes all of them, and nobody can tell from the caller which secrets it really
            needs. Low when the called workflow is in the same repository, medium when it is another repository's.
            """,
        Example: """
            jobs:
              release:
                uses: org/shared/.github/workflows/release.yml@v1
                secrets: inherit
            """,
        Fix: """
            Pass the secrets the workflow declares, by name:

                secrets:
                  pypi-token: ${{ secrets.PYPI_TOKEN }}
            """,
        References:
        [
            "https://docs.github.com/en/actions/sharing-automations/reusing-workflows#passing-inputs-and-secrets-to-a-reusable-workflow",
        ])
    { Compliance = Compliance.SecretExposure, Profiles = RuleProfile.Default, Aliases = ["secrets-inherit"] };

    public override RuleInfo Info => Rule;
    public override IReadOnlyList<FileKind> Kinds => WorkflowsOnly;

    public override void Check(ActionsDocument document, DocumentContext context)
    {
        foreach (var job in document.Jobs)
        {
            if (job.Secrets is not YamlScalar { Value: "inherit" } node) continue;
            bool local = job.Uses is { Kind: UsesKind.Local };
            var target = job.Uses is { } u ? $"`{u.Raw.Trim()}`" : "the called workflow";
            Report(context, document, node,
                $"job `{job.Id}` passes every secret of the repository to {target}; pass only the secrets it needs by name",
                local ? Severity.Low : Severity.Medium);
        }
    }
}
