using Bulwark.Documents.GitHubActions;
using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>GHA003: a privileged workflow checks out (and perhaps runs) the pull request's code: the "pwn request".</summary>
public sealed class UntrustedCheckoutRule : WorkflowRule
{
    public static readonly RuleInfo Rule = new(
        "GHA003", "untrusted-checkout", Family.Ci, Severity.Critical, Confidence.High, 829,
        What: """
            A workflow triggered by `pull_request_target`, `workflow_run` or `issue_comment` that checks out the pull
            request's head (`ref: ${{ github.event.pull_request.head.sha }}`, `refs/pull/N/merge`, `gh pr checkout`,
            `git fetch origin pull/N/head`…).
            """,
        Why: """
            These triggers run with the base repository's secrets and a token that can write, but the checked-out code
            is the attacker's: a build script, a test, a `setup.py`, a package.json script or a local action from the
            pull request then runs with those privileges and can steal the secrets or push to the repository. Critical
            when a later step builds, installs, tests or otherwise runs the checked-out code; high when it only checks
            it out. Jobs guarded so that only same-repository or merged pull requests (or comments by members) reach
            them are not reported.
            """,
        Example: """
            on: pull_request_target
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                    with:
                      ref: ${{ github.event.pull_request.head.sha }}
                  - run: pip install . && pytest
            """,
        Fix: """
            Run untrusted code only in `pull_request` workflows (read-only token, no secrets). If results must reach a
            privileged workflow, upload them as an artifact and process them as data in a separate `workflow_run`
            workflow that never executes them. Otherwise require a same-repository check such as
            `if: github.event.pull_request.head.repo.full_name == github.repository`.
            """,
        References:
        [
            "https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/",
            "https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions",
        ])
    { Compliance = Compliance.UntrustedCode, Profiles = RuleProfile.Default };

    public override RuleInfo Info => Rule;
    public override IReadOnlyList<FileKind> Kinds => WorkflowsOnly;

    public override void Check(ActionsDocument document, DocumentContext context)
    {
        var privileged = PullRequestCode.PrivilegedTriggersOf(document).Select(t => t.Event).ToList();
        if (privileged.Count == 0) return;
        var triggers = string.Join(", ", privileged.Select(e => "`" + e + "`"));
        foreach (var job in document.Jobs)
        {
            if (PullRequestCode.GuardsAgainstForks(Condition(job.If))) continue;
            foreach (var step in job.Steps)
            {
                if (PullRequestCode.GuardsAgainstForks(Condition(step.If))) continue;
                YamlNode? at = PullRequestCode.UntrustedCheckoutInput(step);
                if (at is null && step.Run is { } run)
                    foreach (var line in ShellScript.Lines(document.Text, run.Start, Math.Min(run.End, document.Text.Length)))
                        if (PullRequestCode.ScriptChecksOutHead(ShellScript.WithoutComment(line.Text)))
                        {
                            context.Report(this, line.Start + (line.Text.Length - line.Text.TrimStart().Length), line.End,
                                Message(step, triggers, document, out var sev), sev);
                            break;
                        }
                if (at is null) continue;
                Report(context, document, at, Message(step, triggers, document, out var severity), severity);
            }
        }
    }

    static string Message(Step checkout, string triggers, ActionsDocument document, out Severity severity)
    {
        Step? runner = null;
        if (PullRequestCode.RunsCheckedOutCode(checkout, document.Text) && checkout.Run is not null) runner = checkout;
        else
            foreach (var later in checkout.Later())
                if (PullRequestCode.RunsCheckedOutCode(later, document.Text)) { runner = later; break; }
        severity = runner is null ? Severity.High : Severity.Critical;
        var head = $"a workflow triggered by {triggers} checks out the pull request's code with the base repository's secrets and write token";
        if (runner is null) return head + "; nothing here runs it yet, but any build, install or test step added later would";
        if (ReferenceEquals(runner, checkout)) return head + ", and runs it in the same step: the pull request's author can steal the secrets or push to the repository";
        var line = document.Yaml.Text.AsSpan(0, Math.Min(runner.Node.Start, document.Text.Length)).Count('\n') + 1;
        return head + $", and the step at line {line} runs it: the pull request's author can steal the secrets or push to the repository";
    }
}
