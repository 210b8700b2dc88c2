using System.Numerics;
using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>AUTH002 — PBKDF2 iterations, bcrypt rounds, scrypt or Argon2 costs below current guidance.</summary>
public sealed class WeakKdfWorkFactor : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "AUTH002", Name: "weak-kdf-work-factor", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 916,
        What: """
            Password-hashing calls whose cost, a known constant, is below OWASP's Password Storage guidance:
            `hashlib.pbkdf2_hmac` and cryptography's `PBKDF2HMAC` with fewer than 1,300,000 iterations for SHA-1,
            600,000 for SHA-256 (and SHA-224) or 210,000 for SHA-512 (and SHA-384); `bcrypt.gensalt(rounds)` below 10;
            passlib's `….using(rounds=…)` for `pbkdf2_*`/`bcrypt` below the same figures; `hashlib.scrypt` with
            `n·r·p` below 2^13·8·10 (OWASP's weakest listed equivalent of N=2^17, r=8, p=1); argon2-cffi's
            `PasswordHasher` with `memory_cost·time_cost` below 7 MiB·5 (OWASP's weakest listed Argon2id setting).
            """,
        Why: """
            The work factor is the only thing that makes a leaked password hash expensive to crack; at a tenth of the
            recommended cost an attacker tests ten times as many guesses per second.
            """,
        Example: """
            key = hashlib.pbkdf2_hmac("sha256", password, salt, 100_000)
            salt = bcrypt.gensalt(rounds=8)
            """,
        Fix: """
            key = hashlib.pbkdf2_hmac("sha256", password, salt, 600_000)
            salt = bcrypt.gensalt()          # 12 rounds by default
            # or better, Argon2id: argon2.PasswordHasher()
            """,
        References: ["https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html",
                     "https://docs.python.org/3/library/hashlib.html#key-derivation"])
    {
        Compliance = Compliance.WeakCryptography,
    };

    static long Pbkdf2Minimum(string? hash) => hash?.ToLowerInvariant().Replace("-", "").Replace("_", "") switch
    {
        "sha1" or "md5" => 1_300_000,
        "sha256" or "sha224" => 600_000,
        "sha512" or "sha384" => 210_000,
        _ => 0,
    };

    public override CallInterest? Calls { get; } = new() { Names = ["hashlib.pbkdf2_hmac", "cryptography.hazmat.primitives.kdf.pbkdf2.PBKDF2HMAC", "bcrypt.gensalt", "hashlib.scrypt", "argon2.PasswordHasher"], LastNames = ["using"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        var q = call.QualifiedName;
        switch (q)
        {
            case "hashlib.pbkdf2_hmac":
                Pbkdf2(call.Model.StringValue(call.Arg("hash_name", 0)), call.Arg("iterations", 3), context);
                return;
            case "cryptography.hazmat.primitives.kdf.pbkdf2.PBKDF2HMAC":
                var algorithm = call.Arg("algorithm", 0);
                var name = algorithm is Call ac ? SemanticModel.SimpleName(ac.Func) : algorithm is not null ? SemanticModel.SimpleName(algorithm) : null;
                Pbkdf2(name, call.Arg("iterations", 3), context);
                return;
            case "bcrypt.gensalt":
                if (call.Model.IntValue(call.Arg("rounds", 0)) is { } rounds && rounds < 10)
                    context.Report(this, call.Arg("rounds", 0)!, $"bcrypt with {rounds} rounds: use 10 or more (the default, 12, is fine).");
                return;
            case "hashlib.scrypt":
                if (call.Model.IntValue(call.Arg("n")) is { } n && call.Model.IntValue(call.Arg("r")) is { } r && call.Model.IntValue(call.Arg("p")) is { } p
                    && n * r * p < (BigInteger)8192 * 8 * 10)
                    context.Report(this, call.Arg("n")!, $"scrypt with n={n}, r={r}, p={p} costs less than OWASP's minimum (N=2^17, r=8, p=1 or an equivalent).");
                return;
            case "argon2.PasswordHasher":
                var m = call.Model.IntValue(call.Arg("memory_cost", 1));
                var t = call.Model.IntValue(call.Arg("time_cost", 0));
                if (m is { } mem && t is { } time && mem * time < 7168 * 5)
                    context.Report(this, call.Arg("memory_cost", 1)!, $"Argon2 with memory_cost={mem} KiB and time_cost={time} is below OWASP's minimum (19 MiB and 2 passes, or an equivalent).");
                return;
        }
        // passlib: pbkdf2_sha256.using(rounds=…), bcrypt.using(rounds=…)
        if (call.Node.Func is AttributeExpr { Attr: "using" } u && context.Semantic.QualifiedName(u.Value) is { } scheme
            && scheme.StartsWith("passlib.hash.", StringComparison.Ordinal) && call.Arg("rounds") is { } roundsArg
            && call.Model.IntValue(roundsArg) is { } value)
        {
            var s = scheme[13..];
            if (s.StartsWith("pbkdf2_", StringComparison.Ordinal) && value < Pbkdf2Minimum(s[7..]))
                context.Report(this, roundsArg, $"passlib {s} with {value} rounds: use at least {Pbkdf2Minimum(s[7..]):N0}.");
            else if (s is "bcrypt" or "bcrypt_sha256" && value < 10)
                context.Report(this, roundsArg, $"passlib {s} with {value} rounds: use 10 or more.");
        }
    }

    void Pbkdf2(string? hash, Expr? iterations, CodeContext context)
    {
        var minimum = Pbkdf2Minimum(hash);
        if (minimum == 0 || iterations is null || context.Semantic.IntValue(iterations) is not { } n || n >= minimum) return;
        context.Report(this, iterations, $"PBKDF2-{hash!.ToUpperInvariant()} with {n} iterations: OWASP recommends at least {minimum:N0}.");
    }
}
