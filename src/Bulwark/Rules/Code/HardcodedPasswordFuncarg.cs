using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B106 — a string literal passed as a password-like keyword argument.</summary>
public sealed class HardcodedPasswordFuncarg : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B106", Name: "hardcoded-password-funcarg", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.Medium, Cwe: 259,
        What: "Calls passing a string literal to a keyword argument named like a password or token (`password=`, `auth_token=`, `client_secret=`…). One finding per call, for the first such keyword.",
        Why: "The literal is a credential committed to the repository: everyone with read access has it, and changing it needs a release.",
        Example: "db.connect(user=\"app\", password=\"s3cr3t\")",
        Fix: "db.connect(user=\"app\", password=os.environ[\"DB_PASSWORD\"])",
        References: [Bandit.Doc("B106", "hardcoded_password_funcarg"), Bandit.Cwe(259)])
    {
        Aliases = ["S106"],
    };

    protected override void Check(CallSite call, CodeContext context)
    {
        foreach (var kw in call.Node.Keywords)
            if (kw.Value is Constant { ValueKind: ConstantKind.Str } value && PasswordNames.IsCandidate(kw.Name))
            {
                HardcodedPasswordString.Report(this, context, value, kw.Name!);
                return;
            }
    }
}
