using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B509 — SNMPv3 user without privacy (encryption).</summary>
public sealed class SnmpWeakCryptography : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B509", Name: "snmp-crypto-check", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 319,
        What: """
            `pysnmp.hlapi.UsmUserData(...)` with fewer than three positional arguments and no `privKey=`: the
            noAuthNoPriv or authNoPriv security levels.
            """,
        Why: """
            Without a privacy key SNMPv3 traffic is not encrypted: the data, and with noAuthNoPriv the requests
            themselves, can be read or forged on the network.
            """,
        Example: """UsmUserData("admin", "authkey1")""",
        Fix: """UsmUserData("admin", auth_key, priv_key)""",
        References: [Bandit.Doc("B509", "snmp_crypto_check"), Bandit.Cwe(319)])
    {
        Compliance = Compliance.CleartextTransport,
        Aliases = ["S509"],
        DifferencesFromBandit = """
            Bandit counts positional arguments only, so `UsmUserData(user, authKey=…, privKey=…)` is reported; Bulwark
            accepts a `privKey=` keyword.
            """,
    };

    public override CallInterest? Calls { get; } = new() { Names = ["pysnmp.hlapi.UsmUserData"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.Resolves("pysnmp.hlapi.UsmUserData") && call.PositionalCount < 3 && !call.HasKeyword("privKey"))
            context.Report(this, call.Node, "SNMPv3 without encryption (noAuthNoPriv or authNoPriv) is insecure.");
    }
}
