using Bulwark.Documents.GitHubActions;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>GHA011: `${{ secrets.X }}` written into a `run:` script instead of passed through the environment.</summary>
public sealed class SecretInScriptRule : WorkflowRule
{
    public static readonly RuleInfo Rule = new(
        "GHA011", "secret-in-script", Family.Ci, Severity.Low, Confidence.High, 214,
        What: "A `${{ secrets.* }}` expression written directly into a `run:` script (usually as a command-line argument), other than on a line that prints it (`GHA010`).",
        Why: """
            The runner writes the expanded script to a file on the runner's disk, and a secret passed as an argument is
            visible to every process on the machine (`ps`) and to audit logging for as long as the command runs — a real
            exposure on self-hosted or shared runners. GitHub's own guidance is to pass secrets in environment
            variables or on standard input.
            """,
        Example: """
            steps:
              - run: twine upload -u __token__ -p ${{ secrets.PYPI_TOKEN }} dist/*
            """,
        Fix: """
            Put the secret in `env:` and let the tool read it, or reference the variable:

              - run: twine upload dist/*
                env:
                  TWINE_USERNAME: __token__
                  TWINE_PASSWORD: ${{ secrets.PYPI_TOKEN }}
            """,
        References:
        [
            "https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions#using-secrets-in-a-workflow",
        ])
    { Compliance = Compliance.SecretExposure with { Owasp = Owasp2021.A04InsecureDesign }, Profiles = RuleProfile.Default };

    public override RuleInfo Info => Rule;

    public override void Check(ActionsDocument document, DocumentContext context)
    {
        var text = document.Text;
        foreach (var step in AllSteps(document))
        {
            if (step.Run is not { } run) continue;
            foreach (var line in ShellScript.Lines(text, run.Start, Math.Min(run.End, text.Length)))
            {
                var code = ShellScript.WithoutComment(line.Text);
                if (ShellScript.PrintsToLog(code) || code.Contains("::add-mask::", StringComparison.Ordinal)) continue; // GHA010's, or masking
                // `echo "${{ secrets.X }}" | tool --password-stdin`: handed over on standard input, by a shell builtin.
                if (ShellScript.Prints(code) && code.Contains('|')) continue;
                foreach (var span in Expressions.Find(text, line.Start, line.Start + code.Length))
                {
                    if (Expressions.Parse(text, span.InnerStart, span.InnerEnd) is not { } e || SecretUse.SecretName(e) is not { } name) continue;
                    context.Report(this, span.Start, span.End,
                        $"secret `{name}` is written into the script, which lands on the runner's disk and, as an argument, in the process list; pass it through `env:` instead");
                }
            }
        }
    }
}
