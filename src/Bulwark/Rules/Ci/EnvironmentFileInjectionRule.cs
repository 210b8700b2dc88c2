using Bulwark.Documents.GitHubActions;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>GHA018: a privileged workflow writes attacker-controlled text to `$GITHUB_ENV` or `$GITHUB_PATH`.</summary>
public sealed class EnvironmentFileInjectionRule : WorkflowRule
{
    public static readonly RuleInfo Rule = new(
        "GHA018", "github-env-injection", Family.Ci, Severity.High, Confidence.Medium, 77,
        What: """
            In a workflow triggered by `pull_request_target`, `workflow_run`, `issue_comment`, `issues` or
            `discussion…`, a `run:` line that appends to `$GITHUB_ENV` or `$GITHUB_PATH` text an outsider controls: an
            expression or environment variable from the capability table, or the content of a file from an artifact of
            the triggering run or from a checkout of the pull request.
            """,
        Why: """
            Every later step of the job starts with the variables and PATH these files define. An attacker who controls
            the text can add a line such as `LD_PRELOAD=…` or `NODE_OPTIONS=--require …`, or a directory that shadows
            `git`, and so run code with the workflow's secrets and write token — even when no step ever runs the pull
            request's code.
            """,
        Example: """
            on: workflow_run
            jobs:
              comment:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/download-artifact@v4
                    with:
                      run-id: ${{ github.event.workflow_run.id }}
                      github-token: ${{ github.token }}
                  - run: echo "PR_NUMBER=$(cat pr.txt)" >> "$GITHUB_ENV"
            """,
        Fix: "Pass untrusted values between steps with `$GITHUB_OUTPUT` and `env:`, validate them (a number must be digits), and never write them to the environment files.",
        References:
        [
            "https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/workflow-commands-for-github-actions#setting-an-environment-variable",
            "https://securitylab.github.com/advisories/GHSL-2024-177_Litestar/",
            "https://www.synacktiv.com/en/publications/github-actions-exploitation-repo-jacking-and-environment-manipulation",
        ])
    { Compliance = Compliance.Injection, Profiles = RuleProfile.Default, Aliases = ["github-env"] };

    static readonly string[] Privileged = ["pull_request_target", "workflow_run", "issue_comment", "issues", "discussion", "discussion_comment"];

    public override RuleInfo Info => Rule;
    public override IReadOnlyList<FileKind> Kinds => WorkflowsOnly;

    public override void Check(ActionsDocument document, DocumentContext context)
    {
        if (!document.Triggers.Any(t => Privileged.Contains(t.Event))) return;
        var flow = new ActionsDataflow(document);
        foreach (var job in document.Jobs)
            foreach (var step in job.Steps)
            {
                if (step.Run is not { } run) continue;
                foreach (var (line, taint) in flow.ScriptTaint(run, job, step))
                {
                    var code = ShellScript.WithoutComment(line.Text);
                    if (!ShellScript.WritesEnvironmentFile(code, out var file)) continue;
                    string? source = taint?.Source;
                    if (source is null && ReadsFile(code) && UntrustedFilesBefore(step) is { } files) source = files;
                    if (source is null) continue;
                    int indent = line.Text.Length - line.Text.TrimStart().Length;
                    context.Report(this, line.Start + indent, line.End,
                        $"{source} is written to `${file}`: a crafted value can define variables such as `LD_PRELOAD` or shadow commands for every later step, which run with this workflow's secrets",
                        related: taint is null ? null : Steps(context, taint.Path));
                }
            }
    }

    static bool ReadsFile(string line) =>
        line.Contains("$(cat ", StringComparison.Ordinal) || line.Contains("`cat ", StringComparison.Ordinal) || line.Contains("$(<", StringComparison.Ordinal) ||
        line.TrimStart().StartsWith("cat ", StringComparison.Ordinal) || line.Contains("$(jq", StringComparison.Ordinal) || line.Contains("$(head", StringComparison.Ordinal);

    /// <summary>Where files of the job come from the outsider: an artifact of the triggering run, or a checkout of the pull request.</summary>
    static string? UntrustedFilesBefore(Step step)
    {
        foreach (var earlier in step.Earlier())
        {
            if (earlier.Uses is not { } uses) continue;
            if ((uses.Is("actions/download-artifact") && (earlier.Input("run-id") ?? "").Contains("workflow_run", StringComparison.Ordinal)) ||
                uses.Is("dawidd6/action-download-artifact"))
                return "the content of an artifact from the triggering run (which a fork's pull request produced)";
            if (PullRequestCode.UntrustedCheckoutInput(earlier) is not null)
                return "the content of a file from the pull request's checkout";
        }
        return null;
    }
}
