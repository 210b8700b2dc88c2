using Bulwark.Core;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Code;

/// <summary>B503 — a function whose parameter defaults to a broken SSL/TLS protocol version.</summary>
public sealed class SslWithBadDefaults : CodeRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B503", Name: "ssl-with-bad-defaults", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.Medium, Cwe: 327,
        What: """
            Function definitions with a positional parameter defaulting to an SSLv2, SSLv3, TLS 1.0 or TLS 1.1 constant
            (`ssl.PROTOCOL_TLSv1`, `SSL.SSLv3_METHOD`…).
            """,
        Why: """
            Every caller that does not override the default negotiates a protocol with practical attacks (DROWN, POODLE,
            BEAST).
            """,
        Example: """
            def connect(host, version=ssl.PROTOCOL_SSLv3):
                ...
            """,
        Fix: """
            def connect(host, version=ssl.PROTOCOL_TLS_CLIENT):
                ...
            """,
        References: [Bandit.Doc("B503", "ssl_with_bad_defaults"), Bandit.Cwe(327)])
    {
        Compliance = Compliance.CleartextTransport,
        Aliases = ["S503"],
        Options = [SslProtocols.BadVersionsOption],
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.FunctionDef, NodeKind.AsyncFunctionDef];

    public override void Check(Node node, CodeContext context)
    {
        var bad = context.Options(this).StringList("bad_protocol_versions");
        foreach (var d in ((FunctionDef)node).Args.Defaults)
            if (d is AttributeExpr a && bad.Contains(a.Attr))
            {
                context.Report(this, d, $"Function definition with the insecure SSL/TLS protocol `{a.Attr}` as a default.");
                return;
            }
    }
}
