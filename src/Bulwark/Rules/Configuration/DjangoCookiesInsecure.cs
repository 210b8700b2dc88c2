using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG105 — session and CSRF cookies without `Secure`, session cookie readable by scripts (security.W010–W016).</summary>
public sealed class DjangoCookiesInsecure : DjangoSettingsRule
{
    public override RuleInfo Info { get; } = new(
        Id: "CFG105", Name: "django-cookies-insecure", Family: Family.Configuration,
        Severity: Severity.Medium, Confidence: Confidence.Medium, Cwe: 614,
        What: """
            Deployed Django settings where `SESSION_COOKIE_SECURE` or `CSRF_COOKIE_SECURE` is false or missing (Django
            defaults both to `False`; security.W010–W012, W016), or `SESSION_COOKIE_HTTPONLY` is set to a false constant
            (W013–W015; the default, `True`, is fine). Skipped when `DEBUG` is a true constant.
            """,
        Why: """
            A cookie without `Secure` is sent over plain HTTP too, where anyone on the network can read the session id
            and take over the session. A session cookie without `HttpOnly` can be read by any script an XSS injects.
            """,
        Example: """
            SESSION_COOKIE_SECURE = False
            SESSION_COOKIE_HTTPONLY = False
            """,
        Fix: """
            SESSION_COOKIE_SECURE = True
            CSRF_COOKIE_SECURE = True
            SESSION_COOKIE_HTTPONLY = True  # the default
            """,
        References: ["https://docs.djangoproject.com/en/stable/ref/settings/#session-cookie-secure",
                     "https://docs.djangoproject.com/en/stable/ref/settings/#csrf-cookie-secure",
                     "https://cwe.mitre.org/data/definitions/614.html"])
    {
        Compliance = Compliance.CleartextTransport,
    };

    protected override void Check(SettingsView view, DjangoProject.Reporter report)
    {
        if (DjangoProject.IsTrue(view.Get("DEBUG"))) return;
        foreach (var (name, check) in new[] { ("SESSION_COOKIE_SECURE", "W010–W012"), ("CSRF_COOKIE_SECURE", "W016") })
        {
            var v = view.Get(name);
            if (v is null) report.Missing(view, $"`{name}` is not set in deployed settings: the cookie is also sent over plain HTTP (security.{check}).");
            else if (DjangoProject.IsFalse(v)) report.At(v.Module, v.Value!, $"`{name}` is false{Where(v, view)}: the cookie is also sent over plain HTTP (security.{check}).");
        }
        var httpOnly = view.Get("SESSION_COOKIE_HTTPONLY");
        if (DjangoProject.IsFalse(httpOnly))
            report.At(httpOnly!.Module, httpOnly.Value!, $"`SESSION_COOKIE_HTTPONLY` is false{Where(httpOnly, view)}: scripts can read the session cookie (security.W013–W015).");
    }
}
