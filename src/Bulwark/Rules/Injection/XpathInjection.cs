using Bulwark.Core;

namespace Bulwark.Rules.Injection;

/// <summary>INJ010 — XPath injection: attacker-controlled data reaching a `xpath` sink unsanitised.</summary>
public sealed class XpathInjection : TaintRule
{
    public override RuleInfo Info { get; } = new(
        Id: "INJ010", Name: "xpath-injection", Family: Family.Injection,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 643,
        What: """
            Request data in an XPath expression: lxml `xpath()` and `etree.XPath`, `elementpath.select`/`iter_select`/`Selector`, and the path of ElementTree's `find`/`findall`/`findtext`/`iterfind` (a subset of XPath). Values bound as XPath variables (`tree.xpath("//user[@name=$name]", name=value)`) are safe.
            """,
        Why: """
            Quotes and predicates in the value change the expression: the attacker selects nodes they should not see or bypasses a lookup-based check.
            """,
        Example: "tree.xpath(f\"//user[@name='{request.args['name']}']\")",
        Fix: "tree.xpath(\"//user[@name=$name]\", name=request.args[\"name\"])",
        References: ["https://cwe.mitre.org/data/definitions/643.html",
                     "https://owasp.org/www-community/attacks/XPATH_Injection"])
    {
        Compliance = Compliance.Injection,
        Aliases = [],
        Profiles = RuleProfile.Default,
        DifferencesFromBandit = """
            Bandit has no XPath-injection check.
            """,
    };

    public override string SinkKind => "xpath";
    public override IReadOnlyList<string> SourceKinds => RemoteOnly;
    public override string Weakness => "XPath injection";
}
