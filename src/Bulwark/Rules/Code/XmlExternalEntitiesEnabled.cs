using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>BW320 — an XML parser configured to resolve external entities or fetch them over the network.</summary>
public sealed class XmlExternalEntitiesEnabled : CallRule
{
    static readonly string[] Parsers = ["lxml.etree.XMLParser", "lxml.etree.XMLPullParser", "lxml.etree.iterparse"];

    /// <summary>The SAX feature that makes a parser read external general entities, by name and by value.</summary>
    const string ExternalGes = "xml.sax.handler.feature_external_ges", ExternalGesUri = "http://xml.org/sax/features/external-general-entities";

    public override RuleInfo Info { get; } = new(
        Id: "BW320", Name: "xml-external-entities-enabled", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 611,
        What: """
            An XML parser set up to expand external entities: lxml's `XMLParser`, `XMLPullParser` or `iterparse` with
            `resolve_entities=True` (lxml 5 expands only internal entities by default) or `no_network=False`, and a
            SAX parser given `setFeature(feature_external_ges, True)` (off by default since Python 3.7.1). Reported
            whatever the document; when request data reaches the parser, INJ011 reports the flow as well.
            """,
        Why: """
            An external entity is a reference the document itself makes to a file or URL: a parser that expands it
            reads `/etc/passwd` or a cloud metadata endpoint into the document for whoever wrote it (XXE). Documents
            that look trusted today (a configuration file, a partner's feed) are the ones an attacker later gets to
            replace.
            """,
        Example: """
            parser = etree.XMLParser(resolve_entities=True)
            tree = etree.parse("config.xml", parser)
            """,
        Fix: """
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            tree = etree.parse("config.xml", parser)
            # or parse with defusedxml: defusedxml.lxml.parse("config.xml")
            """,
        References: ["https://cwe.mitre.org/data/definitions/611.html",
                     "https://lxml.de/apidoc/lxml.etree.html#lxml.etree.XMLParser",
                     "https://docs.python.org/3/library/xml.html#xml-vulnerabilities",
                     "https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html"])
    {
        Compliance = Compliance.XmlParsing,
    };

    public override CallInterest? Calls { get; } = new() { Names = Parsers, LastNames = ["setFeature"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.ResolvesAny(Parsers))
        {
            if (call.Keyword("resolve_entities") is { } resolve && context.Semantic.Evaluate(resolve.Value) is { IsTrue: true })
                context.Report(this, resolve.Value, "This XML parser expands external entities (`resolve_entities=True`): a document can pull local files or URLs into what is parsed.");
            else if (call.Keyword("no_network") is { } network && context.Semantic.Evaluate(network.Value) is { IsFalse: true })
                context.Report(this, network.Value, "This XML parser fetches external entities and DTDs over the network (`no_network=False`): a document can make the server send requests.");
            return;
        }
        // `parser.setFeature(feature_external_ges, True)`: the feature by its constant or its URI.
        if (call.Node is not { Func: AttributeExpr { Attr: "setFeature" }, Args: [var feature, var value] }) return;
        bool external = context.Semantic.QualifiedName(feature) == ExternalGes || context.Semantic.StringValue(feature) == ExternalGesUri;
        if (external && context.Semantic.Evaluate(value) is { IsTrue: true })
            context.Report(this, call.Node, "This SAX parser expands external general entities: a document can pull local files or URLs into what is parsed.");
    }
}
