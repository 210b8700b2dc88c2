using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>CI112: a credential written into a Jenkinsfile.</summary>
public sealed class JenkinsHardcodedCredentialsRule : FileRule
{
    public static readonly RuleInfo Rule = new(
        "CI112", "jenkins-hardcoded-credentials", Family.Ci, Severity.High, Confidence.Medium, 798,
        What: """
            A string literal with a known token format, or a random-looking literal assigned to a credential name
            (`environment { API_TOKEN = '…' }`, `def password = "…"`, `password: '…'`), in a Jenkinsfile.
            """,
        Why: "The Jenkinsfile lives in the repository: everyone who can read it, now or in its history, has the credential. Jenkins' credentials store keeps it encrypted and masks it in logs.",
        Example: """
            environment {
              DEPLOY_TOKEN = 'ghp_0123456789abcdefghijklmnopqrstuvwxyz'
            }
            """,
        Fix: "Revoke the credential, add it to the Jenkins credentials store, and bind it: `DEPLOY_TOKEN = credentials('deploy-token')` or `withCredentials([...])`.",
        References:
        [
            "https://www.jenkins.io/doc/book/pipeline/jenkinsfile/#handling-credentials",
        ])
    { Compliance = Compliance.HardcodedCredentials, Profiles = RuleProfile.Default, ExampleLanguage = "groovy" };

    public override RuleInfo Info => Rule;
    public override bool AppliesTo(DiscoveredFile file) => file.Kind == FileKind.Jenkinsfile;

    public override void Check(SourceFile file, FileContext context)
    {
        foreach (var (name, start, end, value) in Jenkinsfile.LiteralAssignments(file.Text.Text))
        {
            bool token = CredentialText.HasTokenFormat(value);
            if (!token && (!CredentialText.IsCredentialName(name) || !CredentialText.LooksLikeCredential(value))) continue;
            context.Report(this, start, Math.Max(start + 1, end),
                $"`{name}` is a literal credential in the Jenkinsfile, readable by anyone who can read the repository; use the credentials store",
                sensitive: true, fingerprintKey: "jenkins:" + name);
        }
    }
}
