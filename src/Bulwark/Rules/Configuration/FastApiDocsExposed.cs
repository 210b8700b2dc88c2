using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG302 — FastAPI's interactive documentation left on with its defaults.</summary>
public sealed class FastApiDocsExposed : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "CFG302", Name: "fastapi-docs-exposed", Family: Family.Configuration,
        Severity: Severity.Low, Confidence: Confidence.Low, Cwe: 200,
        What: """
            `FastAPI(…)` created without `docs_url`, `redoc_url` or `openapi_url`, so `/docs`, `/redoc` and
            `/openapi.json` are served wherever the application runs, production included. Passing any of them (a
            value from configuration such as `docs_url=None if settings.production else "/docs"`) counts as a decision
            and is not reported. Low confidence: public APIs may want their documentation served.
            """,
        Why: """
            The OpenAPI schema lists every route, parameter and model, including internal and admin endpoints, and the
            Swagger UI lets anyone try them: a map for an attacker that an internal API should not hand out.
            """,
        Example: """
            app = FastAPI()
            """,
        Fix: """
            production = os.environ.get("ENV") == "production"
            app = FastAPI(
                docs_url=None if production else "/docs",
                redoc_url=None,
                openapi_url=None if production else "/openapi.json",
            )
            """,
        References: ["https://fastapi.tiangolo.com/tutorial/metadata/#docs-urls",
                     "https://fastapi.tiangolo.com/how-to/conditional-openapi/"])
    {
        Compliance = Compliance.Misconfiguration,
    };

    public override CallInterest? Calls { get; } = new() { Names = ["fastapi.FastAPI"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (!call.Resolves("fastapi.FastAPI") || call.HasKeywordUnpacking) return;
        if (call.HasKeyword("docs_url") || call.HasKeyword("redoc_url") || call.HasKeyword("openapi_url")) return;
        context.Report(this, call.Node, "FastAPI serves `/docs`, `/redoc` and `/openapi.json` by default: disable them in production (`docs_url=None`, `openapi_url=None`).");
    }
}
