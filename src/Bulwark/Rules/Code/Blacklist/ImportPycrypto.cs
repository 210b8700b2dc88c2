using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B413 — import of the unmaintained pyCrypto.</summary>
public sealed class ImportPycrypto : BlacklistedImport
{
    static readonly string[] Names = ["Crypto.Cipher", "Crypto.Hash", "Crypto.IO", "Crypto.Protocol", "Crypto.PublicKey", "Crypto.Random", "Crypto.Signature", "Crypto.Util"];

    protected override IReadOnlyList<string> Modules => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B413", Name: "import-pycrypto", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 327,
        What: """
            Imports of the `Crypto.*` subpackages of pyCrypto (`Crypto.Cipher`, `Crypto.Hash`, `Crypto.IO`,
            `Crypto.Protocol`, `Crypto.PublicKey`, `Crypto.Random`, `Crypto.Signature`, `Crypto.Util`), including
            dynamic imports. `Cryptodome.*` is not reported.
            """,
        Why: """
            pyCrypto has not been maintained since 2013 and has known vulnerabilities (such as CVE-2013-7459). Note that
            PyCryptodome installed as a drop-in replacement also provides `Crypto.*`; with it the finding is a false
            positive that `Cryptodome.*` imports avoid.
            """,
        Example: "from Crypto.Cipher import AES",
        Fix: "from cryptography.hazmat.primitives.ciphers.aead import AESGCM",
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_imports.html#b413-import-pycrypto"])
    {
        Compliance = Compliance.WeakCryptography,
        Aliases = ["S413"],
    };

    protected override string Message(string name) =>
        $"`{name}`: pyCrypto is unmaintained and deprecated; use `cryptography` (or PyCryptodome's `Cryptodome` package).";
}
