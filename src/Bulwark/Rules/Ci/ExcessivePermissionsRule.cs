using Bulwark.Documents.GitHubActions;
using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>GHA006: `write-all`, or write scopes granted to every job of a multi-job workflow.</summary>
public sealed class ExcessivePermissionsRule : WorkflowRule
{
    public static readonly RuleInfo Rule = new(
        "GHA006", "excessive-permissions", Family.Ci, Severity.High, Confidence.High, 250,
        What: """
            `permissions: write-all` on a workflow or job, and write scopes (`contents: write`, `id-token: write`…) set
            at the workflow level where two or more jobs inherit them.
            """,
        Why: """
            The `GITHUB_TOKEN` is available to every step, including third-party actions and anything an injection
            runs. With write access it can push commits and tags, publish releases and packages, or approve pull
            requests; `id-token: write` can mint cloud credentials. Least privilege means each job gets only the scopes
            it uses, so that a compromise of the test job cannot push a release.
            """,
        Example: """
            permissions: write-all
            jobs:
              test: {runs-on: ubuntu-latest, steps: [{run: make test}]}
            """,
        Fix: """
            Set `permissions: {}` or `contents: read` at the top, and grant write scopes on the one job that needs them:

            permissions:
              contents: read
            jobs:
              release:
                permissions:
                  contents: write
            """,
        References:
        [
            "https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token",
            "https://github.com/ossf/scorecard/blob/main/docs/checks.md#token-permissions",
        ])
    { Compliance = Compliance.ExcessivePrivilege, Profiles = RuleProfile.Default, Aliases = ["excessive-permissions"] };

    public override RuleInfo Info => Rule;
    public override IReadOnlyList<FileKind> Kinds => WorkflowsOnly;

    public override void Check(ActionsDocument document, DocumentContext context)
    {
        if (document.Permissions is YamlScalar { Value: "write-all" } top)
            Report(context, document, top, "`permissions: write-all` gives every job a token that can write to everything in the repository; grant scopes per job");
        else if (document.Permissions is YamlMapping scopes)
        {
            var writes = WriteScopes(scopes);
            var inheriting = document.Jobs.Where(j => j.Permissions is null).Select(j => "`" + j.Id + "`").ToList();
            if (writes.Count > 0 && inheriting.Count >= 2)
                Report(context, document, document.PermissionsKey!,
                    $"workflow-level {string.Join(", ", writes)} applies to every job ({string.Join(", ", inheriting)}); move write scopes to the job that needs them",
                    Severity.Medium);
        }
        foreach (var job in document.Jobs)
            if (job.Permissions is YamlScalar { Value: "write-all" } jp)
                Report(context, document, jp, $"job `{job.Id}` asks for `write-all`: a token that can write to everything; list the scopes it uses");
    }

    static List<string> WriteScopes(YamlMapping scopes)
    {
        var result = new List<string>();
        foreach (var (k, v) in scopes.Pairs())
            if (v is YamlScalar { Value: "write" }) result.Add($"`{k.Value}: write`");
        return result;
    }
}
