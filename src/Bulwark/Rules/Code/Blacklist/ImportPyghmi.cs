using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B415 — import of `pyghmi`.</summary>
public sealed class ImportPyghmi : BlacklistedImport
{
    static readonly string[] Names = ["pyghmi"];

    protected override IReadOnlyList<string> Modules => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B415", Name: "import-pyghmi", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 319,
        What: "Imports of `pyghmi` (IPMI), including dynamic imports.",
        Why: """
            IPMI, the protocol pyghmi speaks to baseboard management controllers, has weak authentication (RAKP hash
            disclosure, cipher zero) and is meant for isolated management networks only.
            """,
        Example: "from pyghmi.ipmi import command",
        Fix: "# manage the BMC over Redfish (HTTPS) instead of IPMI",
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_imports.html#b415-import-pyghmi"])
    {
        Compliance = Compliance.CleartextTransport,
        Aliases = ["S415"],
    };

    protected override string Message(string name) =>
        $"`{name}` imported: IPMI is an insecure protocol; use an encrypted management interface.";
}
