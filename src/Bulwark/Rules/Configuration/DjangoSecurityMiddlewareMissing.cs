using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG107 — security, CSRF or clickjacking middleware missing from `MIDDLEWARE` (security.W001, W002, W003).</summary>
public sealed class DjangoSecurityMiddlewareMissing : DjangoSettingsRule
{
    static readonly (string Path, string Check, string Effect)[] Required =
    [
        ("django.middleware.security.SecurityMiddleware", "W001", "no HSTS, SSL redirect, nosniff or referrer-policy headers"),
        ("django.middleware.csrf.CsrfViewMiddleware", "W003", "no CSRF protection for any view"),
        ("django.middleware.clickjacking.XFrameOptionsMiddleware", "W002", "pages can be framed by any site (clickjacking)"),
    ];

    public override RuleInfo Info { get; } = new(
        Id: "CFG107", Name: "django-security-middleware-missing", Family: Family.Configuration,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 352,
        What: """
            A deployed Django `MIDDLEWARE` list, known in full, without `SecurityMiddleware` (security.W001),
            `XFrameOptionsMiddleware` (W002) or `CsrfViewMiddleware` (W003). A list built from the environment, extended
            elsewhere (`MIDDLEWARE += …`) or set conditionally is not reported.
            """,
        Why: """
            These middleware are what turn the security settings into headers and checks: without `CsrfViewMiddleware`
            no form is CSRF-protected, without `XFrameOptionsMiddleware` pages can be framed, without
            `SecurityMiddleware` the HSTS, SSL-redirect and nosniff settings do nothing.
            """,
        Example: """
            MIDDLEWARE = [
                "django.contrib.sessions.middleware.SessionMiddleware",
                "django.middleware.common.CommonMiddleware",
                "django.contrib.auth.middleware.AuthenticationMiddleware",
            ]
            """,
        Fix: """
            MIDDLEWARE = [
                "django.middleware.security.SecurityMiddleware",
                "django.contrib.sessions.middleware.SessionMiddleware",
                "django.middleware.common.CommonMiddleware",
                "django.middleware.csrf.CsrfViewMiddleware",
                "django.contrib.auth.middleware.AuthenticationMiddleware",
                "django.contrib.messages.middleware.MessageMiddleware",
                "django.middleware.clickjacking.XFrameOptionsMiddleware",
            ]
            """,
        References: ["https://docs.djangoproject.com/en/stable/ref/middleware/",
                     "https://docs.djangoproject.com/en/stable/ref/csrf/"])
    {
        Compliance = Compliance.Misconfiguration,
    };

    protected override void Check(SettingsView view, DjangoProject.Reporter report)
    {
        var middleware = view.Get("MIDDLEWARE");
        if (DjangoProject.Strings(middleware) is not { } items) return;
        foreach (var (path, check, effect) in Required)
        {
            if (items.Exists(i => i.Value == path)) continue;
            report.At(middleware!.Module, middleware.Value!, $"`MIDDLEWARE` lacks `{path}`{Where(middleware, view)}: {effect} (security.{check}).",
                check == "W001" ? Severity.Medium : null);
        }
    }
}
