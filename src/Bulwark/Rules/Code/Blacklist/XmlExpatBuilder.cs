using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B316 — `xml.dom.expatbuilder` parsing.</summary>
public sealed class XmlExpatBuilder : XmlParserCall
{
    static readonly string[] Names =
    [
        "xml.dom.expatbuilder.parse",
        "xml.dom.expatbuilder.parseString",
    ];

    protected override IReadOnlyList<string> QualifiedNames => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B316", Name: "xml-bad-expatbuilder", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 20,
        What: "Parsing with " + Listing(Names) + ".",
        Why: XmlWhy,
        Example: "doc = xml.dom.expatbuilder.parseString(payload)",
        Fix: "doc = defusedxml.expatbuilder.parseString(payload)",
        References: [Reference("b313-b319-xml"), DefusedXml])
    {
        Compliance = Compliance.XmlParsing,
        Aliases = ["S316"],
    };
}
