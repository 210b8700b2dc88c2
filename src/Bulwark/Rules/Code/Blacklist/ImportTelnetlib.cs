using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B401 — import of `telnetlib`.</summary>
public sealed class ImportTelnetlib : BlacklistedImport
{
    static readonly string[] Names = ["telnetlib"];

    protected override IReadOnlyList<string> Modules => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B401", Name: "import-telnetlib", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 319,
        What: """
            Imports of `telnetlib` (and of any module whose dotted name starts with it), including
            `__import__("telnetlib")` and `importlib.import_module("telnetlib")`.
            """,
        Why: """
            Telnet sends credentials and data in clear text. Code that imports a Telnet client almost always talks
            Telnet to something.
            """,
        Example: "import telnetlib",
        Fix: "import paramiko  # SSH",
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_imports.html#b401-import-telnetlib"])
    {
        Compliance = Compliance.CleartextTransport,
        Aliases = ["S401"],
    };

    protected override string Message(string name) =>
        $"`{name}` imported: Telnet is unencrypted; use SSH or another encrypted protocol.";
}
