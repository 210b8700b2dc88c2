using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG102 — `ALLOWED_HOSTS` accepting any host, or empty in production settings (security.W020).</summary>
public sealed class DjangoAllowedHosts : DjangoSettingsRule
{
    public override RuleInfo Info { get; } = new(
        Id: "CFG102", Name: "django-allowed-hosts-any", Family: Family.Configuration,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 20,
        What: """
            `ALLOWED_HOSTS` containing `"*"` (or a pattern such as `".*"`) in deployed Django settings, and an empty
            `ALLOWED_HOSTS` in settings named for production (security.W020). Values read from the environment are not
            reported.
            """,
        Why: """
            Django builds absolute URLs (password-reset links, redirects) from the request's `Host` header. Accepting
            any host lets an attacker poison those links and caches; an empty list in production makes every request
            fail once `DEBUG` is off, which usually ends with someone setting `"*"`.
            """,
        Example: """
            ALLOWED_HOSTS = ["*"]
            """,
        Fix: """
            ALLOWED_HOSTS = ["www.example.com", "example.com"]
            # or from the environment:
            ALLOWED_HOSTS = os.environ["DJANGO_ALLOWED_HOSTS"].split(",")
            """,
        References: ["https://docs.djangoproject.com/en/stable/ref/settings/#allowed-hosts",
                     "https://docs.djangoproject.com/en/stable/topics/security/#host-header-validation"])
    {
        Compliance = Compliance.Misconfiguration,
    };

    protected override void Check(SettingsView view, DjangoProject.Reporter report)
    {
        var hosts = view.Get("ALLOWED_HOSTS");
        if (DjangoProject.Strings(hosts) is not { } items) return;
        foreach (var (value, node) in items)
            if (value is "*" or ".*" or "*.*" or "0.0.0.0/0")
                report.At(hosts!.Module, node, $"`ALLOWED_HOSTS` accepts any host (`{value}`){Where(hosts, view)}: Host-header poisoning of generated links.");
        if (items.Count == 0 && view.ExplicitlyProduction)
            report.At(hosts!.Module, hosts.Value!, "`ALLOWED_HOSTS` is empty in production settings: list the hosts the site serves (security.W020).", Severity.Low);
    }
}
