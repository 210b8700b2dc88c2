using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B113 — an HTTP request that can wait forever.</summary>
public sealed class RequestWithoutTimeout : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B113", Name: "request-without-timeout", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.Low, Cwe: 400,
        What: """
            `requests` calls (`get`, `post`, `put`, `patch`, `delete`, `head`, `options`) without a `timeout=` argument,
            and `requests` or `httpx` calls (including `httpx.Client`/`AsyncClient`, `request`, `stream`) with
            `timeout=None`.
            """,
        Why: """
            `requests` waits forever by default: a slow or malicious server holds the worker, and a handful of such
            requests exhaust a service's threads or connections (denial of service).
            """,
        Example: "r = requests.get(url)",
        Fix: "r = requests.get(url, timeout=10)",
        References: [Bandit.Doc("B113", "request_without_timeout"), Bandit.Cwe(400),
                     "https://requests.readthedocs.io/en/latest/user/advanced/#timeouts"])
    {
        Compliance = Compliance.ResourceExhaustion,
        Aliases = ["S113"],
    };

    public override CallInterest? Calls { get; } = new() { Roots = ["requests", "httpx"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (HttpClients.Library(call) is not { } library) return;
        var timeout = call.Keyword("timeout");
        if (timeout is null)
        {
            if (library == "requests") context.Report(this, call.Node, "Call to `requests` without a timeout: it can wait forever.");
        }
        else if (timeout.Value is Constant { ValueKind: ConstantKind.None })
            context.Report(this, timeout.Value, $"Call to `{library}` with `timeout=None`: it can wait forever.");
    }
}
