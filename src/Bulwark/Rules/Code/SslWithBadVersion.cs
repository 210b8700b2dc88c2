using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B502 — a call that selects a broken SSL/TLS protocol version.</summary>
public sealed class SslWithBadVersion : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B502", Name: "ssl-with-bad-version", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 327,
        What: """
            `ssl.wrap_socket(ssl_version=…)` and `OpenSSL.SSL.Context(method=…)` with SSLv2, SSLv3, TLS 1.0 or TLS 1.1
            (high), and any other call passing such a constant as `ssl_version=` or `method=` (medium).
            """,
        Why: """
            These protocol versions have practical attacks (DROWN, POODLE, BEAST) that let a network attacker decrypt or
            tamper with the connection.
            """,
        Example: "ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLSv1)",
        Fix: """
            ctx = ssl.create_default_context()
            ctx.minimum_version = ssl.TLSVersion.TLSv1_2
            ctx.wrap_socket(sock, server_hostname=host)
            """,
        References: [Bandit.Doc("B502", "ssl_with_bad_version"), Bandit.Cwe(327)])
    {
        Compliance = Compliance.CleartextTransport,
        Aliases = ["S502"],
        Options = [SslProtocols.BadVersionsOption],
    };

    /// <summary>Every finding is an insecure value passed as `ssl_version=` or `method=`.</summary>
    public override CallInterest? Calls { get; } = new() { Keywords = ["method", "ssl_version"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        var bad = context.Options(this).StringList("bad_protocol_versions");
        var q = call.QualifiedName;
        if (q == "ssl.wrap_socket")
        {
            if (IsBad(call, "ssl_version", bad, context) is { } v)
                context.Report(this, v, "`ssl.wrap_socket` with an insecure SSL/TLS protocol version.");
        }
        else if (q is "pyOpenSSL.SSL.Context" or "OpenSSL.SSL.Context")
        {
            if (IsBad(call, "method", bad, context) is { } v)
                context.Report(this, v, "`SSL.Context` with an insecure SSL/TLS protocol version.");
        }
        else if ((IsBad(call, "method", bad, context) ?? IsBad(call, "ssl_version", bad, context)) is { } v)
            context.Report(this, v, "Function call with an insecure SSL/TLS protocol version.", Severity.Medium, Confidence.Medium);
    }

    static Expr? IsBad(CallSite call, string keyword, IReadOnlyList<string> bad, CodeContext context) =>
        call.Keyword(keyword) is { } k && context.Semantic.SymbolName(k.Value) is { } s && bad.Contains(s) ? k.Value : null;
}
