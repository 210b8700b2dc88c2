using Bulwark.Documents.GitHubActions;
using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>GHA004: a third-party action or reusable workflow referenced by a tag or branch instead of a full commit SHA.</summary>
public sealed class UnpinnedActionRule : WorkflowRule
{
    public static readonly RuleInfo Rule = new(
        "GHA004", "unpinned-action", Family.Ci, Severity.Medium, Confidence.High, 829,
        What: """
            `uses:` of an action or reusable workflow from another repository that is not pinned to a full 40-character
            commit SHA (`owner/action@v2`, `owner/action@main`). Actions of the owners listed in the `trusted-owners`
            option (GitHub's own `actions` and `github` by default) may use tags. Local actions (`./…`) are not
            reported; Docker images are `GHA005`'s.
            """,
        Why: """
            Tags and branches move: whoever controls the action's repository — its maintainer, or an attacker who
            compromised it, as happened to `tj-actions/changed-files` in 2025 — can point them at new code, which then
            runs in your workflow with your secrets and token. Only a commit SHA is immutable. A branch (`@main`) or a
            missing ref is high: every run takes whatever was pushed last.
            """,
        Example: """
            steps:
              - uses: actions/checkout@v4
              - uses: pypa/gh-action-pypi-publish@release/v1
            """,
        Fix: """
            Pin to the commit the tag points at and keep the tag in a comment so Dependabot or Renovate can update it:

              - uses: pypa/gh-action-pypi-publish@76f52bc884231f62b9a034ebfe128415bbaabdfc  # v1.12.4
            """,
        References:
        [
            "https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions",
            "https://github.com/ossf/scorecard/blob/main/docs/checks.md#pinned-dependencies",
        ])
    {
        Compliance = Compliance.UnpinnedComponent,
        Profiles = RuleProfile.Default,
        Aliases = ["unpinned-uses"],
        Options =
        [
            new("trusted-owners", RuleOptionType.StringList, new[] { "actions", "github" },
                "Owners (or `owner/repo`) whose actions may be pinned by tag or branch; `[]` requires a SHA everywhere."),
        ],
    };

    static readonly HashSet<string> BranchNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "main", "master", "develop", "dev", "trunk", "latest", "head", "stable", "nightly", "next", "canary", "edge", "default",
    };

    public override RuleInfo Info => Rule;

    public override void Check(ActionsDocument document, DocumentContext context)
    {
        var trusted = context.Options(this).StringList("trusted-owners");
        foreach (var job in document.Jobs)
        {
            if (job.Uses is { } workflow && job.UsesNode is { } wn) CheckUses(workflow, wn, "reusable workflow", trusted, document, context);
            foreach (var step in job.Steps)
                if (step.Uses is { } uses && step.UsesNode is { } node) CheckUses(uses, node, "action", trusted, document, context);
        }
    }

    void CheckUses(UsesRef uses, YamlScalar node, string what, IReadOnlyList<string> trusted, ActionsDocument document, DocumentContext context)
    {
        if (uses.Kind != UsesKind.Repository || uses.IsCommitSha || uses.Raw.Contains("${{", StringComparison.Ordinal)) return;
        foreach (var t in trusted)
            if (t.Contains('/') ? uses.Is(t) : uses.Owner.Equals(t, StringComparison.OrdinalIgnoreCase)) return;
        var name = uses.Path.Length > 0 ? $"{uses.Owner}/{uses.Repo}/{uses.Path}" : $"{uses.Owner}/{uses.Repo}";
        if (uses.Ref is null)
            Report(context, document, node, $"{what} `{name}` has no ref at all; pin it to a full commit SHA", Severity.High);
        else if (BranchNames.Contains(uses.Ref) || uses.Ref.Contains('/'))
            Report(context, document, node,
                $"{what} `{name}` follows the branch `{uses.Ref}`: whatever is pushed there next runs with this workflow's secrets; pin it to a full commit SHA",
                Severity.High);
        else
            Report(context, document, node,
                $"{what} `{name}@{uses.Ref}` is not pinned to a commit: the tag can be moved to other code; pin it to a full commit SHA (keep `# {uses.Ref}` as a comment)");
    }
}
