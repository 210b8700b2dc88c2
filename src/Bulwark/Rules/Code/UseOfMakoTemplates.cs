using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B702 — Mako templates, which do not escape HTML by default.</summary>
public sealed class UseOfMakoTemplates : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B702", Name: "use-of-mako-templates", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 80,
        What: "`mako.template.Template(...)` (through any import alias).",
        Why: """
            Mako renders expressions without HTML escaping unless each one (or the template) uses the `h` filter: values
            from users inject script (cross-site scripting).
            """,
        Example: """Template("<p>Hello ${name}</p>").render(name=name)""",
        Fix: """Template("<p>Hello ${name}</p>", default_filters=["h"]).render(name=name)""",
        References: [Bandit.Doc("B702", "use_of_mako_templates"), Bandit.Cwe(80),
                     "https://docs.makotemplates.org/en/latest/filtering.html"])
    {
        Compliance = Compliance.Injection,
        Aliases = ["S702"],
    };

    public override CallInterest? Calls { get; } = new() { LastNames = ["Template"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.LooseName is { } q && q.EndsWith(".Template", StringComparison.Ordinal) && q.Split('.').Contains("mako"))
            context.Report(this, call.Node, "Mako templates render HTML without escaping by default: escape every value (`${ data | h }`) to prevent XSS.");
    }
}
