using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B315 — `xml.sax.expatreader.create_parser`.</summary>
public sealed class XmlExpatReader : XmlParserCall
{
    static readonly string[] Names =
    [
        "xml.sax.expatreader.create_parser",
    ];

    protected override IReadOnlyList<string> QualifiedNames => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B315", Name: "xml-bad-expatreader", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 20,
        What: "Parsing with " + Listing(Names) + ".",
        Why: XmlWhy,
        Example: """
            parser = xml.sax.expatreader.create_parser()
            parser.parse(upload)
            """,
        Fix: """
            parser = defusedxml.expatreader.create_parser()
            parser.parse(upload)
            """,
        References: [Reference("b313-b319-xml"), DefusedXml])
    {
        Compliance = Compliance.XmlParsing,
        Aliases = ["S315"],
    };
}
