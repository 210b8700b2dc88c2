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
            whatever the document comes from — a file, a stream, a caller — except when every document the function
            gives the parser is text it builds from constants; when request data reaches the parser, INJ011 reports
            the flow as well.
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

    /// <summary>Functions that parse a document given as text (argument 0) with the parser given among their arguments.</summary>
    static readonly string[] TextParsers =
        ["lxml.etree.fromstring", "lxml.etree.XML", "lxml.etree.fromstringlist", "xml.dom.minidom.parseString", "xml.dom.pulldom.parseString"];

    /// <summary>Methods that only configure a SAX parser or a pull parser: they give it no document.</summary>
    static readonly string[] Configuring =
        ["setFeature", "setProperty", "setContentHandler", "setErrorHandler", "setEntityResolver", "setDTDHandler", "setLocale", "close", "read_events"];

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.ResolvesAny(Parsers))
        {
            // `iterparse` reads a file or stream it is given: no document here is the program's own text.
            var parser = call.QualifiedName == "lxml.etree.iterparse" ? null : AssignedTo(call.Node);
            if (call.Keyword("resolve_entities") is { } resolve && context.Semantic.Evaluate(resolve.Value) is { IsTrue: true })
            {
                if (!ParsesOnlyItsOwnText(parser, context))
                    context.Report(this, resolve.Value, "This XML parser expands external entities (`resolve_entities=True`): a document can pull local files or URLs into what is parsed.");
            }
            else if (call.Keyword("no_network") is { } network && context.Semantic.Evaluate(network.Value) is { IsFalse: true })
            {
                if (!ParsesOnlyItsOwnText(parser, context))
                    context.Report(this, network.Value, "This XML parser fetches external entities and DTDs over the network (`no_network=False`): a document can make the server send requests.");
            }
            return;
        }
        // `parser.setFeature(feature_external_ges, True)`: the feature by its constant or its URI.
        if (call.Node is not { Func: AttributeExpr { Attr: "setFeature", Value: var receiver }, Args: [var feature, var value] }) return;
        bool external = context.Semantic.QualifiedName(feature) == ExternalGes || context.Semantic.StringValue(feature) == ExternalGesUri;
        if (external && context.Semantic.Evaluate(value) is { IsTrue: true } && !ParsesOnlyItsOwnText(receiver as Name, context))
            context.Report(this, call.Node, "This SAX parser expands external general entities: a document can pull local files or URLs into what is parsed.");
    }

    /// <summary>`parser = etree.XMLParser(...)`: the name the parser is bound to, or null.</summary>
    static Name? AssignedTo(Call call) => call.Parent is Assign { Targets: [Name target] } assign && ReferenceEquals(assign.Value, call) ? target : null;

    /// <summary>
    /// Whether every document this body gives the parser bound to <paramref name="parser"/> is text the program wrote
    /// itself (built only from constants, on every path: `etree.fromstring(TEMPLATE, parser)`), so that nothing can
    /// make it expand an entity the program did not write. False when the parser leaves the body (returned, stored,
    /// passed elsewhere), parses a file or a stream (whoever can write the file writes the document), or is not
    /// known to be used at all.
    /// </summary>
    static bool ParsesOnlyItsOwnText(Name? parser, CodeContext context)
    {
        if (parser is null) return false;
        var semantic = context.Semantic;
        var definitions = parser.Ctx == ExprContext.Store
            ? semantic.DefinitionsAt(parser.Parent is Assign a ? a : parser).Where(d => d.Name == parser.Id).ToList()
            : semantic.ReachingDefinitions(parser).ToList();
        if (definitions is not { Count: > 0 }) return false;
        int documents = 0;
        foreach (var definition in definitions)
            foreach (var use in semantic.UsesOf(definition))
            {
                // `parse(text, parser=parser)`: the keyword sits between the name and the call.
                var parent = use.Parent is Keyword { Parent: Call keywordCall } ? keywordCall : use.Parent;
                switch (parent)
                {
                    case AttributeExpr { Attr: var method } attribute when ReferenceEquals(attribute.Value, use):
                        if (Array.IndexOf(Configuring, method) >= 0) continue;
                        // `parser.feed(text)`: the document, piece by piece.
                        if (method == "feed" && attribute.Parent is Call { Args: [var data] } && semantic.IsBuiltFromConstants(data)) { documents++; continue; }
                        return false;
                    case Call c when c.Args.Any(arg => ReferenceEquals(arg, use)) || c.Keywords.Any(k => ReferenceEquals(k.Value, use)):
                        if (semantic.QualifiedName(c.Func) is not { } q || Array.IndexOf(TextParsers, q) < 0) return false;
                        if (c.Args.Count == 0 || ReferenceEquals(c.Args[0], use) || !semantic.IsBuiltFromConstants(c.Args[0])) return false;
                        documents++;
                        continue;
                    default:
                        return false;
                }
            }
        return documents > 0;
    }
}
