using Bulwark.Core;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Code;

/// <summary>CRY003 — an `ssl` context allowing SSL 3.0, TLS 1.0 or TLS 1.1 through `minimum_version`.</summary>
public sealed class TlsOldMinimumVersion : CodeRule
{
    public override RuleInfo Info { get; } = new(
        Id: "CRY003", Name: "tls-old-minimum-version", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 327,
        What: """
            `ctx.minimum_version` set to `ssl.TLSVersion.SSLv3`, `TLSv1`, `TLSv1_1` or `MINIMUM_SUPPORTED`, and
            `ctx.maximum_version` capped at one of them. Protocol constants such as `ssl.PROTOCOL_TLSv1` are B502's.
            """,
        Why: """
            SSL 3.0, TLS 1.0 and 1.1 are deprecated (RFC 8996) and have practical attacks (POODLE, BEAST); allowing them
            lets an attacker who can interfere with the handshake downgrade the connection.
            """,
        Example: """
            ctx.minimum_version = ssl.TLSVersion.TLSv1
            """,
        Fix: """
            ctx.minimum_version = ssl.TLSVersion.TLSv1_2
            """,
        References: ["https://docs.python.org/3/library/ssl.html#ssl.SSLContext.minimum_version",
                     "https://datatracker.ietf.org/doc/html/rfc8996"])
    {
        Compliance = Compliance.CleartextTransport,
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Assign];

    public override void Check(Node node, CodeContext context)
    {
        var a = (Assign)node;
        foreach (var t in a.Targets)
        {
            if (t is not AttributeExpr { Attr: "minimum_version" or "maximum_version" } attr) continue;
            if (context.Semantic.QualifiedName(a.Value) is not { } q || !q.StartsWith("ssl.TLSVersion.", StringComparison.Ordinal)) continue;
            var version = q[15..];
            if (version is not ("SSLv3" or "TLSv1" or "TLSv1_1" or "MINIMUM_SUPPORTED")) continue;
            context.Report(this, a.Value, attr.Attr == "minimum_version"
                ? $"TLS connections may use {version}, a deprecated protocol: set `minimum_version` to `ssl.TLSVersion.TLSv1_2` or later."
                : $"TLS connections are capped at {version}, a deprecated protocol.");
        }
    }
}
