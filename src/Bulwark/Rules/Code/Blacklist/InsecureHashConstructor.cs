using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B303 — MD2, MD4, MD5 or SHA-1 from PyCrypto, PyCryptodome or `cryptography` (hashlib is B324).</summary>
public sealed class InsecureHashConstructor : BlacklistedCall
{
    static readonly string[] Names =
    [
        "Crypto.Hash.MD2.new", "Crypto.Hash.MD4.new", "Crypto.Hash.MD5.new", "Crypto.Hash.SHA.new",
        "Cryptodome.Hash.MD2.new", "Cryptodome.Hash.MD4.new", "Cryptodome.Hash.MD5.new", "Cryptodome.Hash.SHA.new",
        "cryptography.hazmat.primitives.hashes.MD5", "cryptography.hazmat.primitives.hashes.SHA1",
    ];

    protected override IReadOnlyList<string> QualifiedNames => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B303", Name: "md5", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 327,
        What: $"""
            Construction of a broken hash from the PyCrypto, PyCryptodome or `cryptography` libraries: {Listing(Names)}.
            (`hashlib.md5` and friends are B324, as in Bandit 1.9.)
            """,
        Why: """
            Collisions are practical for MD2, MD4, MD5 and SHA-1: signatures, integrity checks or password hashes built
            on them can be forged.
            """,
        Example: """
            from Crypto.Hash import MD5
            digest = MD5.new(document).digest()
            """,
        Fix: """
            from Crypto.Hash import SHA256
            digest = SHA256.new(document).digest()
            """,
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b303-md5",
                     "https://cwe.mitre.org/data/definitions/327.html"])
    {
        Compliance = Compliance.WeakCryptography,
        Aliases = ["S303"],
    };

    protected override string Message(string name) =>
        $"`{name}` is a broken hash function (MD2, MD4, MD5 or SHA-1); use SHA-256 or stronger.";
}
