using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG106 — security headers Django sends by default turned off or weakened (security.W006, W019, W022).</summary>
public sealed class DjangoSecurityHeadersWeakened : DjangoSettingsRule
{
    public override RuleInfo Info { get; } = new(
        Id: "CFG106", Name: "django-security-headers-weakened", Family: Family.Configuration,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 693,
        What: """
            Deployed Django settings that set `SECURE_CONTENT_TYPE_NOSNIFF` to a false constant (W006),
            `X_FRAME_OPTIONS` to anything but `"DENY"`/`"SAMEORIGIN"` or to `"SAMEORIGIN"` (W019, low severity), or
            `SECURE_REFERRER_POLICY` to `None`, `"unsafe-url"` or `"no-referrer-when-downgrade"` (W022). Django's
            defaults (since 3.0/3.1) are safe, so only explicit settings are reported.
            """,
        Why: """
            Without `nosniff` a browser may run an uploaded file as script; a page that may be framed by other sites
            can be clickjacked; a referrer policy that sends full URLs leaks tokens and ids in query strings to
            third-party sites.
            """,
        Example: """
            SECURE_CONTENT_TYPE_NOSNIFF = False
            X_FRAME_OPTIONS = "ALLOWALL"
            SECURE_REFERRER_POLICY = None
            """,
        Fix: """
            SECURE_CONTENT_TYPE_NOSNIFF = True
            X_FRAME_OPTIONS = "DENY"
            SECURE_REFERRER_POLICY = "same-origin"
            """,
        References: ["https://docs.djangoproject.com/en/stable/ref/middleware/#module-django.middleware.security",
                     "https://docs.djangoproject.com/en/stable/ref/clickjacking/"])
    {
        Compliance = Compliance.Misconfiguration,
    };

    protected override void Check(SettingsView view, DjangoProject.Reporter report)
    {
        var nosniff = view.Get("SECURE_CONTENT_TYPE_NOSNIFF");
        if (DjangoProject.IsFalse(nosniff))
            report.At(nosniff!.Module, nosniff.Value!, $"`SECURE_CONTENT_TYPE_NOSNIFF` is false{Where(nosniff, view)}: browsers may sniff uploads as scripts (security.W006).");
        var frame = view.Get("X_FRAME_OPTIONS");
        if (frame?.Constant is { Kind: ValueKind.Str } f)
        {
            var value = f.AsString!.ToUpperInvariant();
            if (value == "SAMEORIGIN")
                report.At(frame.Module, frame.Value!, $"`X_FRAME_OPTIONS` is \"SAMEORIGIN\"{Where(frame, view)}: use \"DENY\" unless the site frames its own pages (security.W019).", Severity.Low);
            else if (value != "DENY")
                report.At(frame.Module, frame.Value!, $"`X_FRAME_OPTIONS` is \"{f.AsString}\"{Where(frame, view)}, which browsers ignore: pages can be framed (clickjacking).");
        }
        var referrer = view.Get("SECURE_REFERRER_POLICY");
        if (referrer?.Constant is { } r && (r.IsNone || r.AsString is "unsafe-url" or "no-referrer-when-downgrade"))
            report.At(referrer.Module, referrer.Value!, $"`SECURE_REFERRER_POLICY` is {(r.IsNone ? "None" : "\"" + r.AsString + "\"")}{Where(referrer, view)}: full URLs leak to other sites (security.W022).", Severity.Low);
    }
}
