using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG103 — `SECURE_SSL_REDIRECT` not true in deployed settings (security.W008).</summary>
public sealed class DjangoSslRedirectMissing : DjangoSettingsRule
{
    public override RuleInfo Info { get; } = new(
        Id: "CFG103", Name: "django-ssl-redirect-missing", Family: Family.Configuration,
        Severity: Severity.Medium, Confidence: Confidence.Medium, Cwe: 319,
        What: """
            Deployed Django settings that set `SECURE_SSL_REDIRECT` to a false constant, or never set it (Django's
            default is `False`). A missing setting is reported on the first line of the deployment's settings module,
            with medium confidence when the module is named for production and low otherwise. Not reported when
            `DEBUG` is a true constant there (CFG101 reports that deployment as a development one).
            """,
        Why: """
            Without the redirect, plain-HTTP requests are served as they come: session cookies, credentials and pages
            travel unencrypted unless a proxy in front redirects (then say so by setting it from the environment).
            """,
        Example: """
            # settings/production.py
            from .base import *
            DEBUG = False
            """,
        Fix: """
            SECURE_SSL_REDIRECT = True
            # behind a TLS-terminating proxy that sets X-Forwarded-Proto:
            SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
            """,
        References: ["https://docs.djangoproject.com/en/stable/ref/settings/#secure-ssl-redirect",
                     "https://docs.djangoproject.com/en/stable/ref/checks/#security"])
    {
        Compliance = Compliance.CleartextTransport,
    };

    protected override void Check(SettingsView view, DjangoProject.Reporter report)
    {
        if (DjangoProject.IsTrue(view.Get("DEBUG"))) return;
        var v = view.Get("SECURE_SSL_REDIRECT");
        if (v is null) report.Missing(view, "`SECURE_SSL_REDIRECT` is not set in deployed settings: plain-HTTP requests are not redirected to HTTPS (security.W008).");
        else if (DjangoProject.IsFalse(v)) report.At(v.Module, v.Value!, $"`SECURE_SSL_REDIRECT` is false{Where(v, view)}: plain-HTTP requests are not redirected to HTTPS (security.W008).");
    }
}
