using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B405 — import of `xml.etree`.</summary>
public sealed class ImportXmlEtree : BlacklistedImport
{
    static readonly string[] Names = ["xml.etree.cElementTree", "xml.etree.ElementTree"];

    protected override IReadOnlyList<string> Modules => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B405", Name: "import-xml-etree", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.High, Cwe: 20,
        What: """
            Imports of `xml.etree.cElementTree` or `xml.etree.ElementTree` (also `from xml.etree import ElementTree`),
            including dynamic imports.
            """,
        Why: """
            The standard-library XML parsers expand entities, so untrusted XML can exhaust memory and CPU ("billion
            laughs"). An import alone proves nothing: the parsing calls are what B313–B319 report.
            """,
        Example: "import xml.etree.ElementTree as ET",
        Fix: "import defusedxml.ElementTree as ET",
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_imports.html#b405-import-xml-etree"])
    {
        Compliance = Compliance.XmlParsing,
        Aliases = ["S405"],
        Profiles = RuleProfile.Bandit,
        DifferencesFromBandit = """
            Runs in the `bandit` profile only: ElementTree is also used to build and write XML, which is safe; the
            parsing calls are reported by B313/B314 in the default profile.
            """,
    };

    protected override string Message(string name) =>
        $"`{name}` imported: its XML parsers are not safe for untrusted data; use `defusedxml`.";
}
