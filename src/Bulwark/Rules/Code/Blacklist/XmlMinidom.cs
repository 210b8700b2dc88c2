using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B318 — `xml.dom.minidom` parsing.</summary>
public sealed class XmlMinidom : XmlParserCall
{
    static readonly string[] Names =
    [
        "xml.dom.minidom.parse",
        "xml.dom.minidom.parseString",
    ];

    protected override IReadOnlyList<string> QualifiedNames => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B318", Name: "xml-bad-minidom", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 20,
        What: "Parsing with " + Listing(Names) + ".",
        Why: XmlWhy,
        Example: "doc = xml.dom.minidom.parseString(payload)",
        Fix: "doc = defusedxml.minidom.parseString(payload)",
        References: [Reference("b313-b319-xml"), DefusedXml])
    {
        Compliance = Compliance.XmlParsing,
        Aliases = ["S318"],
    };
}
