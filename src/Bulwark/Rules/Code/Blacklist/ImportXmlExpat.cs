using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B407 — import of `xml.dom.expatbuilder`.</summary>
public sealed class ImportXmlExpat : BlacklistedImport
{
    static readonly string[] Names = ["xml.dom.expatbuilder"];

    protected override IReadOnlyList<string> Modules => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B407", Name: "import-xml-expat", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.High, Cwe: 20,
        What: "Imports of `xml.dom.expatbuilder`, including dynamic imports.",
        Why: """
            The standard-library XML parsers expand entities, so untrusted XML can exhaust memory and CPU ("billion
            laughs"). An import alone proves nothing: the parsing calls are what B313–B319 report.
            """,
        Example: "from xml.dom import expatbuilder",
        Fix: "from defusedxml import expatbuilder",
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_imports.html#b407-import-xml-expat"])
    {
        Compliance = Compliance.XmlParsing,
        Aliases = ["S407"],
        Profiles = RuleProfile.Bandit,
        DifferencesFromBandit = """
            Runs in the `bandit` profile only: the parsing calls are reported by B316 in the default profile.
            """,
    };

    protected override string Message(string name) =>
        $"`{name}` imported: its XML parsers are not safe for untrusted data; use `defusedxml`.";
}
