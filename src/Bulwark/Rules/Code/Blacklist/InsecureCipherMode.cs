using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B305 — ECB mode.</summary>
public sealed class InsecureCipherMode : BlacklistedCall
{
    static readonly string[] Names = ["cryptography.hazmat.primitives.ciphers.modes.ECB"];

    protected override IReadOnlyList<string> QualifiedNames => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B305", Name: "cipher-modes", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 327,
        What: "Use of the ECB block cipher mode from `cryptography` (`modes.ECB()`).",
        Why: """
            ECB encrypts equal plaintext blocks to equal ciphertext blocks, so the structure of the data shows through
            and blocks can be reordered or replayed without detection.
            """,
        Example: "cipher = Cipher(algorithms.AES(key), modes.ECB())",
        Fix: "cipher = Cipher(algorithms.AES(key), modes.GCM(nonce))",
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b304-b305-ciphers-and-modes",
                     "https://cryptography.io/en/latest/hazmat/primitives/symmetric-encryption/#cryptography.hazmat.primitives.ciphers.modes.ECB"])
    {
        Compliance = Compliance.WeakCryptography,
        Aliases = ["S305"],
    };

    protected override string Message(string name) =>
        $"`{name}`: ECB mode leaks patterns of the plaintext; use an authenticated mode such as GCM.";
}
