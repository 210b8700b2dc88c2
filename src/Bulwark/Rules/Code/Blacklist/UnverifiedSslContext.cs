using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B323 — `ssl._create_unverified_context`.</summary>
public sealed class UnverifiedSslContext : BlacklistedCall
{
    static readonly string[] Names = ["ssl._create_unverified_context"];

    protected override IReadOnlyList<string> QualifiedNames => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B323", Name: "unverified-context", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 295,
        What: "Calls to `ssl._create_unverified_context`.",
        Why: """
            The context it returns checks neither the certificate chain nor the host name, so a man in the middle can
            present any certificate and read or change the traffic.
            """,
        Example: "urllib.request.urlopen(url, context=ssl._create_unverified_context())",
        Fix: "urllib.request.urlopen(url, context=ssl.create_default_context())",
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b323-unverified-context",
                     "https://peps.python.org/pep-0476/"])
    {
        Compliance = Compliance.CertificateValidation,
        Aliases = ["S323"],
    };

    protected override string Message(string name) =>
        $"`{name}` disables certificate and host name verification; use `ssl.create_default_context()`.";
}
