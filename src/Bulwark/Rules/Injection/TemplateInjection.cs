using Bulwark.Core;

namespace Bulwark.Rules.Injection;

/// <summary>INJ008 — Server-side template injection: attacker-controlled data reaching a `template` sink unsanitised.</summary>
public sealed class TemplateInjection : TaintRule
{
    public override RuleInfo Info { get; } = new(
        Id: "INJ008", Name: "server-side-template-injection", Family: Family.Injection,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 1336,
        What: """
            Request data compiled as a template: `render_template_string`, `jinja2.Template`, `Environment.from_string`, Django `Template`, Mako `Template`, Tornado `tornado.template.Template` (whose expressions are Python), Bottle `template` given the text itself and `SimpleTemplate`. Request data passed only as context variables of a constant template is safe.
            """,
        Why: """
            Template syntax reaches Python objects: Jinja2 and Mako expressions from an attacker lead to reading secrets and running code on the server.
            """,
        Example: "return render_template_string(\"<h1>Hello \" + request.args[\"name\"] + \"</h1>\")",
        Fix: "return render_template_string(\"<h1>Hello {{ name }}</h1>\", name=request.args[\"name\"])",
        References: ["https://cwe.mitre.org/data/definitions/1336.html",
                     "https://portswigger.net/web-security/server-side-template-injection"])
    {
        Compliance = Compliance.Injection,
        Aliases = [],
        Profiles = RuleProfile.Default,
        DifferencesFromBandit = """
            Bandit has no template-injection check (B701 is about autoescaping).
            """,
    };

    public override string SinkKind => "template";
    public override IReadOnlyList<string> SourceKinds => RemoteOnly;
    public override string Weakness => "Server-side template injection";
}
