using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>CRY001 — an initialisation vector or nonce fixed in the code.</summary>
public sealed class StaticInitializationVector : CallRule
{
    static readonly HashSet<string> CryptographyModes = new(StringComparer.Ordinal) { "CBC", "CFB", "CFB8", "OFB", "CTR", "GCM", "XTS" };
    static readonly HashSet<string> AeadClasses = new(StringComparer.Ordinal) { "AESGCM", "AESCCM", "AESOCB3", "AESGCMSIV", "ChaCha20Poly1305", "AESSIV" };
    static readonly HashSet<string> PyCryptoCiphers = new(StringComparer.Ordinal) { "AES", "DES", "DES3", "Blowfish", "ARC2", "CAST", "ChaCha20", "ChaCha20_Poly1305", "Salsa20" };

    public override RuleInfo Info { get; } = new(
        Id: "CRY001", Name: "static-iv-or-nonce", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 329,
        What: """
            A constant initialisation vector or nonce (a bytes or string literal, a module constant, `b"\0" * 16`,
            `bytes(16)`): cryptography's `modes.CBC/CFB/OFB/CTR/GCM(iv)`, the nonce of an AEAD's `encrypt(nonce, …)`
            (`AESGCM`, `ChaCha20Poly1305`…), and PyCryptodome's `AES.new(key, mode, iv=…/nonce=…)` (also positional).
            """,
        Why: """
            An IV or nonce must never repeat under one key. With a fixed one, CBC leaks which messages start alike, and
            CTR and GCM become a two-time pad: XOR of two ciphertexts is the XOR of the plaintexts, and GCM's
            authentication key can be recovered, allowing forgeries.
            """,
        Example: """
            cipher = Cipher(algorithms.AES(key), modes.CBC(b"0000000000000000"))
            """,
        Fix: """
            iv = os.urandom(16)                      # fresh for every message, stored beside the ciphertext
            cipher = Cipher(algorithms.AES(key), modes.CBC(iv))
            # or AEAD: nonce = os.urandom(12); AESGCM(key).encrypt(nonce, data, None)
            """,
        References: ["https://cryptography.io/en/latest/hazmat/primitives/symmetric-encryption/#modes",
                     "https://cwe.mitre.org/data/definitions/329.html"])
    {
        Compliance = Compliance.WeakCryptography,
    };

    public override CallInterest? Calls { get; } = new() { Roots = ["cryptography", "Crypto", "Cryptodome"], LastNames = ["encrypt"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        var q = call.QualifiedName;
        Expr? iv = null;
        if (q is not null && q.StartsWith("cryptography.hazmat.primitives.ciphers.modes.", StringComparison.Ordinal)
            && CryptographyModes.Contains(q[(q.LastIndexOf('.') + 1)..]))
            iv = call.Arg("initialization_vector", 0) ?? call.Arg("nonce", 0) ?? call.Arg("tweak", 0);
        else if (q is not null && (q.StartsWith("Crypto.Cipher.", StringComparison.Ordinal) || q.StartsWith("Cryptodome.Cipher.", StringComparison.Ordinal))
            && q.EndsWith(".new", StringComparison.Ordinal) && PyCryptoCiphers.Contains(q.Split('.')[2]))
            iv = call.Arg("iv") ?? call.Arg("nonce") ?? call.Arg("IV", 2);
        else if (call.Node.Func is AttributeExpr { Attr: "encrypt" } enc && call.PositionalCount >= 2 && IsAead(enc.Value, context))
            iv = call.Positional(0);
        if (iv is null || !Literals.IsConstantBytes(iv, context.Semantic)) return;
        context.Report(this, iv, "A constant IV/nonce: it repeats for every message under the same key; generate a fresh one with `os.urandom`.");
    }

    static bool IsAead(Expr receiver, CodeContext context)
    {
        if (receiver is Call c) return context.Semantic.QualifiedName(c.Func) is { } q && AeadClasses.Contains(q[(q.LastIndexOf('.') + 1)..]) && q.StartsWith("cryptography.", StringComparison.Ordinal);
        if (receiver is Name n && context.Semantic.BindingOf(n) is { Kind: BindingKind.Assignment, Value: Call bound })
            return IsAead(bound, context);
        return false;
    }
}
