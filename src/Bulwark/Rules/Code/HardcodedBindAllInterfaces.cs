using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

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
            Bandit 1.9 only knows `0.0.0.0`; the default profile also reports the IPv6 wildcard `::`, where it is
            given as an address: a `host=`/`address=`/`bind=`-like argument, the host of a `(host, port)` tuple (a
            number or a `port`-named value second), the first argument of a `bind`/`listen`/`serve`/`run`/server call,
            or a value assigned to or keyed by such a name. Text `::` elsewhere (a C++ or Haskell token in a lexer, a
            separator in a string) is not an address.
            """,
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Constant];

    static readonly string[] BanditAddresses = ["0.0.0.0"];

    public override StringInterest StringsFor(ScanSettings settings) =>
        new() { Values = Bandit.ListOption(settings, this, "addresses", BanditAddresses) };

    public override void Check(Node node, CodeContext context)
    {
        if (node is not Constant { ValueKind: ConstantKind.Str } c) return;
        var addresses = Bandit.ListOption(context, this, "addresses", BanditAddresses);
        for (int i = 0; i < addresses.Count; i++)
            if (c.AsString == addresses[i])
            {
                if (Bandit.IsDocstringLike(c, context.Semantic)) return;
                if (addresses[i] == "::" && context.Settings.Profile != RuleProfile.Bandit && !GivenAsAddress(c)) return;
                context.Report(this, c, $"Possible binding to all interfaces (`{addresses[i]}`).");
                return;
            }
    }

    /// <summary>
    /// Whether the literal is used as a network address: an address-like keyword argument, the host of a
    /// `(host, port)` tuple, the first argument of a binding or serving call, or what an address-like name or key holds.
    /// </summary>
    static bool GivenAsAddress(Constant c) => c.Parent switch
    {
        Keyword { Name: { } name } => AddressLike(name),
        TupleExpr { Elts: [var first, var second, ..] } => ReferenceEquals(first, c) && PortLike(second),
        Call { Args: [var first, ..] } call => ReferenceEquals(first, c) && SemanticModel.SimpleName(call.Func) is { } f && ServesLike(f),
        Assign a => a.Targets.Any(t => SemanticModel.SimpleName(t) is { } n && AddressLike(n)),
        AnnAssign { Target: var t } => SemanticModel.SimpleName(t) is { } n && AddressLike(n),
        DictExpr d => d.Values.Select((v, i) => (v, i)).Any(x => ReferenceEquals(x.v, c) && d.Keys[x.i] is Constant { AsString: { } key } && AddressLike(key)),
        _ => false,
    };

    /// <summary>A port: a number, or a value named like one (`port`, `self.listen_port`, `PORT`).</summary>
    static bool PortLike(Expr e) =>
        e is Constant { ValueKind: ConstantKind.Int }
        || SemanticModel.SimpleName(e) is { } n && n.Contains("port", StringComparison.OrdinalIgnoreCase);

    static bool AddressLike(string name)
    {
        var n = name.ToLowerInvariant();
        return n.Contains("host") || n.Contains("addr") || n.Contains("bind") || n.Contains("listen") || n.Contains("interface")
            || n is "ip" or "ipv6" or "iface" || n.EndsWith("_ip", StringComparison.Ordinal);
    }

    static bool ServesLike(string callee)
    {
        var n = callee.ToLowerInvariant();
        return n.Contains("bind") || n.Contains("listen") || n.Contains("serve") || n.Contains("server") || n is "run" or "run_simple";
    }
}
