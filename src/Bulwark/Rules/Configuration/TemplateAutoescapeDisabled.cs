using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG404 — a web framework's template set-up with HTML autoescaping turned off.</summary>
public sealed class TemplateAutoescapeDisabled : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "CFG404", Name: "template-autoescape-disabled", Family: Family.Configuration,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 79,
        What: """
            A web framework's Jinja2 set-up given `autoescape=False` (or another false constant), where the framework
            escapes by default: `aiohttp_jinja2.setup(app, ...)` and Starlette's or FastAPI's `Jinja2Templates(...)`.
            Every template rendered through it then prints request data as markup. A value computed at run time is not
            reported; a plain `jinja2.Environment` is B701's.
            """,
        Why: """
            With autoescaping off, every `{{ value }}` in every page is raw HTML: one value an attacker shaped (a name,
            a comment, a search term echoed back) runs script in other users' browsers with the site's origin.
            """,
        Example: """
            aiohttp_jinja2.setup(app, loader=jinja2.PackageLoader("shop", "templates"), autoescape=False)
            """,
        Fix: """
            aiohttp_jinja2.setup(app, loader=jinja2.PackageLoader("shop", "templates"))  # escapes by default
            """,
        References: ["https://aiohttp-jinja2.readthedocs.io/en/stable/",
                     "https://www.starlette.io/templates/",
                     "https://jinja.palletsprojects.com/en/stable/api/#autoescaping",
                     "https://cwe.mitre.org/data/definitions/79.html"])
    {
        Compliance = Compliance.Injection,
    };

    static readonly string[] Setups =
        ["aiohttp_jinja2.setup", "starlette.templating.Jinja2Templates", "fastapi.templating.Jinja2Templates"];

    public override CallInterest? Calls { get; } = new() { Names = Setups };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.QualifiedName is not { } q || Array.IndexOf(Setups, q) < 0) return;
        if (call.Keyword("autoescape") is not { } autoescape) return;
        if (context.Semantic.Evaluate(autoescape.Value) is { Truthy: false })
            context.Report(this, autoescape.Value, $"`{q}` turns autoescaping off: every template it renders prints its values as raw HTML (XSS); leave it on.");
    }
}
