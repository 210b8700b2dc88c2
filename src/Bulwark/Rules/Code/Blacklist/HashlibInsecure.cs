using Bulwark.Core;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B324 — MD4, MD5 or SHA-1 from `hashlib` used for security, and weak `crypt` methods.</summary>
public sealed class HashlibInsecure : CodeRule
{
    static readonly string[] WeakHashes = ["md4", "md5", "sha", "sha1"];
    static readonly string[] WeakCryptMethods = ["METHOD_CRYPT", "METHOD_MD5", "METHOD_BLOWFISH"];

    public override RuleInfo Info { get; } = new(
        Id: "B324", Name: "hashlib", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 327,
        What: """
            `hashlib.md4`, `hashlib.md5`, `hashlib.sha1` (and `hashlib.new` with one of these names, in any case) unless
            called with `usedforsecurity=False`; and `crypt.crypt` / `crypt.mksalt` with `METHOD_CRYPT`, `METHOD_MD5` or
            `METHOD_BLOWFISH` (medium severity).
            """,
        Why: """
            MD4, MD5 and SHA-1 have practical collision attacks and are fast to brute-force, so signatures, integrity
            checks, tokens and password hashes built on them can be forged or cracked. Python 3.9+ lets code declare a
            non-security use with `usedforsecurity=False`, which is also what FIPS-mode systems require.
            """,
        Example: "digest = hashlib.md5(password.encode()).hexdigest()",
        Fix: """
            digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
            # or, for a cache key: hashlib.md5(data, usedforsecurity=False)
            """,
        References: ["https://bandit.readthedocs.io/en/latest/plugins/b324_hashlib.html",
                     "https://docs.python.org/3/library/hashlib.html#hash-algorithms"])
    {
        Compliance = Compliance.WeakCryptography,
        Aliases = ["S324"],
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Call];

    /// <summary>Calls Bandit names with a `hashlib` or `crypt` part, and dynamic imports (named after what they import).</summary>
    public override CallInterest? Calls { get; } = new()
    {
        LooseParts = ["hashlib", "crypt"],
        LooseNames = ["importlib.import_module", "importlib.__import__"],
        LastNames = ["__import__"],
    };

    public override void Check(Node node, CodeContext context)
    {
        var call = (Call)node;
        var name = BlacklistNames.Of(call, context).Name;
        if (name is null) return;
        // Bandit tests whether any dotted part is `hashlib` / `crypt`, then looks at the last part.
        var func = name[(name.LastIndexOf('.') + 1)..];
        if (HasPart(name, "hashlib")) CheckHashlib(call, func, context);
        else if (HasPart(name, "crypt")) CheckCrypt(call, func, context);
    }

    void CheckHashlib(Call call, string func, CodeContext context)
    {
        string? algorithm;
        if (Array.IndexOf(WeakHashes, func) >= 0) algorithm = func;
        else if (func == "new")
        {
            var arg = call.Args.Count > 0 ? call.Args[0] : BlacklistNames.Keyword(call, "name");
            algorithm = arg is null ? null : BanditLiteral.AsText(arg);
            if (algorithm is null || Array.IndexOf(WeakHashes, algorithm.ToLowerInvariant()) < 0) return;
        }
        else return;
        if (!UsedForSecurity(call)) return;
        context.Report(this, call,
            $"Weak {algorithm.ToUpperInvariant()} hash used for security; use SHA-256 or stronger, or pass `usedforsecurity=False` if it is not a security use.");
    }

    void CheckCrypt(Call call, string func, CodeContext context)
    {
        Expr? method = func switch
        {
            "crypt" => call.Args.Count > 1 ? call.Args[1] : BlacklistNames.Keyword(call, "salt"),
            "mksalt" => call.Args.Count > 0 ? call.Args[0] : BlacklistNames.Keyword(call, "method"),
            _ => null,
        };
        var text = method is null ? null : BanditLiteral.AsText(method);
        if (text is null || Array.IndexOf(WeakCryptMethods, text) < 0) return;
        context.Report(this, call, $"Weak `crypt.{text}` password hash method; use `METHOD_SHA512` (or a modern KDF such as scrypt or argon2).",
            Severity.Medium, Confidence.High);
    }

    /// <summary>Bandit's test: absent, `True` or the string "True" mean a security use; anything else (False, a variable) does not.</summary>
    static bool UsedForSecurity(Call call)
    {
        var flag = BlacklistNames.Keyword(call, "usedforsecurity");
        return flag is null || BanditLiteral.AsText(flag) == "True";
    }

    static bool HasPart(string dotted, string part)
    {
        int start = 0;
        while (start <= dotted.Length)
        {
            int dot = dotted.IndexOf('.', start);
            if (dot < 0) dot = dotted.Length;
            if (dot - start == part.Length && string.CompareOrdinal(dotted, start, part, 0, part.Length) == 0) return true;
            start = dot + 1;
        }
        return false;
    }
}
