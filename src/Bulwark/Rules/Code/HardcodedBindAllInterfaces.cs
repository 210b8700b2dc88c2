using Bulwark.Core;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Code;

/// <summary>B104 — a string literal naming every network interface.</summary>
public sealed class HardcodedBindAllInterfaces : CodeRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B104", Name: "hardcoded-bind-all-interfaces", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.Medium, Cwe: 605,
        What: """
            String literals `"0.0.0.0"` (and, in the default profile, the IPv6 wildcard `"::"`), wherever they appear
            outside docstrings.
            """,
        Why: """
            A service bound to all interfaces is reachable from every network the host is on, not only the one it was
            meant for: an admin or debug endpoint becomes public.
            """,
        Example: """app.run(host="0.0.0.0", port=8080)""",
        Fix: """app.run(host=os.environ.get("BIND_ADDRESS", "127.0.0.1"), port=8080)""",
        References: [Bandit.Doc("B104", "hardcoded_bind_all_interfaces"), Bandit.Cwe(605)])
    {
        Compliance = Compliance.Misconfiguration,
        Aliases = ["S104"],
        Options = [new RuleOptionInfo("addresses", RuleOptionType.StringList, new[] { "0.0.0.0", "::" },
            "Literal addresses that mean every interface. Under `--profile bandit` the default is Bandit's: `0.0.0.0` only.")],
        DifferencesFromBandit = """
            Bandit 1.9 only knows `0.0.0.0`; the default profile also reports the IPv6 wildcard `::`.
            """,
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Constant];

    static readonly string[] BanditAddresses = ["0.0.0.0"];

    public override void Check(Node node, CodeContext context)
    {
        if (node is not Constant { ValueKind: ConstantKind.Str } c || Bandit.IsDocstringLike(c, context.Semantic)) return;
        var addresses = Bandit.ListOption(context, this, "addresses", BanditAddresses);
        for (int i = 0; i < addresses.Count; i++)
            if (c.AsString == addresses[i])
            {
                context.Report(this, c, $"Possible binding to all interfaces (`{addresses[i]}`).");
                return;
            }
    }
}
