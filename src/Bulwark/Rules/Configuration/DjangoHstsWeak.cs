using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG104 — HTTP Strict Transport Security off, short or partial in deployed settings (security.W004, W005, W021).</summary>
public sealed class DjangoHstsWeak : DjangoSettingsRule
{
    /// <summary>One year, the age the HSTS preload list requires and Django's deployment checklist suggests.</summary>
    const long RecommendedSeconds = 31_536_000;

    public override RuleInfo Info { get; } = new(
        Id: "CFG104", Name: "django-hsts-weak", Family: Family.Configuration,
        Severity: Severity.Medium, Confidence: Confidence.Medium, Cwe: 319,
        What: """
            Deployed Django settings where `SECURE_HSTS_SECONDS` is missing or 0 (security.W004), shorter than a year,
            or where HSTS is on but `SECURE_HSTS_INCLUDE_SUBDOMAINS` (W005) or `SECURE_HSTS_PRELOAD` (W021) is a false
            constant or missing. Skipped when `DEBUG` is a true constant.
            """,
        Why: """
            Without HSTS a browser's first request of each visit may go over plain HTTP, where an attacker on the
            network can strip TLS and read or change everything. Subdomains left out can set cookies for the parent
            domain over HTTP.
            """,
        Example: """
            SECURE_HSTS_SECONDS = 3600
            """,
        Fix: """
            SECURE_HSTS_SECONDS = 31536000  # one year; start small and raise it once HTTPS works everywhere
            SECURE_HSTS_INCLUDE_SUBDOMAINS = True
            SECURE_HSTS_PRELOAD = True
            """,
        References: ["https://docs.djangoproject.com/en/stable/ref/middleware/#http-strict-transport-security",
                     "https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Strict_Transport_Security_Cheat_Sheet.html"])
    {
        Compliance = Compliance.CleartextTransport,
    };

    protected override void Check(SettingsView view, DjangoProject.Reporter report)
    {
        if (DjangoProject.IsTrue(view.Get("DEBUG"))) return;
        var seconds = view.Get("SECURE_HSTS_SECONDS");
        if (seconds is null) { report.Missing(view, "`SECURE_HSTS_SECONDS` is not set in deployed settings: browsers are not told to use HTTPS only (security.W004)."); return; }
        if (seconds.Constant is not { Kind: ValueKind.Int or ValueKind.Bool } c) return;
        var n = c.AsInt!.Value;
        if (n <= 0) { report.At(seconds.Module, seconds.Value!, $"`SECURE_HSTS_SECONDS` is {n}{Where(seconds, view)}: HSTS is off (security.W004)."); return; }
        if (n < RecommendedSeconds)
            report.At(seconds.Module, seconds.Value!, $"`SECURE_HSTS_SECONDS` is {n}{Where(seconds, view)}, less than a year (31536000).", Severity.Low);
        foreach (var (name, check) in new[] { ("SECURE_HSTS_INCLUDE_SUBDOMAINS", "W005"), ("SECURE_HSTS_PRELOAD", "W021") })
        {
            var v = view.Get(name);
            if (v is null) report.Missing(view, $"`{name}` is not set while HSTS is on (security.{check}).", Severity.Low);
            else if (DjangoProject.IsFalse(v)) report.At(v.Module, v.Value!, $"`{name}` is false{Where(v, view)} (security.{check}).", Severity.Low);
        }
    }
}
