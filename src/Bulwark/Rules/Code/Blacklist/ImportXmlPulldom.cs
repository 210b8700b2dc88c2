using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B409 — import of `xml.dom.pulldom`.</summary>
public sealed class ImportXmlPulldom : BlacklistedImport
{
    static readonly string[] Names = ["xml.dom.pulldom"];

    protected override IReadOnlyList<string> Modules => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B409", Name: "import-xml-pulldom", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.High, Cwe: 20,
        What: "Imports of `xml.dom.pulldom`, including dynamic imports.",
        Why: """
            The standard-library XML parsers expand entities, so untrusted XML can exhaust memory and CPU ("billion
            laughs"). An import alone proves nothing: the parsing calls are what B313–B319 report.
            """,
        Example: "from xml.dom import pulldom",
        Fix: "from defusedxml import pulldom",
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_imports.html#b409-import-xml-pulldom"])
    {
        Compliance = Compliance.XmlParsing,
        Aliases = ["S409"],
        Profiles = RuleProfile.Bandit,
        DifferencesFromBandit = """
            Runs in the `bandit` profile only: the parsing calls are reported by B319 in the default profile.
            """,
    };

    protected override string Message(string name) =>
        $"`{name}` imported: its XML parsers are not safe for untrusted data; use `defusedxml`.";
}
