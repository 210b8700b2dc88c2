using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B312 — a Telnet client.</summary>
public sealed class TelnetCall : BlacklistedCall
{
    static readonly string[] Names = ["telnetlib.Telnet"];

    protected override IReadOnlyList<string> QualifiedNames => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B312", Name: "telnetlib", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 319,
        What: """
            Construction of a `telnetlib.Telnet` client (Bandit 1.9 reports exactly this name; its documentation's
            `telnetlib.*` is not what it checks).
            """,
        Why: """
            Telnet sends everything, credentials included, in clear text; anyone on the network path can read or alter
            the session.
            """,
        Example: """
            tn = telnetlib.Telnet(host)
            tn.write(password.encode() + b"\n")
            """,
        Fix: """
            client = paramiko.SSHClient()  # an encrypted protocol
            client.connect(host, username=user, key_filename=key)
            """,
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b312-telnetlib",
                     "https://cwe.mitre.org/data/definitions/319.html"])
    {
        Compliance = Compliance.CleartextTransport,
        Aliases = ["S312"],
    };

    protected override string Message(string name) =>
        $"`{name}`: Telnet is unencrypted; use SSH or another encrypted protocol.";
}
