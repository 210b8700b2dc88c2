using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B304 — a weak block or stream cipher.</summary>
public sealed class InsecureCipher : BlacklistedCall
{
    static readonly string[] Names =
    [
        "Crypto.Cipher.ARC2.new", "Crypto.Cipher.ARC4.new", "Crypto.Cipher.Blowfish.new", "Crypto.Cipher.DES.new", "Crypto.Cipher.XOR.new",
        "Cryptodome.Cipher.ARC2.new", "Cryptodome.Cipher.ARC4.new", "Cryptodome.Cipher.Blowfish.new", "Cryptodome.Cipher.DES.new", "Cryptodome.Cipher.XOR.new",
        "cryptography.hazmat.primitives.ciphers.algorithms.ARC4",
        "cryptography.hazmat.primitives.ciphers.algorithms.Blowfish",
        "cryptography.hazmat.primitives.ciphers.algorithms.CAST5",
        "cryptography.hazmat.primitives.ciphers.algorithms.IDEA",
        "cryptography.hazmat.primitives.ciphers.algorithms.SEED",
        "cryptography.hazmat.primitives.ciphers.algorithms.TripleDES",
    ];

    protected override IReadOnlyList<string> QualifiedNames => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B304", Name: "ciphers", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 327,
        What: "Use of a weak cipher: " + Listing(Names) + ".",
        Why: """
            RC2, RC4, Blowfish, DES, 3DES, CAST5, IDEA, SEED and XOR have short keys, 64-bit blocks (open to birthday
            attacks such as Sweet32) or known biases; data they protect should be considered readable.
            """,
        Example: """
            from Crypto.Cipher import DES
            cipher = DES.new(key, DES.MODE_CBC, iv)
            """,
        Fix: """
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM
            ciphertext = AESGCM(key).encrypt(nonce, data, None)
            """,
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b304-b305-ciphers-and-modes",
                     "https://sweet32.info/"])
    {
        Compliance = Compliance.WeakCryptography,
        Aliases = ["S304"],
    };

    protected override string Message(string name) =>
        $"`{name}` is a weak cipher; use AES (preferably an authenticated mode such as GCM) or ChaCha20-Poly1305.";
}
