using Bulwark.Python.Syntax;
using Bulwark.Secrets;
using Bulwark.Semantics;
using Bulwark.Taint;

namespace Bulwark.Rules.Code;

/// <summary>What kind of sensitive value a name holds, for the authentication and logging rules.</summary>
public enum SensitiveKind { None, Password, Secret, PersonalData }

/// <summary>
/// Names of values that must not be hashed fast, compared in variable time or written to logs: the secrets family's
/// vocabulary (<see cref="SecretNames"/>) for passwords and keys, plus card numbers, social security numbers and
/// health records. Names that describe a value (`password_length`, `token_type`) are not sensitive.
/// </summary>
public static class SensitiveNames
{
    /// <summary>
    /// Whether the source text between two offsets (a function's) reads a server's nonce (`nonce`, `cnonce`,
    /// `server_nonce`, `nonces`): a hash computed there answers a challenge (HTTP Digest's `KD(H(A1), nonce:…)` per
    /// RFC 2617/7616, CRAM-MD5, SCRAM), is sent rather than stored, and its algorithm is fixed by the protocol, so it is
    /// not password storage (AUTH001).
    /// </summary>
    public static bool MentionsNonce(string text, int start, int end)
    {
        end = Math.Min(end, text.Length);
        for (int at = Math.Max(start, 0); at < end;)
        {
            int i = text.IndexOf("nonce", at, end - at, StringComparison.OrdinalIgnoreCase);
            if (i < 0) return false;
            int after = i + 5;
            if (after >= text.Length || !(char.IsLetterOrDigit(text[after]) || text[after] == '_') || text[after] is 's' or 'S') return true;
            at = after;
        }
        return false;
    }

    static readonly HashSet<string> PasswordWords = new(StringComparer.Ordinal) { "password", "passwd", "passphrase", "passcode", "pword" };
    static readonly HashSet<string> PersonalWords = new(StringComparer.Ordinal) { "ssn", "cvv", "cvc", "cvv2", "creditcard", "cardnumber", "diagnosis", "iban" };
    /// <summary>Bare names too ambiguous to call secret: a lexer's `token`, the shell's `pwd`, Python's `pass`.</summary>
    static readonly HashSet<string> Ambiguous = new(StringComparer.Ordinal) { "token", "tokens", "pwd", "pass", "pw", "auth", "key", "keys", "dsn", "webhook", "bearer" };

    /// <summary>Qualifiers that make a `token` an authentication token (`access_token`, `csrf_token`), not a parser's.</summary>
    public static readonly HashSet<string> TokenQualifiers = new(StringComparer.Ordinal)
    {
        "csrf", "xsrf", "access", "auth", "api", "reset", "session", "refresh", "bearer", "secret", "verification",
        "activation", "invite", "magic", "login", "otp", "webhook", "signing", "id", "oauth", "jwt", "security", "personal",
    };

    /// <summary>Words that make a credential name the name of something else: an error message, a model, a flow.</summary>
    static readonly HashSet<string> NotAValue = new(StringComparer.Ordinal)
    {
        "mismatch", "incorrect", "invalid", "wrong", "expired", "missing", "empty", "error", "errors", "claim", "model",
        "models", "flow", "flows", "backend", "backends", "provider", "providers", "user", "global", "local", "required",
        "policy", "strength", "validator", "validators", "reset", "changed", "change", "form", "widget", "manager",
        // Functions, factories and settings about a credential, not the credential (corpus review: botocore).
        "create", "resolver", "resolvers", "factory", "loader", "handler", "callback", "process", "selection", "expression",
        "window", "timeout", "interval", "is", "has", "inputs",
    };

    /// <summary>
    /// A credential word strong enough to hold a value: a password word, `secret`, a qualified `key` (the shared
    /// vocabulary only calls `api_key`, `SECRET_KEY` keys), a compound such as `apikey`, or a qualified `token`.
    /// Names that are keys only through `auth`, `dsn`, `webhook` or an unqualified `token` are not.
    /// </summary>
    static bool Strong(List<string> words)
    {
        bool qualifier = false;
        foreach (var w in words) if (TokenQualifiers.Contains(w)) qualifier = true;
        foreach (var w in words)
        {
            if (w is "secret" or "secrets" or "key" or "keys" or "credential") return true;
            if (w.Length > 3 && (w.EndsWith("key", StringComparison.Ordinal) || w.EndsWith("secret", StringComparison.Ordinal))) return true;
            if (w is "token" or "tokens" && qualifier) return true;
            if (w.Length > 5 && w.EndsWith("token", StringComparison.Ordinal) && TokenQualifiers.Contains(w[..^5])) return true;
        }
        return false;
    }

    /// <summary>
    /// `access_key`, `aws_access_key`: the identifier half of a key pair (AWS, S3-compatible stores), sent in the clear
    /// with every signed request like a user name; `secret_access_key`/`secret_key` is the secret half.
    /// </summary>
    static bool IsAccessKeyId(List<string> words)
    {
        for (int i = 0; i + 1 < words.Count; i++)
            if (words[i] == "access" && words[i + 1] is "key")
            {
                foreach (var w in words) if (w is "secret" or "private" or "token") return false;
                return true;
            }
        return false;
    }

    /// <summary>What a name must contain for <see cref="Classify"/> to find it sensitive (<see cref="WordPrefilter"/>).</summary>
    public static IEnumerable<string> SensitiveStems =>
        [.. SecretNames.CredentialStems, .. PasswordWords, "password", .. PersonalWords, "card", "credit", "social", "medical", "health"];

    static readonly WordPrefilter SensitivePrefilter = new(SensitiveStems);

    /// <summary>The kind of value a plain identifier or string key names.</summary>
    public static SensitiveKind Classify(string name) =>
        SensitivePrefilter.MayContain(name) ? ClassifyWords(name) : SensitiveKind.None;

    /// <summary><see cref="Classify"/> without its prefilter (for tests: the prefilter must never change an answer).</summary>
    internal static SensitiveKind ClassifyWords(string name)
    {
        if (name.Length == 0 || Ambiguous.Contains(name.ToLowerInvariant().Trim('_'))) return SensitiveKind.None;
        var words = SecretNames.Words(name);
        if (words.Count == 0) return SensitiveKind.None;
        foreach (var w in words) if (NotAValue.Contains(w)) return SensitiveKind.None;
        var kind = SecretNames.Classify(name);
        foreach (var w in words)
            if (PasswordWords.Contains(w) || (w.EndsWith("password", StringComparison.Ordinal) && w.Length > 8))
                return kind == SecretNameKind.None ? SensitiveKind.None : SensitiveKind.Password;
        if (kind != SecretNameKind.None) return Strong(words) && !IsAccessKeyId(words) ? SensitiveKind.Secret : SensitiveKind.None;
        if (SecretNames.IsDescriptive(name)) return SensitiveKind.None;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (PersonalWords.Contains(w)) return SensitiveKind.PersonalData;
            if (i + 1 < words.Count && ((w is "card" or "credit" && words[i + 1] is "number" or "no" or "num")
                || (w == "social" && words[i + 1] == "security")
                || (w is "medical" or "health" && words[i + 1] is "record" or "records" or "history" or "condition" or "conditions")))
                return SensitiveKind.PersonalData;
        }
        return SensitiveKind.None;
    }

    /// <summary>The name an expression reads from: `password` for `password`, `user.password`, `form["password"]`, `data.get("password")`.</summary>
    public static string? NameOf(Expr e, SemanticModel model) => e switch
    {
        Name n => n.Id,
        AttributeExpr a => a.Attr,
        Subscript s => model.StringValue(s.Slice),
        Call { Func: AttributeExpr { Attr: "get" or "getlist" or "pop" } } c when c.Args.Count > 0 => model.StringValue(c.Args[0]),
        _ => null,
    };

    /// <summary>
    /// The sensitive value an expression passes on as it is: the expression itself, or one converted (`str(x)`,
    /// `x.encode()`, f-strings, `%`, `+`, `.format`), or a local variable assigned once from such an expression.
    /// Values passed through other calls (`len(password)`, `mask(card)`, `bcrypt.hashpw(…)`) are not.
    /// </summary>
    public static (Expr Node, SensitiveKind Kind)? Find(Expr e, SemanticModel model, int depth = 0)
    {
        if (depth > 6) return null;
        switch (e)
        {
            case Constant: return null;
            case Name n:
                var k = Classify(n.Id);
                if (k != SensitiveKind.None) return (n, k);
                // `pw = request.form["password"]` then `pw`.
                if (model.BindingOf(n) is { Kind: BindingKind.Assignment, Value: { } v } b && b.Scope.BindingsOf(n.Id).Count == 1 && depth < 3)
                    return Find(v, model, depth + 1) is { } inner ? (n, inner.Kind) : null;
                return null;
            case AttributeExpr or Subscript:
                if (NameOf(e, model) is { } name && Classify(name) is var ka && ka != SensitiveKind.None) return (e, ka);
                return null;
            case Call c:
                if (c.Func is AttributeExpr { Attr: "get" or "pop" } && NameOf(c, model) is { } key && Classify(key) is var kc && kc != SensitiveKind.None) return (c, kc);
                if (c.Func is AttributeExpr { Attr: "encode" or "strip" or "lower" or "upper" or "decode" } conv) return Find(conv.Value, model, depth + 1);
                if (c.Func is Name { Id: "str" or "repr" or "bytes" or "format" } && c.Args.Count > 0) return Find(c.Args[0], model, depth + 1);
                if (c.Func is AttributeExpr { Attr: "format" })
                {
                    foreach (var a in c.Args) if (Find(a, model, depth + 1) is { } f) return f;
                    foreach (var kw in c.Keywords) if (Find(kw.Value, model, depth + 1) is { } f) return f;
                }
                return null;
            case JoinedStr j:
                foreach (var part in j.Values)
                    if (part is FormattedValue fv && Find(fv.Value, model, depth + 1) is { } f) return f;
                return null;
            case BinOp bo when bo.Op is Operator.Add or Operator.Mod:
                return Find(bo.Left, model, depth + 1) ?? Find(bo.Right, model, depth + 1);
            case TupleExpr t:
                foreach (var el in t.Elts) if (Find(el, model, depth + 1) is { } f) return f;
                return null;
            default:
                return null;
        }
    }
}

/// <summary>
/// The sensitive-data vocabulary as the taint analysis asks for it: a read under a password name is a
/// <see cref="SourceKinds.Password"/> source, under a secret, token, key or personal-data name a
/// <see cref="SourceKinds.Sensitive"/> one; helpers named for masking, hashing or checking hide what they are given.
/// </summary>
public sealed class SensitiveNameSources : INameSources
{
    public static readonly SensitiveNameSources Instance = new();

    /// <summary>Parts of a function name that say its result is not its argument: masked, hashed, encrypted, or a yes/no answer.</summary>
    static readonly string[] MaskingParts =
    [
        "mask", "redact", "obfuscat", "anonymi", "pseudonymi", "censor", "scrub", "hash", "digest", "encrypt", "truncat",
        "fingerprint", "hide", "sanitiz", "sanitis", "elide", "verify", "check", "validate", "compare", "authenticate", "encode_jwt",
    ];

    SensitiveNameSources() { }

    /// <summary>
    /// Every word <see cref="SensitiveNames.Classify"/> can answer by (its own word lists and the pairs it reads,
    /// <see cref="SecretNames.Classify"/>'s password and key words and suffixes) contains one of these, and a word is a
    /// run of the name's letters, lowercased: a name containing none of them, in any case, is classified as nothing.
    /// </summary>
    static readonly System.Buffers.SearchValues<string> Triggers = System.Buffers.SearchValues.Create(
        ["pass", "pw", "secret", "cred", "token", "key", "auth", "dsn", "webhook", "bearer", "ssn", "cvv", "cvc", "card",
         "diagnosis", "iban", "social", "medical", "health"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The test before <see cref="Classify"/>: false when no trigger occurs. A name with a character outside ASCII is
    /// always asked (lowercasing could make a trigger of it, as the Kelvin sign does of `k`).
    /// </summary>
    public bool MayClassify(ReadOnlySpan<char> name) =>
        !System.Text.Ascii.IsValid(name) || name.IndexOfAny(Triggers) >= 0;

    public uint Classify(string name) => SensitiveNames.Classify(name) switch
    {
        SensitiveKind.Password => SourceKinds.Password,
        SensitiveKind.Secret or SensitiveKind.PersonalData => SourceKinds.Sensitive,
        _ => 0,
    };

    public bool Masks(string functionName)
    {
        var lower = functionName.ToLowerInvariant();
        if (lower.StartsWith("is_", StringComparison.Ordinal) || lower.StartsWith("has_", StringComparison.Ordinal)) return true;
        foreach (var part in MaskingParts)
            if (lower.Contains(part, StringComparison.Ordinal)) return true;
        return false;
    }
}
