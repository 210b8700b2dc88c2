using Bulwark.Documents.GitHubActions;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>GHA002: `pull_request_target` and `workflow_run`, privileged triggers that outsiders can set off.</summary>
public sealed class DangerousTriggerRule : WorkflowRule
{
    public static readonly RuleInfo Rule = new(
        "GHA002", "dangerous-trigger", Family.Ci, Severity.Medium, Confidence.Medium, 829,
        What: """
            Workflows triggered by `pull_request_target` or `workflow_run`. Both run in the context of the base
            repository — with its secrets and a token that can write — although a pull request from any fork sets them off.
            """,
        Why: """
            Such a workflow must never treat anything from the pull request as trusted: checking out its code, building
            it, reading its artifacts, or interpolating its title or branch name hands the attacker the repository's
            privileges ("pwn request"). Even without an explicit checkout, argument injection, environment files or
            symbolic links in a pull request have turned such workflows into code execution. The finding is low when no
            step checks out code or runs a script, medium otherwise; `GHA003` reports a checkout of the untrusted head
            itself.
            """,
        Example: """
            on: pull_request_target
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: make test
            """,
        Fix: """
            Use `pull_request` (read-only token, no secrets for forks) unless the job really needs to write to the base
            repository. If it does, split it: an unprivileged `pull_request` workflow builds and uploads results, and a
            privileged one only consumes them as data. Restrict `pull_request_target` with branch filters and a
            `github.repository` check, and give the workflow minimal `permissions`.
            """,
        References:
        [
            "https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/",
            "https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#pull_request_target",
            "https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#workflow_run",
        ])
    { Compliance = Compliance.UntrustedCode, Profiles = RuleProfile.Default, Aliases = ["dangerous-triggers"] };

    public override RuleInfo Info => Rule;
    public override IReadOnlyList<FileKind> Kinds => WorkflowsOnly;

    public override void Check(ActionsDocument document, DocumentContext context)
    {
        bool contained = true;
        foreach (var step in AllSteps(document))
            if (step.Run is not null || step.Uses is { Kind: UsesKind.Local } || (step.Uses is { } u && u.Is("actions/checkout")))
                contained = false;
        foreach (var trigger in document.Triggers)
        {
            if (trigger.Event is not ("pull_request_target" or "workflow_run")) continue;
            var what = trigger.Event == "pull_request_target"
                ? "`pull_request_target` runs with the base repository's secrets and write token for pull requests from any fork"
                : "`workflow_run` runs with the base repository's secrets and write token after a run that a fork's pull request can start";
            var message = contained
                ? what + "; no step checks out code or runs a script here, keep it that way"
                : what + "; never check out, build or trust anything from the pull request in it";
            // From `on:` to the trigger, so that a suppression comment on either line applies (zizmor's sit on `on:`).
            int start = document.OnKey is { } on && on.Start < trigger.Node.Start ? on.Start : trigger.Node.Start;
            context.Report(this, start, trigger.Node.End, message, contained ? Severity.Low : Severity.Medium, fingerprintKey: trigger.Event);
        }
    }
}
