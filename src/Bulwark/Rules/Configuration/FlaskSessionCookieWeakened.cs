using Bulwark.Core;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG202 — Flask session cookie flags weakened in configuration.</summary>
public sealed class FlaskSessionCookieWeakened : FlaskConfigRule
{
    public override RuleInfo Info { get; } = new(
        Id: "CFG202", Name: "flask-session-cookie-weakened", Family: Family.Configuration,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 614,
        What: """
            Flask configuration production runs with (writes on the app, and the effective settings of the
            configuration classes it loads, read as CFG201 describes) that sets `SESSION_COOKIE_SECURE` or
            `REMEMBER_COOKIE_SECURE` to false, `SESSION_COOKIE_HTTPONLY` or `REMEMBER_COOKIE_HTTPONLY` to false, or
            `SESSION_COOKIE_SAMESITE` to `"None"`. Unset keys are Flask's defaults and are not reported.
            """,
        Why: """
            Flask keeps the whole session in the cookie. Without `Secure` it travels over plain HTTP; without
            `HttpOnly` an XSS can read it; with `SameSite=None` every cross-site request carries it (CSRF).
            """,
        Example: """
            app.config.update(SESSION_COOKIE_SECURE=False, SESSION_COOKIE_HTTPONLY=False, SESSION_COOKIE_SAMESITE="None")
            """,
        Fix: """
            app.config.update(
                SESSION_COOKIE_SECURE=True,
                SESSION_COOKIE_HTTPONLY=True,
                SESSION_COOKIE_SAMESITE="Lax",
            )
            """,
        References: ["https://flask.palletsprojects.com/en/latest/security/#set-cookie-options",
                     "https://flask.palletsprojects.com/en/latest/config/#SESSION_COOKIE_SECURE"])
    {
        Compliance = Compliance.CleartextTransport,
    };

    protected override void Check(FlaskSetting s, Action<string, Severity?> report)
    {
        switch (s.Key)
        {
            case "SESSION_COOKIE_SECURE" or "REMEMBER_COOKIE_SECURE" when s.Constant is { IsFalse: true }:
                report($"`{s.Key}` is false: the cookie is also sent over plain HTTP.", null);
                break;
            case "SESSION_COOKIE_HTTPONLY" or "REMEMBER_COOKIE_HTTPONLY" when s.Constant is { IsFalse: true }:
                report($"`{s.Key}` is false: scripts (and any XSS) can read the cookie.", null);
                break;
            case "SESSION_COOKIE_SAMESITE" when s.Constant?.AsString is { } v && string.Equals(v, "None", StringComparison.OrdinalIgnoreCase):
                report("`SESSION_COOKIE_SAMESITE` is \"None\": the session cookie goes with every cross-site request.", Severity.Low);
                break;
        }
    }
}
