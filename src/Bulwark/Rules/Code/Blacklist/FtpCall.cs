using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B321 — a plain FTP client.</summary>
public sealed class FtpCall : BlacklistedCall
{
    static readonly string[] Names = ["ftplib.FTP"];

    protected override IReadOnlyList<string> QualifiedNames => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B321", Name: "ftplib", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 319,
        What: """
            Construction of an `ftplib.FTP` client (Bandit 1.9 reports exactly this name; `ftplib.FTP_TLS` is not
            reported).
            """,
        Why: "FTP sends the login and the files in clear text; anyone on the network path can read or alter them.",
        Example: """
            ftp = ftplib.FTP(host)
            ftp.login(user, password)
            """,
        Fix: """
            ftp = ftplib.FTP_TLS(host)
            ftp.login(user, password)
            ftp.prot_p()  # or SFTP
            """,
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b321-ftplib",
                     "https://cwe.mitre.org/data/definitions/319.html"])
    {
        Compliance = Compliance.CleartextTransport,
        Aliases = ["S321"],
    };

    protected override string Message(string name) =>
        $"`{name}`: FTP is unencrypted; use SFTP, SCP or `ftplib.FTP_TLS`.";
}
