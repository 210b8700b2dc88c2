using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B305 — ECB mode: Bandit's `cryptography` check, and in the default profile PyCryptodome/PyCrypto `X.new(key, X.MODE_ECB)`.</summary>
public sealed class InsecureCipherMode : BlacklistedCall
{
    static readonly string[] Names = ["cryptography.hazmat.primitives.ciphers.modes.ECB"];

    protected override IReadOnlyList<string> QualifiedNames => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B305", Name: "cipher-modes", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 327,
        What: """
            Use of the ECB block cipher mode: from `cryptography` (`modes.ECB()`), and outside the Bandit profile from
            PyCryptodome and PyCrypto (`Crypto.Cipher`/`Cryptodome.Cipher`): `AES.new(key, AES.MODE_ECB)`,
            `DES3.new(key, mode=DES3.MODE_ECB)`, the mode given as the number 1, or PyCrypto's `new(key)` without a mode,
            which defaults to ECB (PyCryptodome rejects a call without one). A weak cipher in ECB mode (`DES.new(key,
            DES.MODE_ECB)`) is also B304's: the cipher and the mode are two weaknesses, each reported once.
            """,
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
        DifferencesFromBandit = """
            Bandit reports only `cryptography`'s `modes.ECB`; Bulwark's default profile also reports ECB through
            PyCryptodome and PyCrypto's `MODE_ECB`. `--profile bandit` reports Bandit's list only.
            """,
    };

    /// <summary>The PyCryptodome/PyCrypto `X.new` calls reach the rule as well.</summary>
    protected override IReadOnlyList<string> ExtraRoots { get; } = ["Crypto", "Cryptodome"];

    static readonly HashSet<string> Ciphers = new(StringComparer.Ordinal) { "AES", "DES", "DES3", "ARC2", "Blowfish", "CAST" };

    public override void Check(Node node, CodeContext context)
    {
        base.Check(node, context);
        if (context.Settings.Profile == RuleProfile.Bandit) return;
        var call = context.Semantic.Call((Call)node);
        if (call.QualifiedName is not { } q || !q.EndsWith(".new", StringComparison.Ordinal)) return;
        var parts = q.Split('.');
        if (parts.Length != 4 || parts[0] is not ("Crypto" or "Cryptodome") || parts[1] != "Cipher" || !Ciphers.Contains(parts[2])) return;
        var mode = call.Arg("mode", 1);
        string? message = null;
        if (mode is null)
        {
            // PyCryptodome raises without a mode; PyCrypto (the `Crypto` package it replaces) defaults to ECB.
            if (parts[0] == "Crypto" && !call.Node.Keywords.Any(k => k.Name is null) && !call.Node.Args.Any(a => a is Starred))
                message = $"`{parts[2]}.new` without a mode: PyCrypto defaults to ECB, which leaks patterns of the plaintext; use AES in an authenticated mode such as `AES.MODE_GCM`.";
        }
        else if (call.Model.QualifiedName(mode) is { } m ? m.EndsWith(".MODE_ECB", StringComparison.Ordinal) : call.Model.Evaluate(mode) is { Kind: ValueKind.Int } v && v.AsInt == 1)
            message = $"`{parts[2]}.new` in ECB mode: equal plaintext blocks give equal ciphertext blocks; use AES in an authenticated mode such as `AES.MODE_GCM`.";
        if (message is not null) context.Report(this, call.Node, message);
    }

    protected override string Message(string name) =>
        $"`{name}`: ECB mode leaks patterns of the plaintext; use an authenticated mode such as GCM.";
}
