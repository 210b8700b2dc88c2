using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG301 — Starlette/FastAPI `CORSMiddleware` allowing every origin with credentials.</summary>
public sealed class StarletteCorsAnyOriginWithCredentials : CallRule
{
    static readonly string[] Middleware = ["starlette.middleware.cors.CORSMiddleware", "fastapi.middleware.cors.CORSMiddleware"];

    public override RuleInfo Info { get; } = new(
        Id: "CFG301", Name: "starlette-cors-any-origin-with-credentials", Family: Family.Configuration,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 942,
        What: """
            Starlette's (and FastAPI's) `CORSMiddleware`, added with `app.add_middleware(CORSMiddleware, …)`,
            `Middleware(CORSMiddleware, …)` or constructed directly, with `allow_credentials=True` and
            `allow_origins` containing `"*"` or `allow_origin_regex` matching everything.
            """,
        Why: """
            For a credentialed request Starlette answers a wildcard configuration by echoing the caller's origin, so
            every web site can call the API with the user's cookies and read the responses.
            """,
        Example: """
            app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)
            """,
        Fix: """
            app.add_middleware(
                CORSMiddleware,
                allow_origins=["https://app.example.com"],
                allow_credentials=True,
                allow_methods=["GET", "POST"],
            )
            """,
        References: ["https://www.starlette.io/middleware/#corsmiddleware",
                     "https://fastapi.tiangolo.com/tutorial/cors/"])
    {
        Compliance = Compliance.Misconfiguration,
    };

    public override CallInterest? Calls { get; } = new() { Names = [.. Middleware, "starlette.middleware.Middleware", "fastapi.middleware.Middleware"], LastNames = ["add_middleware"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        bool direct = call.ResolvesAny(Middleware);
        bool wrapped = !direct && call.PositionalCount > 0 && context.Semantic.QualifiedName(call.Node.Args[0]) is { } q && Array.IndexOf(Middleware, q) >= 0
            && (call.Name == "add_middleware" || call.QualifiedName is "starlette.middleware.Middleware" or "fastapi.middleware.Middleware");
        if (!direct && !wrapped) return;
        if (call.Value("allow_credentials") is not { Truthy: true }) return;
        var origins = call.Arg("allow_origins");
        var regex = call.Arg("allow_origin_regex");
        if (context.Semantic.Evaluate(origins) is { Kind: ValueKind.List or ValueKind.Tuple } list && list.Items!.Any(i => i?.AsString == "*"))
            context.Report(this, origins!, "`CORSMiddleware` allows every origin with credentials: any site can call this API as the logged-in user.");
        else if (context.Semantic.StringValue(regex) is ".*" or "^.*$" or ".+" or "https?://.*")
            context.Report(this, regex!, "`allow_origin_regex` matches every origin and credentials are allowed: any site can call this API as the logged-in user.");
    }
}
