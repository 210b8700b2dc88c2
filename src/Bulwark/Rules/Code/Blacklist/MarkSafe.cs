using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B308 — Django's `mark_safe`.</summary>
public sealed class MarkSafe : BlacklistedCall
{
    // `django.utils.html.mark_safe` is Bulwark's addition: the same function, re-exported and imported from there in practice.
    static readonly string[] Names = ["django.utils.safestring.mark_safe", "django.utils.html.mark_safe"];

    protected override IReadOnlyList<string> QualifiedNames => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B308", Name: "mark-safe", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 79,
        What: "Calls to Django's `mark_safe` (from `django.utils.safestring`, or re-exported by `django.utils.html`).",
        Why: """
            `mark_safe` turns off template auto-escaping for the string: if any part of it comes from a user, the page
            renders their HTML and script (cross-site scripting).
            """,
        Example: """return mark_safe(f"<b>{user.display_name}</b>")""",
        Fix: """return format_html("<b>{}</b>", user.display_name)  # escapes the arguments""",
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b308-mark-safe",
                     "https://docs.djangoproject.com/en/stable/ref/utils/#django.utils.safestring.mark_safe"])
    {
        Compliance = Compliance.Injection,
        Aliases = ["S308"],
    };

    protected override string Message(string name) =>
        "`mark_safe` disables HTML escaping; review that no user-controlled text reaches it (prefer `format_html`).";
}
