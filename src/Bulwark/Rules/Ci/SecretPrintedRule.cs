using Bulwark.Documents.GitHubActions;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>GHA010: a `run:` step prints a secret to the log.</summary>
public sealed class SecretPrintedRule : WorkflowRule
{
    public static readonly RuleInfo Rule = new(
        "GHA010", "secret-printed", Family.Ci, Severity.Medium, Confidence.Medium, 532,
        What: """
            `echo`, `printf`, `print`, `Write-Host` or `cat <<` of a `${{ secrets.* }}` expression, or of an environment
            variable set from one, whose output goes to the job log (not piped into a command or redirected to a file).
            """,
        Why: """
            GitHub masks a secret's exact value in logs, but not its transformations (base64, URL encoding, a JSON
            field, one line of a multi-line key), and a masked log line still tells a reader the secret was there. Logs
            of public repositories are public; anyone with read access can read a private one's.
            """,
        Example: """
            steps:
              - run: echo "token is ${{ secrets.API_TOKEN }}"
            """,
        Fix: "Do not print secrets. To hand one to a program, pass it in `env:` or on standard input (`echo \"$TOKEN\" | docker login --password-stdin`).",
        References:
        [
            "https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions#using-secrets-in-a-workflow",
        ])
    { Compliance = Compliance.SecretExposure with { Owasp = Owasp2021.A09SecurityLoggingAndMonitoringFailures }, Profiles = RuleProfile.Default };

    public override RuleInfo Info => Rule;

    public override void Check(ActionsDocument document, DocumentContext context)
    {
        var flow = new ActionsDataflow(document);
        var text = document.Text;
        foreach (var job in document.Jobs)
            foreach (var step in job.Steps)
            {
                if (step.Run is not { } run) continue;
                foreach (var line in ShellScript.Lines(text, run.Start, Math.Min(run.End, text.Length)))
                {
                    var code = ShellScript.WithoutComment(line.Text);
                    // `::add-mask::` registers a value for masking: printing it is how that works.
                    if (!ShellScript.PrintsToLog(code) || code.Contains("::add-mask::", StringComparison.Ordinal)) continue;
                    string? secret = null;
                    foreach (var span in Expressions.Find(text, line.Start, line.End))
                        if (Expressions.Parse(text, span.InnerStart, span.InnerEnd) is { } e && SecretUse.SecretName(e) is { } name) { secret = "secret `" + name + "`"; break; }
                    if (secret is null)
                        foreach (var (name, _, _) in ShellScript.VariableReferences(code))
                            if (SecretUse.IsSecretVariable(name, job, step, flow)) { secret = $"`${name}` (set from a secret)"; break; }
                    if (secret is null) continue;
                    int indent = line.Text.Length - line.Text.TrimStart().Length;
                    context.Report(this, line.Start + indent, line.End,
                        $"this line prints {secret} to the job log; masking misses any transformed form of it, so do not print secrets");
                }
            }
    }
}
