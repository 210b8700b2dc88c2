using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B412 — CGI handlers exposed to httpoxy.</summary>
public sealed class ImportHttpoxy : BlacklistedImport
{
    static readonly string[] Names = ["wsgiref.handlers.CGIHandler", "twisted.web.twcgi.CGIScript", "twisted.web.twcgi.CGIDirectory"];

    protected override IReadOnlyList<string> Modules => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B412", Name: "import-httpoxy", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 284,
        What: """
            Imports and calls of `wsgiref.handlers.CGIHandler`, `twisted.web.twcgi.CGIScript` and
            `twisted.web.twcgi.CGIDirectory`.
            """,
        Why: """
            Under CGI, a request's `Proxy:` header becomes the `HTTP_PROXY` environment variable, which many HTTP
            clients obey: an attacker can route the application's outgoing requests through their own proxy (httpoxy,
            CVE-2016-5385 and relatives).
            """,
        Example: """
            from wsgiref.handlers import CGIHandler
            CGIHandler().run(app)
            """,
        Fix: "# serve the WSGI app with a WSGI server (gunicorn, uWSGI) instead of CGI",
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_imports.html#b412-import-httpoxy"])
    {
        Compliance = Compliance.Misconfiguration,
        Aliases = ["S412"],
    };

    protected override string Message(string name) =>
        $"`{name}` runs under CGI, where the request's Proxy header can set HTTP_PROXY (httpoxy).";
}
