using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B504 — `ssl.wrap_socket` without a protocol version.</summary>
public sealed class SslWithNoVersion : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B504", Name: "ssl-with-no-version", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.Medium, Cwe: 327,
        What: "`ssl.wrap_socket(...)` calls without `ssl_version=`.",
        Why: """
            The default negotiates the highest version both sides support, which on old peers or builds can be a broken
            one; `ssl.wrap_socket` is also deprecated (removed in Python 3.12) and does not verify hostnames.
            """,
        Example: "ssl.wrap_socket(sock)",
        Fix: "ssl.create_default_context().wrap_socket(sock, server_hostname=host)",
        References: [Bandit.Doc("B504", "ssl_with_no_version"), Bandit.Cwe(327)])
    {
        Compliance = Compliance.CleartextTransport,
        Aliases = ["S504"],
    };

    public override CallInterest? Calls { get; } = new() { Names = ["ssl.wrap_socket"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.Resolves("ssl.wrap_socket") && !call.HasKeyword("ssl_version"))
            context.Report(this, call.Node, "`ssl.wrap_socket` without an SSL/TLS protocol version: the default may be insecure.");
    }
}
