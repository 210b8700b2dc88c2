using Bulwark.Core;
using Bulwark.Semantics;
using Bulwark.Taint;

namespace Bulwark.Rules.Code;

/// <summary>
/// AUTH001 — a password hashed with a fast general-purpose hash instead of a password-hashing function: flows of the
/// `password` source kind to `password-hash` sinks, plus the name check at the call (<see cref="PasswordFastHashByName"/>).
/// </summary>
public sealed class PasswordFastHash : TaintRule
{

    public override RuleInfo Info { get; } = new(
        Id: "AUTH001", Name: "password-fast-hash", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.Medium, Cwe: 916,
        What: """
            `hashlib` hashes (SHA-2, SHA-3, BLAKE2, `hashlib.new(…)`, `.update(…)` on one) applied to a password: a value
            named as one (`password`, `user.password`, `request.form["password"]`, `getpass.getpass()`) or derived from
            one, followed by the taint analysis through assignments, `.encode()`, string building with a salt, helper
            functions and modules. MD5 and SHA-1 are reported by B324 already, so this rule leaves them to it unless the
            call claims `usedforsecurity=False`. A hash computed in a function that reads a nonce answers a challenge
            (HTTP Digest's `H(username:realm:password)` per RFC 2617/7616, CRAM-MD5, SCRAM): it is sent, not stored,
            and the protocol fixes its algorithm, so it is not reported. Flows are limited as LOG001's are (no shared
            state, no crossing of top-level packages, three sinks per source).
            """,
        Why: """
            General-purpose hashes are built to be fast: a single GPU tries billions of SHA-256 guesses a second, so a
            leaked table of salted SHA-256 password hashes is mostly cracked within days. Password-hashing functions
            (Argon2id, scrypt, bcrypt, PBKDF2 with a high iteration count) are slow and memory-hard on purpose.
            """,
        Example: """
            digest = hashlib.sha256((salt + password).encode()).hexdigest()
            """,
        Fix: """
            from argon2 import PasswordHasher          # pip install argon2-cffi

            ph = PasswordHasher()                      # Argon2id with safe defaults
            stored = ph.hash(password)
            ph.verify(stored, candidate)               # raises on mismatch
            # in Django: django.contrib.auth.hashers.make_password / check_password
            """,
        References: ["https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html",
                     "https://cwe.mitre.org/data/definitions/916.html"])
    {
        Compliance = Compliance.WeakCryptography,
    };

    public override string SinkKind => "password-hash";
    public override IReadOnlyList<string> SourceKinds => ["password"];
    public override string Weakness => "Password hashed with a fast hash";
    public override INameSources NameSources => SensitiveNameSources.Instance;
    public override CodeRule Pattern { get; }

    public PasswordFastHash() => Pattern = new PasswordFastHashByName(Info);
}

/// <summary>AUTH001's check at the call: a `hashlib` hash of an expression named as a password.</summary>
public sealed class PasswordFastHashByName(RuleInfo info) : CallRule
{
    static readonly HashSet<string> FastHashes = new(StringComparer.Ordinal)
    {
        "md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512",
        "blake2b", "blake2s", "shake_128", "shake_256", "new",
    };

    public override RuleInfo Info { get; } = info;
    public override CallInterest? Calls { get; } = new() { Roots = ["hashlib"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.QualifiedName is not { } q || !q.StartsWith("hashlib.", StringComparison.Ordinal)) return;
        var fn = q[8..];
        if (!FastHashes.Contains(fn)) return;
        var algorithm = fn == "new" ? call.Model.StringValue(call.Arg("name", 0))?.ToLowerInvariant() : fn;
        if (algorithm is null) return;
        bool notForSecurity = call.Value("usedforsecurity") is { IsFalse: true };
        if (algorithm is "md5" or "sha1" && !notForSecurity) return; // B324's
        var data = fn == "new" ? call.Arg("data", 1) : call.Arg("string", 0) ?? call.Arg("data", 0);
        if (data is null || SensitiveNames.Find(data, context.Semantic) is not { Kind: SensitiveKind.Password } found) return;
        // A challenge's answer (HTTP Digest, CRAM-MD5, SCRAM), not a stored hash: any enclosing function reads a nonce.
        for (var function = context.Semantic.EnclosingFunction(call.Node); function is not null;)
        {
            if (SensitiveNames.MentionsNonce(context.File.Text.Text, function.Start, function.End)) return;
            var outer = context.Semantic.EnclosingFunction(function);
            function = ReferenceEquals(outer, function) ? null : outer;
        }
        context.Report(this, found.Node, $"A password is hashed with fast {algorithm.ToUpperInvariant()}: use Argon2id, scrypt, bcrypt or PBKDF2 (a password-hashing function).");
    }
}
