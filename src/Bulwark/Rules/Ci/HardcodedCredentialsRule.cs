using Bulwark.Documents.GitHubActions;
using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>GHA013: a credential written into the workflow: `env:`, a credential input of an action, or container registry credentials.</summary>
public sealed class HardcodedCredentialsRule : WorkflowRule
{
    public static readonly RuleInfo Rule = new(
        "GHA013", "hardcoded-credentials", Family.Ci, Severity.High, Confidence.Medium, 798,
        What: """
            A literal credential in a workflow or action: a value with a known token format (`ghp_…`, `AKIA…`,
            `pypi-…`, a private key) anywhere in `env:` or `with:`, a random-looking literal under a credential name
            (`API_TOKEN`, `password`…), or a literal `password` in `container`/`services` registry `credentials`.
            Test-database passwords of service containers and placeholders are not reported.
            """,
        Why: """
            A workflow file is readable by everyone who can read the repository (everyone, for a public one) and stays
            in its history forever after the line is deleted. A credential there is leaked; GitHub secrets are stored
            encrypted and masked in logs.
            """,
        Example: """
            env:
              PYPI_API_TOKEN: pypi-AgEIcHlwaS5vcmcCJGI4YjYw
            """,
        Fix: "Revoke the credential, store a new one as an encrypted secret, and reference it: `PYPI_API_TOKEN: ${{ secrets.PYPI_API_TOKEN }}`.",
        References:
        [
            "https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions",
        ])
    { Compliance = Compliance.HardcodedCredentials, Profiles = RuleProfile.Default, Aliases = ["hardcoded-container-credentials"] };

    public override RuleInfo Info => Rule;

    public override void Check(ActionsDocument document, DocumentContext context)
    {
        CheckEnv(document.Env, "workflow `env`", document, context);
        foreach (var job in document.Jobs)
        {
            CheckEnv(job.Env, $"job `{job.Id}` env", document, context);
            CheckRegistryCredentials(job.Container as YamlMapping, "job container", document, context);
            if (job.Services is { } services)
                foreach (var (name, service) in services.Pairs())
                    if (service is YamlMapping s)
                    {
                        CheckRegistryCredentials(s, $"service `{name.Value}`", document, context);
                        // Service containers are throwaway test databases: only a real token format counts there.
                        CheckEnv(s.GetMapping("env"), $"service `{name.Value}` env", document, context, tokenFormatOnly: true);
                    }
            foreach (var step in job.Steps)
            {
                CheckEnv(step.Env, "step env", document, context);
                CheckEnv(step.With, $"input of `{step.Uses?.Raw.Trim() ?? "step"}`", document, context);
            }
        }
    }

    void CheckEnv(YamlMapping? env, string where, ActionsDocument document, DocumentContext context, bool tokenFormatOnly = false)
    {
        if (env is null) return;
        foreach (var (key, value) in env.Pairs())
        {
            if (value is not YamlScalar v || v.IsNull || v.Value.Contains("${{", StringComparison.Ordinal)) continue;
            bool token = CredentialText.HasTokenFormat(v.Value);
            if (!token && (tokenFormatOnly || !CredentialText.IsCredentialName(key.Value) || !CredentialText.LooksLikeCredential(v.Value))) continue;
            Report(context, document, v, $"`{key.Value}` in the {where} is a literal credential, readable by anyone who can read the repository; store it as a secret",
                confidence: token ? Confidence.High : null, sensitive: true, fingerprintKey: where + ":" + key.Value);
        }
    }

    void CheckRegistryCredentials(YamlMapping? container, string where, ActionsDocument document, DocumentContext context)
    {
        if (container?.GetMapping("credentials") is not { } credentials) return;
        if (credentials["password"] is not YamlScalar password || password.IsNull || password.Value.Contains("${{", StringComparison.Ordinal)) return;
        Report(context, document, password, $"the {where}'s registry password is written in the workflow; use `${{{{ secrets.… }}}}`",
            confidence: Confidence.High, sensitive: true, fingerprintKey: where + ":password");
    }
}
