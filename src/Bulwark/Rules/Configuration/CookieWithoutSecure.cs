using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG403 — a cookie set by a web response without the Secure attribute.</summary>
public sealed class CookieWithoutSecure : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "CFG403", Name: "cookie-without-secure", Family: Family.Configuration,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 614,
        What: """
            `response.set_cookie(...)` in a module that uses Flask, Werkzeug, Quart, Django, Starlette, FastAPI or
            aiohttp, with `secure=False` (or another false constant), or without `secure` at all: every one of these
            frameworks then leaves the Secure attribute off. A `secure` argument computed at run time
            (`secure=app.config["SECURE"]`, `secure=request.is_secure`) and a call passing `**options` are not
            reported, nor is clearing a cookie (no value, an empty one or `None`, `max_age=0`, `expires=0`). In such a
            module any `set_cookie` method is taken to be a response's. The session cookie is
            configured in settings instead (CFG105 for Django, CFG202 for Flask).
            """,
        Why: """
            A cookie without Secure is also sent over plain HTTP: one `http://` link, redirect or injected request on a
            hostile network, and the cookie (often a session, remember-me or CSRF token) travels in clear text for
            anyone on the path to read and replay.
            """,
        Example: """
            resp = make_response(render_template("home.html"))
            resp.set_cookie("remember_me", token, httponly=True)
            """,
        Fix: """
            resp.set_cookie("remember_me", token, secure=True, httponly=True, samesite="Lax")
            """,
        References: ["https://owasp.org/www-community/controls/SecureCookieAttribute",
                     "https://cwe.mitre.org/data/definitions/614.html",
                     "https://flask.palletsprojects.com/en/stable/api/#flask.Response.set_cookie",
                     "https://docs.djangoproject.com/en/stable/ref/request-response/#django.http.HttpResponse.set_cookie"])
    {
        Compliance = Compliance.Misconfiguration,
    };

    public override CallInterest? Calls { get; } = new() { LastNames = ["set_cookie"] };

    static readonly string[] WebFrameworks = ["flask", "werkzeug", "quart", "django", "starlette", "fastapi", "aiohttp"];

    // `set_cookie(key, value, max_age, expires, path, domain, secure, ...)` in Werkzeug, Django and Starlette.
    const int SecurePosition = 6;

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.Node.Func is not AttributeExpr { Attr: "set_cookie" } || call.HasKeywordUnpacking) return;
        if (call.Node.Args.Any(a => a is Starred)) return;
        var imported = context.Semantic.ImportedModules;
        if (!WebFrameworks.Any(imported.Contains)) return;
        // Clearing a cookie (no value, or expiring it now) sends nothing worth reading.
        if (call.Arg("value", 1) is null || context.Semantic.Evaluate(call.Arg("value", 1)) is { } v && (v.IsNone || v.AsString == "")) return;
        if (call.Value("max_age", 2) is { } age && age.AsInt == 0 || call.Value("expires", 3) is { } expires && expires.AsInt == 0) return;
        var secure = call.Arg("secure", SecurePosition);
        if (secure is null)
        {
            context.Report(this, call.Node, "Cookie set without `secure=True`: the browser also sends it over plain HTTP.");
            return;
        }
        if (context.Semantic.Evaluate(secure) is { } value && !value.Truthy)
            context.Report(this, secure, "Cookie set with the Secure attribute turned off: the browser also sends it over plain HTTP.");
    }
}
