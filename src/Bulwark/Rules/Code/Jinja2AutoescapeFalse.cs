using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B701 — a Jinja2 environment that does not escape HTML.</summary>
public sealed class Jinja2AutoescapeFalse : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B701", Name: "jinja2-autoescape-false", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 94,
        What: """
            `jinja2.Environment(...)` without `autoescape=`, with `autoescape=False`, or with a value that is neither
            true nor a `select_autoescape(...)` call (medium confidence).
            """,
        Why: """
            Jinja2 does not escape by default: values rendered into HTML templates can carry script, giving cross-site
            scripting.
            """,
        Example: """env = jinja2.Environment(loader=FileSystemLoader("templates"))""",
        Fix: """env = jinja2.Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())""",
        References: [Bandit.Doc("B701", "jinja2_autoescape_false"), Bandit.Cwe(94),
                     "https://jinja.palletsprojects.com/en/stable/api/#autoescaping"])
    {
        Compliance = Compliance.Injection,
        Aliases = ["S701"],
    };

    public override CallInterest? Calls { get; } = new() { LastNames = ["Environment"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.LooseName is not { } q || !q.EndsWith(".Environment", StringComparison.Ordinal) || !q.Split('.').Contains("jinja2")) return;
        var autoescape = call.Keyword("autoescape");
        if (autoescape is null)
        {
            context.Report(this, call.Node, "Jinja2 autoescaping is off by default: pass `autoescape=True` or `select_autoescape()` to prevent XSS.");
            return;
        }
        var value = context.Semantic.Evaluate(autoescape.Value);
        if (value is { IsFalse: true })
            context.Report(this, autoescape.Value, "Jinja2 templates with `autoescape=False` are open to XSS: use `autoescape=True` or `select_autoescape()`.");
        else if (value is { IsTrue: true } || autoescape.Value is Call c && SemanticModel.SimpleName(c.Func) == "select_autoescape")
            return;
        else
            context.Report(this, autoescape.Value, "Jinja2 `autoescape` is not known to be on: make sure it is `True` or `select_autoescape()` to prevent XSS.",
                Severity.High, Confidence.Medium);
    }
}
