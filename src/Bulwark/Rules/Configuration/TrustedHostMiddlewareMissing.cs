using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG303 — a FastAPI/Starlette application without Host-header validation, or with one that accepts any host.</summary>
public sealed class TrustedHostMiddlewareMissing : CallRule
{
    static readonly string[] Apps = ["fastapi.FastAPI", "starlette.applications.Starlette"];
    static readonly string[] TrustedHost = ["starlette.middleware.trustedhost.TrustedHostMiddleware", "fastapi.middleware.trustedhost.TrustedHostMiddleware"];

    public override RuleInfo Info { get; } = new(
        Id: "CFG303", Name: "trusted-host-middleware-missing", Family: Family.Configuration,
        Severity: Severity.Low, Confidence: Confidence.Low, Cwe: 20,
        What: """
            A module that creates a `FastAPI(…)` or Starlette `Starlette(…)` application and never refers to
            `TrustedHostMiddleware` (low confidence: a proxy in front may validate `Host`), and
            `TrustedHostMiddleware` configured with `allowed_hosts` containing `"*"` (medium confidence).
            """,
        Why: """
            Without Host validation, URLs the application builds from the request (`request.url_for`, redirects,
            password-reset links) follow whatever `Host` header an attacker sends: link poisoning and cache poisoning.
            """,
        Example: """
            app = FastAPI()
            """,
        Fix: """
            from fastapi.middleware.trustedhost import TrustedHostMiddleware

            app = FastAPI()
            app.add_middleware(TrustedHostMiddleware, allowed_hosts=["example.com", "*.example.com"])
            """,
        References: ["https://www.starlette.io/middleware/#trustedhostmiddleware",
                     "https://fastapi.tiangolo.com/advanced/middleware/#trustedhostmiddleware"])
    {
        Compliance = Compliance.Misconfiguration,
    };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.ResolvesAny(Apps))
        {
            if (MentionsTrustedHost(context)) return;
            context.Report(this, call.Node, "The application does not validate the `Host` header: add `TrustedHostMiddleware` with the hosts it serves.");
            return;
        }
        bool configured = call.ResolvesAny(TrustedHost)
            || (call.PositionalCount > 0 && context.Semantic.QualifiedName(call.Node.Args[0]) is { } q && Array.IndexOf(TrustedHost, q) >= 0);
        if (configured && call.Arg("allowed_hosts") is { } hosts && context.Semantic.Evaluate(hosts) is { Kind: ValueKind.List or ValueKind.Tuple } list
            && list.Items!.Any(i => i?.AsString == "*"))
            context.Report(this, hosts, "`TrustedHostMiddleware` allows every host (`\"*\"`): the Host header is not validated.", Severity.Low, Confidence.Medium);
    }

    static bool MentionsTrustedHost(CodeContext context)
    {
        foreach (var n in context.Semantic.ImportedNames)
            if (n.EndsWith("TrustedHostMiddleware", StringComparison.Ordinal) || n.EndsWith(".trustedhost", StringComparison.Ordinal)) return true;
        return context.File.Text.Text.Contains("TrustedHostMiddleware", StringComparison.Ordinal);
    }
}
