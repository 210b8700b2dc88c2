using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B319 — `xml.dom.pulldom` parsing.</summary>
public sealed class XmlPulldom : XmlParserCall
{
    static readonly string[] Names =
    [
        "xml.dom.pulldom.parse",
        "xml.dom.pulldom.parseString",
    ];

    protected override IReadOnlyList<string> QualifiedNames => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B319", Name: "xml-bad-pulldom", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 20,
        What: "Parsing with " + Listing(Names) + ".",
        Why: XmlWhy,
        Example: "events = xml.dom.pulldom.parseString(payload)",
        Fix: "events = defusedxml.pulldom.parseString(payload)",
        References: [Reference("b313-b319-xml"), DefusedXml])
    {
        Compliance = Compliance.XmlParsing,
        Aliases = ["S319"],
    };
}
