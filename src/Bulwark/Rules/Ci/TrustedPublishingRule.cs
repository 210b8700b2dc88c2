using Bulwark.Documents.GitHubActions;
using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>GHA020: publishing to PyPI with a long-lived API token where trusted publishing (OIDC) would need none.</summary>
public sealed class TrustedPublishingRule : WorkflowRule
{
    public static readonly RuleInfo Rule = new(
        "GHA020", "pypi-token-instead-of-trusted-publishing", Family.Ci, Severity.Low, Confidence.Medium, 798,
        What: """
            A workflow that uploads to PyPI with an API token: `pypa/gh-action-pypi-publish` with a `password:` input,
            or `twine upload`, `uv publish`, `poetry publish`, `flit publish`, `hatch publish` or `pdm publish` given a
            token (`-p`, `--password`, `--token`, or `TWINE_PASSWORD`, `UV_PUBLISH_TOKEN`, `POETRY_PYPI_TOKEN_*`,
            `FLIT_PASSWORD`, `HATCH_INDEX_AUTH`, `PDM_PUBLISH_PASSWORD` in `env:`).
            """,
        Why: """
            A PyPI token is a long-lived credential stored in the repository's secrets: anything that can read the
            secrets (an injection, a compromised action) can publish malicious releases until someone notices and
            revokes it. Trusted publishing lets PyPI trust the workflow's short-lived OIDC identity instead, so there is
            no token to steal.
            """,
        Example: """
            - uses: pypa/gh-action-pypi-publish@release/v1
              with:
                password: ${{ secrets.PYPI_API_TOKEN }}
            """,
        Fix: """
            Configure a trusted publisher for the project on PyPI, give the job `permissions: id-token: write`, and
            drop the token:

            - uses: pypa/gh-action-pypi-publish@release/v1
            """,
        References:
        [
            "https://docs.pypi.org/trusted-publishers/",
            "https://github.com/pypa/gh-action-pypi-publish#trusted-publishing",
        ])
    { Compliance = Compliance.HardcodedCredentials, Profiles = RuleProfile.Default, Aliases = ["use-trusted-publishing"] };

    static readonly string[] Uploaders = ["twine upload", "uv publish", "poetry publish", "flit publish", "hatch publish", "pdm publish"];
    static readonly string[] TokenVariables =
        ["TWINE_PASSWORD", "UV_PUBLISH_TOKEN", "UV_PUBLISH_PASSWORD", "FLIT_PASSWORD", "HATCH_INDEX_AUTH", "PDM_PUBLISH_PASSWORD", "POETRY_PYPI_TOKEN_"];

    public override RuleInfo Info => Rule;

    public override void Check(ActionsDocument document, DocumentContext context)
    {
        var flow = new ActionsDataflow(document);
        var text = document.Text;
        foreach (var job in document.Jobs)
            foreach (var step in job.Steps)
            {
                if (step.Uses is { } uses && uses.Is("pypa/gh-action-pypi-publish") && step.With?["password"] is YamlScalar password && !password.IsNull)
                {
                    var repo = step.Input("repository-url") ?? step.Input("repository_url") ?? "";
                    if (repo.Length == 0 || repo.Contains("pypi.org", StringComparison.OrdinalIgnoreCase))
                        Report(context, document, step.With.KeyNode("password")!,
                            "PyPI upload with an API token; configure trusted publishing (OIDC) and remove the token so there is no long-lived credential to steal");
                    continue;
                }
                if (step.Run is not { } run) continue;
                foreach (var line in ShellScript.Lines(text, run.Start, Math.Min(run.End, text.Length)))
                {
                    var code = ShellScript.WithoutComment(line.Text);
                    var uploader = Uploaders.FirstOrDefault(u => code.Contains(u, StringComparison.Ordinal));
                    if (uploader is null || code.Contains("--repository", StringComparison.Ordinal) && !code.Contains("pypi", StringComparison.Ordinal)) continue;
                    bool tokenArgument = code.Contains(" -p ", StringComparison.Ordinal) || code.Contains("--password", StringComparison.Ordinal) ||
                                         code.Contains("--token", StringComparison.Ordinal) || code.Contains(" -t ", StringComparison.Ordinal);
                    bool tokenVariable = TokenVariables.Any(v => HasEnv(v, job, step, flow));
                    if (!tokenArgument && !tokenVariable) continue;
                    int indent = line.Text.Length - line.Text.TrimStart().Length;
                    context.Report(this, line.Start + indent, line.End,
                        $"`{uploader}` with a PyPI API token; configure trusted publishing (OIDC) and remove the token so there is no long-lived credential to steal");
                    break;
                }
            }
    }

    static bool HasEnv(string name, Job job, Step step, ActionsDataflow flow)
    {
        if (!name.EndsWith('_')) return flow.EnvEntry(name, job, step) is not null;
        foreach (var env in new[] { step.Env, job.Env, flow.Document.Env })
            if (env is not null)
                foreach (var (k, _) in env.Pairs())
                    if (k.Value.StartsWith(name, StringComparison.Ordinal)) return true;
        return false;
    }
}
