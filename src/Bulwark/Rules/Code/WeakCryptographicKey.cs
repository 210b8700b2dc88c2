using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B505 — an RSA, DSA or EC key generated too small to resist factoring or discrete-log attacks.</summary>
public sealed class WeakCryptographicKey : CallRule
{
    static readonly Dictionary<string, (string Type, int Position, string Keyword)> Generators = new(StringComparer.Ordinal)
    {
        ["cryptography.hazmat.primitives.asymmetric.dsa.generate_private_key"] = ("DSA", 0, "key_size"),
        ["cryptography.hazmat.primitives.asymmetric.rsa.generate_private_key"] = ("RSA", 1, "key_size"),
        ["cryptography.hazmat.primitives.asymmetric.ec.generate_private_key"] = ("EC", 0, "curve"),
        ["Crypto.PublicKey.DSA.generate"] = ("DSA", 0, "bits"),
        ["Crypto.PublicKey.RSA.generate"] = ("RSA", 0, "bits"),
        ["Cryptodome.PublicKey.DSA.generate"] = ("DSA", 0, "bits"),
        ["Cryptodome.PublicKey.RSA.generate"] = ("RSA", 0, "bits"),
    };

    static readonly Dictionary<string, int> CurveSizes = new(StringComparer.Ordinal)
    {
        ["SECT571K1"] = 571, ["SECT571R1"] = 570, ["SECP521R1"] = 521, ["BrainpoolP512R1"] = 512, ["SECT409K1"] = 409,
        ["SECT409R1"] = 409, ["BrainpoolP384R1"] = 384, ["SECP384R1"] = 384, ["SECT283K1"] = 283, ["SECT283R1"] = 283,
        ["BrainpoolP256R1"] = 256, ["SECP256K1"] = 256, ["SECP256R1"] = 256, ["SECT233K1"] = 233, ["SECT233R1"] = 233,
        ["SECP224R1"] = 224, ["SECP192R1"] = 192, ["SECT163K1"] = 163, ["SECT163R2"] = 163,
    };

    public override RuleInfo Info { get; } = new(
        Id: "B505", Name: "weak-cryptographic-key", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 326,
        What: """
            Key generation with `cryptography` (`rsa`/`dsa`/`ec.generate_private_key`) or PyCrypto/PyCryptodome
            (`RSA`/`DSA.generate`) below 2048 bits for RSA and DSA or 224 bits for elliptic curves (medium), or below
            1024 / 160 bits (high). Sizes are evaluated at analysis time.
            """,
        Why: """
            Keys of these sizes can be broken with available computing power: signatures can be forged and encrypted
            data read.
            """,
        Example: "key = rsa.generate_private_key(public_exponent=65537, key_size=1024)",
        Fix: "key = rsa.generate_private_key(public_exponent=65537, key_size=3072)",
        References: [Bandit.Doc("B505", "weak_cryptographic_key"), Bandit.Cwe(326)])
    {
        Compliance = Compliance.WeakCryptography,
        Aliases = ["S505"],
        Options =
        [
            new("weak_key_size_dsa_high", RuleOptionType.Int, 1024L, "DSA keys below this size are reported high."),
            new("weak_key_size_dsa_medium", RuleOptionType.Int, 2048L, "DSA keys below this size are reported medium."),
            new("weak_key_size_rsa_high", RuleOptionType.Int, 1024L, "RSA keys below this size are reported high."),
            new("weak_key_size_rsa_medium", RuleOptionType.Int, 2048L, "RSA keys below this size are reported medium."),
            new("weak_key_size_ec_high", RuleOptionType.Int, 160L, "EC keys below this size are reported high."),
            new("weak_key_size_ec_medium", RuleOptionType.Int, 224L, "EC keys below this size are reported medium."),
        ],
    };

    public override CallInterest? Calls { get; } = new() { Names = [.. Generators.Keys] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.QualifiedName is not { } q || !Generators.TryGetValue(q, out var g)) return;
        var arg = call.Arg(g.Keyword, g.Position);
        long size;
        if (g.Type == "EC")
        {
            // A curve is passed as a class (`ec.SECP192R1`) or an instance (`ec.SECP192R1()`); unknown curves are not reported.
            var curve = arg is Call c ? context.Semantic.SymbolName(c.Func) : context.Semantic.SymbolName(arg);
            if (curve is null || !CurveSizes.TryGetValue(curve, out var bits)) return;
            size = bits;
        }
        else if (arg is null) return; // the library default (2048) is fine
        else if (context.Semantic.IntValue(arg) is { } value) size = (long)value;
        else return;

        var options = context.Options(this);
        var type = g.Type.ToLowerInvariant();
        long high = options.Int($"weak_key_size_{type}_high"), medium = options.Int($"weak_key_size_{type}_medium");
        if (size < high)
            context.Report(this, arg!, $"{g.Type} key sizes below {high} bits are considered breakable.", Severity.High, Confidence.High);
        else if (size < medium)
            context.Report(this, arg!, $"{g.Type} key sizes below {medium} bits are considered breakable.", Severity.Medium, Confidence.High);
    }
}
