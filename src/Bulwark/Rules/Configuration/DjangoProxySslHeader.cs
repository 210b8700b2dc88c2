using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG108 — `SECURE_PROXY_SSL_HEADER` that cannot work or trusts the wrong value.</summary>
public sealed class DjangoProxySslHeader : DjangoSettingsRule
{
    public override RuleInfo Info { get; } = new(
        Id: "CFG108", Name: "django-proxy-ssl-header-misuse", Family: Family.Configuration,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 348,
        What: """
            `SECURE_PROXY_SSL_HEADER` in Django settings that is not a pair of strings, names a header without
            Django's `HTTP_` prefix (`"X-Forwarded-Proto"` is never found in `request.META`), or expects a value other
            than `"https"` (so plain-HTTP requests are taken for secure ones).
            """,
        Why: """
            The setting tells Django to believe a proxy's header about whether the request came over HTTPS. Written
            wrongly it either never matches (the SSL redirect then loops or secure cookies are never set) or marks
            plain-HTTP requests as secure. Set it only behind a proxy that overwrites the header on every request.
            """,
        Example: """
            SECURE_PROXY_SSL_HEADER = ("X-Forwarded-Proto", "http")
            """,
        Fix: """
            # only behind a proxy that always sets or strips X-Forwarded-Proto:
            SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
            """,
        References: ["https://docs.djangoproject.com/en/stable/ref/settings/#secure-proxy-ssl-header"])
    {
        Compliance = Compliance.Misconfiguration,
    };

    protected override void Check(SettingsView view, DjangoProject.Reporter report)
    {
        var v = view.Get("SECURE_PROXY_SSL_HEADER");
        if (v?.Constant is not { } c || c.IsNone) return;
        if (c.Kind is not (ValueKind.Tuple or ValueKind.List) || c.Items!.Count != 2)
        {
            report.At(v.Module, v.Value!, $"`SECURE_PROXY_SSL_HEADER` must be a (header, value) pair{Where(v, view)}.");
            return;
        }
        var header = c.Items[0]?.AsString;
        var value = c.Items[1]?.AsString;
        Expr at = v.Value is TupleExpr { Elts.Count: 2 } t ? t.Elts[0] : v.Value!;
        if (header is not null && !header.StartsWith("HTTP_", StringComparison.Ordinal))
            report.At(v.Module, at, $"`SECURE_PROXY_SSL_HEADER` names `{header}`{Where(v, view)}: Django sees request headers as `HTTP_` + upper case with underscores (`HTTP_X_FORWARDED_PROTO`).");
        if (value is not null && !string.Equals(value, "https", StringComparison.OrdinalIgnoreCase))
            report.At(v.Module, v.Value is TupleExpr { Elts.Count: 2 } t2 ? t2.Elts[1] : v.Value!,
                $"`SECURE_PROXY_SSL_HEADER` treats requests whose header is \"{value}\" as HTTPS{Where(v, view)}: the value must be \"https\".", Severity.High);
    }
}
