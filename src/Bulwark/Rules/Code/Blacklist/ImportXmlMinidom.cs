using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B408 — import of `xml.dom.minidom`.</summary>
public sealed class ImportXmlMinidom : BlacklistedImport
{
    static readonly string[] Names = ["xml.dom.minidom"];

    protected override IReadOnlyList<string> Modules => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B408", Name: "import-xml-minidom", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.High, Cwe: 20,
        What: "Imports of `xml.dom.minidom`, including dynamic imports.",
        Why: """
            The standard-library XML parsers expand entities, so untrusted XML can exhaust memory and CPU ("billion
            laughs"). An import alone proves nothing: the parsing calls are what B313–B319 report.
            """,
        Example: "from xml.dom import minidom",
        Fix: "from defusedxml import minidom",
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_imports.html#b408-import-xml-minidom"])
    {
        Compliance = Compliance.XmlParsing,
        Aliases = ["S408"],
        Profiles = RuleProfile.Bandit,
        DifferencesFromBandit = """
            Runs in the `bandit` profile only: minidom is also used to build documents, which is safe; the parsing calls
            are reported by B318 in the default profile.
            """,
    };

    protected override string Message(string name) =>
        $"`{name}` imported: its XML parsers are not safe for untrusted data; use `defusedxml`.";
}
