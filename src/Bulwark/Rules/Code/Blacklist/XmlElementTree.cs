using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B314 — `xml.etree.ElementTree` parsing.</summary>
public sealed class XmlElementTree : XmlParserCall
{
    static readonly string[] Names =
    [
        "xml.etree.ElementTree.parse",
        "xml.etree.ElementTree.iterparse",
        "xml.etree.ElementTree.fromstring",
        "xml.etree.ElementTree.XMLParser",
    ];

    protected override IReadOnlyList<string> QualifiedNames => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B314", Name: "xml-bad-elementtree", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 20,
        What: "Parsing with " + Listing(Names) + ".",
        Why: XmlWhy,
        Example: """
            import xml.etree.ElementTree as ET
            root = ET.fromstring(request.body)
            """,
        Fix: """
            import defusedxml.ElementTree as ET
            root = ET.fromstring(request.body)
            """,
        References: [Reference("b313-b319-xml"), DefusedXml])
    {
        Compliance = Compliance.XmlParsing,
        Aliases = ["S314"],
    };
}
