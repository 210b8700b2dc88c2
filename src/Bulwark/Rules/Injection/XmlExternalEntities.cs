using Bulwark.Core;

namespace Bulwark.Rules.Injection;

/// <summary>INJ011 — XML external entity injection: attacker-controlled data reaching a `xxe` sink unsanitised.</summary>
public sealed class XmlExternalEntities : TaintRule
{
    public override RuleInfo Info { get; } = new(
        Id: "INJ011", Name: "xml-external-entities", Family: Family.Injection,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 611,
        What: """
            Request data parsed as XML by a parser configured to resolve external entities: an lxml `XMLParser(resolve_entities=True)` (or `no_network=False`) passed to `fromstring`/`XML`/`parse`, an `xml.sax` parser or `pulldom`/`minidom` parser with `feature_external_ges` enabled. The standard library's default parsers, lxml's defaults (since 5.0) and `defusedxml` do not fetch external entities.
            """,
        Why: """
            External entities make the parser read local files or fetch URLs named in the document: file disclosure and server-side requests.
            """,
        Example: "parser = etree.XMLParser(resolve_entities=True)\nroot = etree.fromstring(request.data, parser)",
        Fix: "root = defusedxml.ElementTree.fromstring(request.data)",
        References: ["https://cwe.mitre.org/data/definitions/611.html",
                     "https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html"])
    {
        Compliance = Compliance.XmlParsing,
        Aliases = ["B313", "B314", "B315", "B316", "B317", "B318", "B319", "S313", "S314", "S315", "S316", "S317", "S318", "S319"],
        Profiles = RuleProfile.Default,
        DifferencesFromBandit = """
            Bandit's B313–B319 report every use of the standard library's XML parsers, including the ones that are safe by default; this rule reports untrusted documents parsed with external entities enabled.
            """,
    };

    public override string SinkKind => "xxe";
    public override IReadOnlyList<string> SourceKinds => RemoteOnly;
    public override string Weakness => "XML external entity injection";

    public override IReadOnlyList<string> Replaces { get; } = ["B313", "B314", "B315", "B316", "B317", "B318", "B319"];
}
