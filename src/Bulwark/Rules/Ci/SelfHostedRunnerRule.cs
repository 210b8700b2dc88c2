using Bulwark.Documents.GitHubActions;
using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>GHA016: a self-hosted runner in a workflow that pull requests from forks can trigger.</summary>
public sealed class SelfHostedRunnerRule : WorkflowRule
{
    public static readonly RuleInfo Rule = new(
        "GHA016", "self-hosted-runner-on-pull-request", Family.Ci, Severity.High, Confidence.Medium, 269,
        What: """
            A job that runs on a `self-hosted` runner in a workflow triggered by pull requests or comments
            (`pull_request`, `pull_request_target`, `pull_request_review…`, `issue_comment`).
            """,
        Why: """
            On a public repository anyone can open a pull request, and a pull request's code runs on the runner: on a
            persistent self-hosted machine it can install a backdoor that later jobs (with secrets) inherit, read other
            jobs' files, or reach the internal network the machine sits in. GitHub advises against self-hosted runners
            for public repositories. Confidence is medium because Bulwark cannot see whether the repository is public or
            the runner ephemeral.
            """,
        Example: """
            on: pull_request
            jobs:
              test:
                runs-on: [self-hosted, linux]
            """,
        Fix: """
            Use GitHub-hosted runners for pull-request workflows, or ephemeral (just-in-time) self-hosted runners in an
            isolated network, and require approval for workflows from outside contributors.
            """,
        References:
        [
            "https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#hardening-for-self-hosted-runners",
        ])
    { Compliance = Compliance.ExcessivePrivilege, Profiles = RuleProfile.Default, Aliases = ["self-hosted-runner"] };

    public override RuleInfo Info => Rule;
    public override IReadOnlyList<FileKind> Kinds => WorkflowsOnly;

    public override void Check(ActionsDocument document, DocumentContext context)
    {
        var triggers = document.Triggers.Where(t => GitHubContexts.PullRequestTriggers.Contains(t.Event)).Select(t => "`" + t.Event + "`").ToList();
        if (triggers.Count == 0) return;
        foreach (var job in document.Jobs)
            if (SelfHostedLabel(job.RunsOn) is { } label)
                Report(context, document, label,
                    $"job `{job.Id}` runs on a self-hosted runner in a workflow triggered by {string.Join(", ", triggers)}: code from a fork's pull request can run on, and persist in, that machine");
    }

    static YamlScalar? SelfHostedLabel(YamlNode? runsOn)
    {
        switch (runsOn)
        {
            case YamlScalar s when s.Value.Trim().Equals("self-hosted", StringComparison.OrdinalIgnoreCase): return s;
            case YamlSequence seq:
                foreach (var item in seq.Items)
                    if (item is YamlScalar i && i.Value.Trim().Equals("self-hosted", StringComparison.OrdinalIgnoreCase)) return i;
                return null;
            case YamlMapping m:
                return SelfHostedLabel(m["labels"]);
            default:
                return null;
        }
    }
}
