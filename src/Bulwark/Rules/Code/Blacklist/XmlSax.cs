using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B317 — `xml.sax` parsing.</summary>
public sealed class XmlSax : XmlParserCall
{
    static readonly string[] Names =
    [
        "xml.sax.parse",
        "xml.sax.parseString",
        "xml.sax.make_parser",
    ];

    protected override IReadOnlyList<string> QualifiedNames => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B317", Name: "xml-bad-sax", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 20,
        What: "Parsing with " + Listing(Names) + ".",
        Why: XmlWhy,
        Example: "xml.sax.parseString(payload, handler)",
        Fix: "defusedxml.sax.parseString(payload, handler)",
        References: [Reference("b313-b319-xml"), DefusedXml])
    {
        Compliance = Compliance.XmlParsing,
        Aliases = ["S317"],
    };
}
