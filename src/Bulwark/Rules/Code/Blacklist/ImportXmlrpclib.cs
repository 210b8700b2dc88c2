using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B411 — import of `xmlrpc`.</summary>
public sealed class ImportXmlrpclib : BlacklistedImport
{
    static readonly string[] Names = ["xmlrpc"];

    protected override IReadOnlyList<string> Modules => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B411", Name: "import-xmlrpclib", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 20,
        What: """
            Imports of `xmlrpc` and its submodules (prefix match, so Python 2's `xmlrpclib` too), including dynamic
            imports.
            """,
        Why: """
            XML-RPC clients and servers parse XML from the other end of the connection with the unprotected
            standard-library parser (entity expansion, decompression bombs). `defusedxml.xmlrpc.monkey_patch()` hardens
            them.
            """,
        Example: "from xmlrpc.server import SimpleXMLRPCServer",
        Fix: """
            from defusedxml.xmlrpc import monkey_patch
            monkey_patch()
            from xmlrpc.server import SimpleXMLRPCServer
            """,
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_imports.html#b411-import-xmlrpclib"])
    {
        Compliance = Compliance.XmlParsing,
        Aliases = ["S411"],
    };

    protected override string Message(string name) =>
        $"`{name}` imported: XML-RPC parses untrusted XML unprotected; call `defusedxml.xmlrpc.monkey_patch()`.";
}
