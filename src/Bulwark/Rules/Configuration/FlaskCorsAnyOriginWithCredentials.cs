using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG204 — Flask-CORS allowing every origin together with credentials.</summary>
public sealed class FlaskCorsAnyOriginWithCredentials : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "CFG204", Name: "flask-cors-any-origin-with-credentials", Family: Family.Configuration,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 942,
        What: """
            `flask_cors.CORS(app, supports_credentials=True)` or `@cross_origin(supports_credentials=True)` whose
            `origins` is missing (Flask-CORS then allows every origin), `"*"`, or a pattern matching everything.
            Every origin without credentials is how public APIs work and is not reported.
            """,
        Why: """
            Flask-CORS answers a credentialed request from any origin by echoing that origin back, so any web site the
            user visits can call the API with the user's cookies and read the answers.
            """,
        Example: """
            CORS(app, supports_credentials=True)
            """,
        Fix: """
            CORS(app, origins=["https://app.example.com"], supports_credentials=True)
            """,
        References: ["https://flask-cors.readthedocs.io/en/latest/api.html",
                     "https://portswigger.net/web-security/cors"])
    {
        Compliance = Compliance.Misconfiguration,
    };

    public override CallInterest? Calls { get; } = new() { Names = ["flask_cors.CORS", "flask_cors.cross_origin"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.QualifiedName is not ("flask_cors.CORS" or "flask_cors.cross_origin")) return;
        if (call.Value("supports_credentials") is not { Truthy: true }) return;
        var origins = call.Arg("origins");
        if (origins is not null && !MatchesAll(context.Semantic.Evaluate(origins))) return;
        context.Report(this, origins ?? (Node)call.Node, "CORS allows every origin with credentials: any site can call this API as the logged-in user.");
    }

    static bool MatchesAll(ConstValue? v) => v switch
    {
        { Kind: ValueKind.Str } s => s.AsString is "*" or ".*" or "^.*$",
        { Kind: ValueKind.List or ValueKind.Tuple } l => l.Items!.Any(MatchesAll),
        _ => false,
    };
}
