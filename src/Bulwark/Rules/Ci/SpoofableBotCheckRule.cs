using System.Text.RegularExpressions;
using Bulwark.Documents.GitHubActions;
using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>GHA019: trusting a pull request because `github.actor` is a bot: the actor is whoever acted last, not who wrote the code.</summary>
public sealed partial class SpoofableBotCheckRule : WorkflowRule
{
    public static readonly RuleInfo Rule = new(
        "GHA019", "spoofable-bot-check", Family.Ci, Severity.High, Confidence.Medium, 290,
        What: """
            An `if:` that compares `github.actor` or `github.triggering_actor` with a bot account (`dependabot[bot]`,
            `renovate[bot]`…) in a workflow that pull requests can trigger.
            """,
        Why: """
            `github.actor` is the account behind the latest event, not the author of the pull request: an attacker can
            open a pull request, wait for the bot to update it (or trigger the bot themselves), and the condition then
            waves the attacker's code through into a step meant only for the bot, such as auto-merge or a privileged
            build.
            """,
        Example: """
            on: pull_request_target
            jobs:
              automerge:
                if: github.actor == 'dependabot[bot]'
                runs-on: ubuntu-latest
                steps:
                  - run: gh pr merge --auto "$PR"
            """,
        Fix: "Check the pull request's author instead: `if: github.event.pull_request.user.login == 'dependabot[bot]'`, and prefer `pull_request` with Dependabot secrets for bot automation.",
        References:
        [
            "https://docs.github.com/en/code-security/dependabot/working-with-dependabot/automating-dependabot-with-github-actions",
            "https://www.synacktiv.com/publications/github-actions-exploitation-dependabot",
        ])
    { Compliance = Compliance.SpoofableIdentity, Profiles = RuleProfile.Default, Aliases = ["bot-conditions"] };

    static readonly string[] Triggers = ["pull_request_target", "pull_request", "workflow_run", "issue_comment", "pull_request_review", "pull_request_review_comment"];

    public override RuleInfo Info => Rule;
    public override IReadOnlyList<FileKind> Kinds => WorkflowsOnly;

    public override void Check(ActionsDocument document, DocumentContext context)
    {
        if (!document.Triggers.Any(t => Triggers.Contains(t.Event))) return;
        foreach (var job in document.Jobs)
        {
            CheckCondition(job.If, document, context);
            foreach (var step in job.Steps) CheckCondition(step.If, document, context);
        }
    }

    void CheckCondition(YamlNode? node, ActionsDocument document, DocumentContext context)
    {
        if (node is not YamlScalar s || !s.Value.Contains("actor", StringComparison.OrdinalIgnoreCase)) return;
        var m = ActorIsBot().Match(s.Value);
        if (!m.Success) return;
        Report(context, document, s,
            "`github.actor` names whoever caused the latest event, which an attacker can arrange to be the bot; check `github.event.pull_request.user.login` instead");
    }

    [GeneratedRegex(@"github\.(triggering_)?actor\s*==\s*'[^']*\[bot\]'|'[^']*\[bot\]'\s*==\s*github\.(triggering_)?actor|(contains|startsWith|endsWith)\(\s*github\.(triggering_)?actor\s*,\s*'[^']*(bot|dependabot|renovate)[^']*'",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActorIsBot();
}
