using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B704 — `markupsafe.Markup` applied to data that is not a literal.</summary>
public sealed class MarkupsafeMarkupXss : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B704", Name: "markupsafe-markup-xss", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 79,
        What: """
            `markupsafe.Markup(...)` / `flask.Markup(...)` (and the names in `extend_markup_names`) on a first argument
            that is not a literal, unless it is a call to one of `allowed_calls` (sanitisers).
            """,
        Why: """
            `Markup` marks text as safe HTML, so template engines stop escaping it: untrusted data wrapped in it renders
            as script (cross-site scripting).
            """,
        Example: """return Markup(f"<b>{username}</b>")""",
        Fix: """return Markup("<b>{}</b>").format(username)  # Markup.format escapes its arguments""",
        References: [Bandit.Doc("B704", "markupsafe_markup_xss"), Bandit.Cwe(79),
                     "https://markupsafe.palletsprojects.com/en/stable/escaping/"])
    {
        Compliance = Compliance.Injection,
        Aliases = ["S704"],
        Options =
        [
            new("extend_markup_names", RuleOptionType.StringList, Array.Empty<string>(), "More qualified names that behave like `Markup` (e.g. `webhelpers.html.literal`)."),
            new("allowed_calls", RuleOptionType.StringList, Array.Empty<string>(), "Qualified names of sanitisers whose result may be wrapped (e.g. `bleach.clean`)."),
        ],
    };

    public override CallInterest? CallsFor(ScanSettings settings) => new()
    {
        LooseNames = ["markupsafe.Markup", "flask.Markup", .. new RuleOptions(Info, settings.RuleOptionsFor(Info.Id)).StringList("extend_markup_names")],
    };

    protected override void Check(CallSite call, CodeContext context)
    {
        var q = call.LooseName;
        var options = context.Options(this);
        if (q is null || (q is not ("markupsafe.Markup" or "flask.Markup") && !options.StringList("extend_markup_names").Contains(q))) return;
        if (call.Positional(0) is not { } arg || arg is Constant) return;
        if (arg is Call inner && context.Semantic.LooseQualifiedName(inner.Func) is { } sanitizer && options.StringList("allowed_calls").Contains(sanitizer)) return;
        context.Report(this, call.Node, $"Potential XSS with `{q}`: do not use `{call.Name}` on untrusted data.");
    }
}
