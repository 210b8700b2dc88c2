using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Secrets;
using Bulwark.Semantics;

namespace Bulwark.Rules.Secrets;

/// <summary>BW805 — signing and encryption keys written in the code: framework secret keys, JWT keys, cipher keys, fallbacks of environment lookups.</summary>
public sealed class HardcodedCryptographicKey : CodeRule
{
    static readonly string[] JwtFunctions = ["jwt.encode", "jwt.decode", "jose.jwt.encode", "jose.jwt.decode", "jwt.api_jwt.encode", "jwt.api_jwt.decode"];
    static readonly HashSet<string> CipherClasses = new(StringComparer.Ordinal)
    {
        "cryptography.fernet.Fernet",
        "cryptography.hazmat.primitives.ciphers.algorithms.AES", "cryptography.hazmat.primitives.ciphers.algorithms.AES128",
        "cryptography.hazmat.primitives.ciphers.algorithms.AES256", "cryptography.hazmat.primitives.ciphers.algorithms.ChaCha20",
        "cryptography.hazmat.primitives.ciphers.algorithms.TripleDES", "cryptography.hazmat.primitives.ciphers.algorithms.Camellia",
        "cryptography.hazmat.primitives.ciphers.aead.AESGCM", "cryptography.hazmat.primitives.ciphers.aead.AESCCM",
        "cryptography.hazmat.primitives.ciphers.aead.AESOCB3", "cryptography.hazmat.primitives.ciphers.aead.AESSIV",
        "cryptography.hazmat.primitives.ciphers.aead.AESGCMSIV", "cryptography.hazmat.primitives.ciphers.aead.ChaCha20Poly1305",
        "itsdangerous.Signer", "itsdangerous.TimestampSigner", "itsdangerous.Serializer", "itsdangerous.URLSafeSerializer",
        "itsdangerous.URLSafeTimedSerializer", "itsdangerous.TimedSerializer",
    };
    static readonly HashSet<string> PyCryptoCiphers = new(StringComparer.Ordinal) { "AES", "DES", "DES3", "Blowfish", "ARC2", "ARC4", "CAST", "ChaCha20", "ChaCha20_Poly1305", "Salsa20" };
    static readonly HashSet<string> EnvLookups = new(StringComparer.Ordinal)
    {
        "os.environ.get", "os.getenv", "os.environ.setdefault", "decouple.config", "environ.Env.str", "starlette.config.Config",
    };

    public override RuleInfo Info { get; } = new(
        Id: "BW805", Name: "hardcoded-cryptographic-key", Family: Family.Secrets,
        Severity: Severity.High, Confidence: Confidence.Medium, Cwe: 321,
        What: """
            Keys that sign or encrypt, written as literals, whatever their value looks like: a Flask or framework
            secret key set on the application (`app.secret_key = "…"`, `app.config["SECRET_KEY"] = "…"`,
            `app.config.update(SECRET_KEY="…")`, also `JWT_SECRET_KEY`), the key argument of `jwt.encode`/`jwt.decode`,
            of `Fernet(…)`, cryptography's `algorithms.AES(…)` and AEAD classes, PyCryptodome's `AES.new(…)` and
            itsdangerous serializers; and the fallback of an environment lookup for a credential
            (`os.environ.get("SECRET_KEY", "dev-key")`, `os.getenv("DB_PASSWORD", "postgres")`, `config("API_KEY",
            default="…")`, `env("…", default="…")`). Plain assignments (`SECRET_KEY = "…"`) and values the
            other secrets rules report are left to them (BW105, BW800, BW803): each value is reported once. Test
            paths are skipped.
            """,
        Why: """
            Whoever reads the code (every clone, fork, backup and leaked image) can sign sessions and tokens as any
            user or decrypt the data. A fallback value is what production silently runs with the day the environment
            variable is missing.
            """,
        Example: """
            app.secret_key = "dev"
            token = jwt.encode(claims, "s3cr3t", algorithm="HS256")
            SECRET_KEY = os.environ.get("SECRET_KEY", "insecure-default")
            """,
        Fix: """
            app.secret_key = os.environ["FLASK_SECRET_KEY"]          # fail at start-up when it is missing
            token = jwt.encode(claims, settings.JWT_KEY, algorithm="HS256")
            SECRET_KEY = os.environ["SECRET_KEY"]
            # generate keys with: python -c "import secrets; print(secrets.token_urlsafe(64))"
            """,
        References: ["https://cwe.mitre.org/data/definitions/321.html",
                     "https://flask.palletsprojects.com/en/latest/config/#SECRET_KEY",
                     "https://cheatsheetseries.owasp.org/cheatsheets/Cryptographic_Storage_Cheat_Sheet.html#key-storage"])
    {
        Compliance = Compliance.HardcodedCredentials,
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Assign, NodeKind.Call];

    /// <summary>The calls <see cref="CheckCall"/> looks at: most calls of a module are none of them.</summary>
    public override CallInterest? Calls { get; } = new()
    {
        Names = [.. JwtFunctions, .. CipherClasses, .. EnvLookups, "environs.Env"],
        Roots = ["environ", "Crypto", "Cryptodome"],
        LastNames = ["update", "from_mapping", "env", "str", "bytes"],
    };

    public override void Check(Node node, CodeContext context)
    {
        if (SecretPathSkip.Skips(context)) return;
        var model = context.Semantic;
        switch (node)
        {
            case Assign a when a.Value is Constant { ValueKind: ConstantKind.Str or ConstantKind.Bytes } literal:
                foreach (var t in a.Targets)
                {
                    var name = t switch
                    {
                        AttributeExpr { Attr: var attr } => attr,
                        Subscript { Value: AttributeExpr { Attr: "config" }, Slice: var key } => model.StringValue(key),
                        _ => null,
                    };
                    if (name is not null && IsSigningKeyName(name)) Report(literal, name, "signing key", context);
                }
                break;
            case Call c:
                CheckCall(model.Call(c), context);
                break;
        }
    }

    void CheckCall(CallSite call, CodeContext context)
    {
        var model = call.Model;
        var q = call.QualifiedName;
        // app.config.update(SECRET_KEY="…")
        if (call.Node.Func is AttributeExpr { Attr: "update" or "from_mapping", Value: AttributeExpr { Attr: "config" } })
        {
            foreach (var kw in call.Node.Keywords)
                if (kw.Name is { } k && IsSigningKeyName(k) && kw.Value is Constant { ValueKind: ConstantKind.Str or ConstantKind.Bytes } lit)
                    Report(lit, k, "signing key", context);
            return;
        }
        // Fallbacks: os.environ.get("SECRET_KEY", "…"), config("API_KEY", default="…"), env.str("…", default="…"), env("…", default="…")
        bool lookup = (q is not null && (EnvLookups.Contains(q) || q.StartsWith("environ.Env", StringComparison.Ordinal) || q == "environs.Env"))
            || (call.Node.Func is Name { Id: "env" } or AttributeExpr { Value: Name { Id: "env" }, Attr: "str" or "bytes" } && call.HasKeyword("default"));
        if (lookup)
        {
            Fallback(call, context);
            return;
        }
        if (q is null) return;
        if (Array.IndexOf(JwtFunctions, q) >= 0)
        {
            var key = call.Arg("key", 1);
            if (key is not null && Literals.IsConstantBytes(key, model)) Report(Literals.Origin(key, model), "key", "JWT key", context);
            return;
        }
        if (CipherClasses.Contains(q) || IsPyCryptoNew(q))
        {
            var key = call.Arg(q.StartsWith("itsdangerous.", StringComparison.Ordinal) ? "secret_key" : "key", 0);
            if (key is not null && Literals.IsConstantBytes(key, model)) Report(Literals.Origin(key, model), "key", q.StartsWith("itsdangerous.", StringComparison.Ordinal) ? "signing key" : "encryption key", context);
            return;
        }
    }

    void Fallback(CallSite call, CodeContext context)
    {
        var model = call.Model;
        if (model.StringValue(call.Positional(0)) is not { } variable) return;
        var fallback = call.Arg("default", 1);
        if (fallback is not Constant { ValueKind: ConstantKind.Str or ConstantKind.Bytes } literal) return;
        if (SecretNames.Classify(variable) == SecretNameKind.None || SecretNames.DescribesCredential(variable)) return;
        Report(literal, variable, "fallback for the credential", context);
    }

    static bool IsPyCryptoNew(string q) =>
        (q.StartsWith("Crypto.Cipher.", StringComparison.Ordinal) || q.StartsWith("Cryptodome.Cipher.", StringComparison.Ordinal))
        && q.EndsWith(".new", StringComparison.Ordinal) && q.Split('.') is { Length: 4 } parts && PyCryptoCiphers.Contains(parts[2]);

    /// <summary>`SECRET_KEY`, `secret_key`, `JWT_SECRET_KEY`, `SIGNING_KEY`, `WTF_CSRF_SECRET_KEY`.</summary>
    static bool IsSigningKeyName(string name)
    {
        var words = SecretNames.Words(name);
        if (words.Count == 0 || words[^1] != "key") return false;
        return words.Contains("secret") || words.Contains("signing") || words.Contains("jwt");
    }

    void Report(Expr literal, string name, string what, CodeContext context)
    {
        var value = context.Semantic.Evaluate(literal);
        int length = value?.AsString?.Length ?? (value?.Raw as byte[])?.Length ?? -1;
        if (length == 0) return;
        // One finding per value: BW105 (named literals) and the text scanners (BW800/BW803) may have it already.
        if (literal is Constant c && context.Semantic.Parent(literal) is not Call && HardcodedSecretString.Accepts(context, c, name)) return;
        foreach (var m in SecretFiles.For(context.File))
            if (m.Start < literal.End && m.End > literal.Start) return;
        context.Report(new Finding
        {
            Rule = Info,
            Message = what == "fallback for the credential"
                ? $"A hard-coded fallback for `{name}`: when the variable is unset, this value is the credential; require the variable instead."
                : $"A hard-coded {what}{(name is "key" ? "" : $" in `{name}`")}: anyone with the code can sign or decrypt; load it from the environment or a secret manager.",
            Location = RuleContext.LocationOf(context.File, literal.Start, literal.End),
            Severity = what == "fallback for the credential" ? Severity.Medium : Info.Severity,
            Confidence = Info.Confidence,
            Sensitive = true,
            FingerprintKey = "BW805:" + what + ":" + name,
            Properties = new Dictionary<string, PropertyValue> { ["secretType"] = "cryptographic-key", ["assignedTo"] = name },
        });
    }
}
