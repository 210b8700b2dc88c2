using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG111 — django-cors-headers allowing every origin.</summary>
public sealed class DjangoCorsAllowAll : DjangoSettingsRule
{
    public override RuleInfo Info { get; } = new(
        Id: "CFG111", Name: "django-cors-allow-all", Family: Family.Configuration,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 942,
        What: """
            `CORS_ALLOW_ALL_ORIGINS = True` (django-cors-headers 3.5+) or its old name `CORS_ORIGIN_ALLOW_ALL = True`
            in deployed Django settings; high severity when `CORS_ALLOW_CREDENTIALS` is also true. Also
            `CORS_ALLOWED_ORIGIN_REGEXES` with a pattern matching everything (`.*`, `^.*$`).
            """,
        Why: """
            Any web site a user visits can then call the API from the user's browser and read the answers; with
            credentials allowed, it does so with the user's cookies, that is, as the user.
            """,
        Example: """
            CORS_ALLOW_ALL_ORIGINS = True
            CORS_ALLOW_CREDENTIALS = True
            """,
        Fix: """
            CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
            CORS_ALLOW_CREDENTIALS = True
            """,
        References: ["https://github.com/adamchainz/django-cors-headers#configuration",
                     "https://cheatsheetseries.owasp.org/cheatsheets/HTML5_Security_Cheat_Sheet.html#cross-origin-resource-sharing"])
    {
        Compliance = Compliance.Misconfiguration,
    };

    protected override void Check(SettingsView view, DjangoProject.Reporter report)
    {
        bool credentials = DjangoProject.IsTrue(view.Get("CORS_ALLOW_CREDENTIALS"));
        var severity = credentials ? Severity.High : Severity.Medium;
        var with = credentials ? " with credentials" : "";
        foreach (var name in new[] { "CORS_ALLOW_ALL_ORIGINS", "CORS_ORIGIN_ALLOW_ALL" })
            if (view.Get(name) is { } v && DjangoProject.IsTrue(v))
                report.At(v.Module, v.Value!, $"`{name}` lets every web site read this API's responses{with}{Where(v, view)}; list the allowed origins.", severity);
        var regexes = view.Get("CORS_ALLOWED_ORIGIN_REGEXES") ?? view.Get("CORS_ORIGIN_REGEX_WHITELIST");
        if (DjangoProject.Strings(regexes) is { } items)
            foreach (var (value, node) in items)
                if (value is ".*" or "^.*$" or ".+" or "^.+$" or "^(.*)$" or "(.*)")
                    report.At(regexes!.Module, node, $"CORS origin pattern `{value}` matches every origin{with}{Where(regexes, view)}.", severity);
    }
}
