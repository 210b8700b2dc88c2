using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B406 — import of `xml.sax`.</summary>
public sealed class ImportXmlSax : BlacklistedImport
{
    static readonly string[] Names = ["xml.sax"];

    protected override IReadOnlyList<string> Modules => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B406", Name: "import-xml-sax", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.High, Cwe: 20,
        What: "Imports of `xml.sax` and its submodules, including dynamic imports.",
        Why: """
            The standard-library XML parsers expand entities, so untrusted XML can exhaust memory and CPU ("billion
            laughs"). An import alone proves nothing: the parsing calls are what B313–B319 report.
            """,
        Example: "import xml.sax",
        Fix: "import defusedxml.sax",
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_imports.html#b406-import-xml-sax"])
    {
        Compliance = Compliance.XmlParsing,
        Aliases = ["S406"],
        Profiles = RuleProfile.Bandit,
        DifferencesFromBandit = """
            Runs in the `bandit` profile only: the parsing calls are reported by B315/B317 in the default profile.
            """,
    };

    protected override string Message(string name) =>
        $"`{name}` imported: its XML parsers are not safe for untrusted data; use `defusedxml`.";
}
