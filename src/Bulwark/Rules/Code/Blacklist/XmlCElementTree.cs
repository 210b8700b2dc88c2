using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B313 — `xml.etree.cElementTree` parsing.</summary>
public sealed class XmlCElementTree : XmlParserCall
{
    static readonly string[] Names =
    [
        "xml.etree.cElementTree.parse", "xml.etree.cElementTree.iterparse",
        "xml.etree.cElementTree.fromstring", "xml.etree.cElementTree.XMLParser",
    ];

    protected override IReadOnlyList<string> QualifiedNames => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B313", Name: "xml-bad-celementtree", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 20,
        What: "Parsing with " + Listing(Names) + ".",
        Why: XmlWhy,
        Example: """
            import xml.etree.cElementTree as ET
            root = ET.fromstring(request.body)
            """,
        Fix: """
            import defusedxml.ElementTree as ET
            root = ET.fromstring(request.body)
            """,
        References: [Reference("b313-b319-xml"), DefusedXml])
    {
        Compliance = Compliance.XmlParsing,
        Aliases = ["S313"],
    };
}
