using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>CI102: a credential written into `.gitlab-ci.yml` `variables:`.</summary>
public sealed class GitLabHardcodedCredentialsRule : GitLabRule
{
    public static readonly RuleInfo Rule = new(
        "CI102", "gitlab-hardcoded-credentials", Family.Ci, Severity.High, Confidence.Medium, 798,
        What: """
            A literal credential in the `variables:` of a `.gitlab-ci.yml` (global or per job): a value with a known
            token format, or a random-looking literal under a credential name (`API_TOKEN`, `DB_PASSWORD`…).
            Placeholders and short test passwords are not reported.
            """,
        Why: "The file is readable by everyone who can read the repository and stays in its history; GitLab's masked and protected CI/CD variables exist for credentials.",
        Example: """
            variables:
              DEPLOY_TOKEN: glpat-AbCdEfGhIjKlMnOpQrSt
            """,
        Fix: "Revoke the credential and define it as a masked, protected CI/CD variable in the project or group settings instead.",
        References:
        [
            "https://docs.gitlab.com/ci/variables/#cicd-variable-security",
        ])
    { Compliance = Compliance.HardcodedCredentials, Profiles = RuleProfile.Default };

    public override RuleInfo Info => Rule;

    public override void Check(YamlFile document, DocumentContext context)
    {
        if (document.Root is not YamlMapping root) return;
        foreach (var (where, variables) in GitLabCi.VariableBlocks(root))
            foreach (var (key, value) in variables.Pairs())
            {
                var v = value switch { YamlScalar s => s, YamlMapping m => m["value"] as YamlScalar, _ => null };
                if (v is null || v.IsNull || v.Value.Contains('$')) continue;
                bool token = CredentialText.HasTokenFormat(v.Value);
                if (!token && (!CredentialText.IsCredentialName(key.Value) || !CredentialText.LooksLikeCredential(v.Value))) continue;
                context.Report(this, v.Start, Math.Max(v.Start + 1, v.End),
                    $"`{key.Value}` in the {where} is a literal credential, readable by anyone who can read the repository; make it a masked CI/CD variable",
                    confidence: token ? Confidence.High : null, sensitive: true, fingerprintKey: where + ":" + key.Value);
            }
    }
}
