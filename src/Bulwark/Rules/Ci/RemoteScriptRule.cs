using Bulwark.Documents.GitHubActions;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>GHA015: a script downloaded and executed in one go (`curl … | sh`).</summary>
public sealed class RemoteScriptRule : WorkflowRule
{
    public static readonly RuleInfo Rule = new(
        "GHA015", "curl-pipe-shell", Family.Ci, Severity.Medium, Confidence.High, 494,
        What: """
            A `run:` line that downloads a script and runs it without keeping or checking it: `curl … | sh`,
            `wget -O- … | bash`, `bash <(curl …)`, `sh -c "$(curl …)"`, `curl … | python`, PowerShell `iwr … | iex`.
            """,
        Why: """
            Whatever the server returns at that moment runs in the job, with its token and secrets: a compromised
            download host, a hijacked domain or a changed installer becomes code execution in your pipeline, and nothing
            records what ran. Checksums and pinned versions make the download verifiable.
            """,
        Example: """
            steps:
              - run: curl -sSL https://install.python-poetry.org | python3 -
            """,
        Fix: """
            Download a pinned version to a file, verify its checksum, then run it — or use a pinned action or the
            package manager:

              - run: |
                  curl -sSLo install.sh https://example.com/v1.2.3/install.sh
                  echo "<sha256>  install.sh" | sha256sum --check
                  sh install.sh
            """,
        References:
        [
            "https://github.com/ossf/scorecard/blob/main/docs/checks.md#pinned-dependencies",
        ])
    { Compliance = Compliance.UnverifiedIntegrity, Profiles = RuleProfile.Default };

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
                var m = ShellScript.RemoteScriptExecution(code);
                if (!m.Success) continue;
                context.Report(this, line.Start + m.Index, line.Start + m.Index + m.Length,
                    "a downloaded script is executed without being pinned or verified: whatever the server returns runs with this job's secrets; download a pinned version, check its checksum, then run it");
            }
        }
    }
}
