using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

using Bulwark.Secrets;

namespace Bulwark.Rules.Secrets;

/// <summary>B106 — a string literal passed as a password-like keyword argument.</summary>
public sealed class HardcodedPasswordFuncarg : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B106", Name: "hardcoded-password-funcarg", Family: Family.Secrets,
        Severity: Severity.Low, Confidence: Confidence.Medium, Cwe: 259,
        What: "Calls passing a string literal to a keyword argument named like a password or token (`password=`, `auth_token=`, `client_secret=`…). One finding per call, for the first such keyword.",
        Why: "The literal is a credential committed to the repository: everyone with read access has it, and changing it needs a release.",
        Example: "db.connect(user=\"app\", password=\"s3cr3t\")",
        Fix: SecretHelp.MoveToEnvironment("db.connect(user=\"app\", password=os.environ[\"DB_PASSWORD\"])"),
        References: [Bandit.Doc("B106", "hardcoded_password_funcarg"), Bandit.Cwe(259)])
    {
        Compliance = Compliance.HardcodedCredentials,
        Aliases = ["S106"],
        Profiles = RuleProfile.Bandit,
        DifferencesFromBandit = "Bandit's check, kept as is for `--profile bandit`. The default profile reports keyword arguments through BW105, which also inspects every keyword (not only the first), names such as `api_key`, and skips placeholders and values recognised by their provider format (BW800).",
    };

    protected override void Check(CallSite call, CodeContext context)
    {
        foreach (var kw in call.Node.Keywords)
            if (kw.Value is Constant { ValueKind: ConstantKind.Str } value && SecretNames.MatchesBanditPattern(kw.Name))
            {
                HardcodedPasswordString.Report(this, context, value, kw.Name!);
                return;
            }
    }
}
