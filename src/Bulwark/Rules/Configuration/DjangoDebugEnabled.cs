using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG101 — `DEBUG = True` in the settings a Django deployment runs with (`check --deploy` security.W018).</summary>
public sealed class DjangoDebugEnabled : DjangoSettingsRule
{
    public override RuleInfo Info { get; } = new(
        Id: "CFG101", Name: "django-debug-enabled", Family: Family.Configuration,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 489,
        What: """
            `DEBUG` set to a true constant in a Django settings module that a deployment runs with: a production
            settings module, a lone `settings.py`, or a base module that a production module star-imports without
            overriding it. A value computed from the environment (`os.environ.get("DEBUG") == "1"`, `env.bool("DEBUG")`)
            is not reported, nor is a value only development or test settings (`dev.py`, `local.py`, `test_settings.py`) set.
            """,
        Why: """
            With `DEBUG = True` every error page shows the stack, local variables and most settings, static files are
            served by Django, and every SQL query is kept in memory. It is `manage.py check --deploy`'s security.W018.
            """,
        Example: """
            # settings/production.py
            from .base import *
            DEBUG = True
            """,
        Fix: """
            # settings/production.py
            from .base import *
            DEBUG = False
            # or, in a single settings module:
            DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
            """,
        References: ["https://docs.djangoproject.com/en/stable/ref/settings/#debug",
                     "https://docs.djangoproject.com/en/stable/howto/deployment/checklist/",
                     "https://cwe.mitre.org/data/definitions/489.html"])
    {
        Compliance = Compliance.Misconfiguration,
    };

    protected override void Check(SettingsView view, DjangoProject.Reporter report)
    {
        if (view.Get("DEBUG") is { } debug && DjangoProject.IsTrue(debug))
            report.At(debug.Module, debug.Value!, $"Django `DEBUG` is true in deployed settings{Where(debug, view)}: error pages expose code, variables and settings.");
    }
}
