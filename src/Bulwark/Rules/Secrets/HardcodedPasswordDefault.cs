using Bulwark.Core;
using Bulwark.Python.Syntax;

using Bulwark.Secrets;

namespace Bulwark.Rules.Secrets;

/// <summary>B107 — a string literal as the default of a password-like parameter.</summary>
public sealed class HardcodedPasswordDefault : CodeRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B107", Name: "hardcoded-password-default", Family: Family.Secrets,
        Severity: Severity.Low, Confidence: Confidence.Medium, Cwe: 259,
        What: "Function definitions whose positional parameter named like a password or token has a string literal default. One finding per function, for the first such parameter (keyword-only parameters are not inspected, as in Bandit).",
        Why: "Every caller that omits the argument uses the committed credential, which anyone with the source can read.",
        Example: "def connect(host, password=\"admin\"):\n    ...",
        Fix: SecretHelp.MoveToEnvironment("def connect(host, password=None):\n    password = password or os.environ[\"DB_PASSWORD\"]"),
        References: [Bandit.Doc("B107", "hardcoded_password_default"), Bandit.Cwe(259)])
    {
        Compliance = Compliance.HardcodedCredentials,
        Aliases = ["S107"],
        Profiles = RuleProfile.Bandit,
        DifferencesFromBandit = "Bandit's check, kept as is for `--profile bandit`. The default profile reports parameter defaults through BW105, which also inspects keyword-only parameters and every parameter (not only the first), and skips placeholders.",
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.FunctionDef, NodeKind.AsyncFunctionDef];

    public override void Check(Node node, CodeContext context)
    {
        var args = ((FunctionDef)node).Args;
        // Defaults align with the last positional parameters; Bandit pairs them with `args` only.
        int offset = args.Args.Count - args.Defaults.Count;
        for (int i = Math.Max(0, offset); i < args.Args.Count; i++)
        {
            var def = args.Defaults[i - offset];
            if (def is Constant { ValueKind: ConstantKind.Str } value && SecretNames.MatchesBanditPattern(args.Args[i].Name))
            {
                HardcodedPasswordString.Report(this, context, value, args.Args[i].Name);
                return;
            }
        }
    }
}
