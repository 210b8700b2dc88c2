using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B508 — SNMP v1 or v2c selected.</summary>
public sealed class SnmpInsecureVersion : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B508", Name: "snmp-insecure-version-check", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 319,
        What: "`pysnmp.hlapi.CommunityData(..., mpModel=0)` or `mpModel=1` (SNMPv1 / SNMPv2c).",
        Why: """
            SNMPv1 and v2c authenticate with a community string sent in clear text and do not encrypt: anyone on the
            path can read it and then query or reconfigure the device.
            """,
        Example: """CommunityData("public", mpModel=0)""",
        Fix: """UsmUserData("admin", auth_key, priv_key, authProtocol=usmHMACSHAAuthProtocol, privProtocol=usmAesCfb128Protocol)""",
        References: [Bandit.Doc("B508", "snmp_insecure_version_check"), Bandit.Cwe(319)])
    {
        Compliance = Compliance.CleartextTransport,
        Aliases = ["S508"],
    };

    public override CallInterest? Calls { get; } = new() { Names = ["pysnmp.hlapi.CommunityData"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (!call.Resolves("pysnmp.hlapi.CommunityData")) return;
        if (call.Keyword("mpModel") is { } model && context.Semantic.IntValue(model.Value) is { } v && (v == 0 || v == 1))
            context.Report(this, call.Node, "SNMPv1 and SNMPv2c are insecure; use SNMPv3.");
    }
}
