using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B402 — import of `ftplib`.</summary>
public sealed class ImportFtplib : BlacklistedImport
{
    static readonly string[] Names = ["ftplib"];

    protected override IReadOnlyList<string> Modules => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B402", Name: "import-ftplib", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 319,
        What: "Imports of `ftplib` (and of any module whose dotted name starts with it), including dynamic imports.",
        Why: """
            Plain FTP sends the login and files in clear text. (`ftplib.FTP_TLS` is encrypted; this check cannot tell,
            as in Bandit.)
            """,
        Example: "from ftplib import FTP",
        Fix: """
            import paramiko  # SFTP
            # or: from ftplib import FTP_TLS
            """,
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_imports.html#b402-import-ftplib"])
    {
        Compliance = Compliance.CleartextTransport,
        Aliases = ["S402"],
    };

    protected override string Message(string name) =>
        $"`{name}` imported: FTP is unencrypted; use SFTP/SCP or FTP over TLS.";
}
