using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B501 — an HTTPS request that does not check the server's certificate.</summary>
public sealed class RequestWithNoCertValidation : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B501", Name: "request-with-no-cert-validation", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 295,
        What: """
            `requests` and `httpx` request calls (and `httpx.Client`/`AsyncClient`) with `verify=False` (or a constant
            that evaluates to false).
            """,
        Why: """
            Without certificate validation anyone on the network path can impersonate the server and read or alter the
            traffic, credentials included (man in the middle).
            """,
        Example: """requests.get("https://internal/api", verify=False)""",
        Fix: """requests.get("https://internal/api", verify="/etc/ssl/internal-ca.pem")""",
        References: [Bandit.Doc("B501", "request_with_no_cert_validation"), Bandit.Cwe(295)])
    {
        Compliance = Compliance.CertificateValidation,
        Aliases = ["S501"],
    };

    public override CallInterest? Calls { get; } = new() { Roots = ["requests", "httpx"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (HttpClients.Library(call) is not { } library) return;
        if (call.Keyword("verify") is { } verify && context.Semantic.Evaluate(verify.Value) is { IsFalse: true })
            context.Report(this, verify.Value, $"Call to `{library}` with `verify=False` disables TLS certificate checks.");
    }
}
