using Bulwark.Core;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Code;

/// <summary>
/// BW311 — the default profile's replacement for B311: a `random` value that, within one function (or module or
/// class body), is stored, returned or passed under a secret-like name.
/// </summary>
public sealed class InsecureRandomForSecret : CodeRule
{
    public override RuleInfo Info { get; } = new(
        Id: "BW311", Name: "insecure-random-for-secret", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.Medium, Cwe: 338,
        What: """
            A value from the `random` module (the functions B311 lists, or a `random.Random()` instance) that flows,
            within the same function, module or class body, into a secret: assigned to a variable, attribute or
            subscript named like a token, password, secret, nonce, salt, OTP, IV, CSRF token, session id or
            API/secret/private/signing key; returned from a function with such a name; passed as such a keyword
            argument; stored under such a dictionary key; or passed as the key, IV or nonce of a cryptographic API
            (`hmac.new`, `Crypto.Cipher.*.new`, `cryptography`'s algorithms, modes, AEAD ciphers and `Fernet`,
            `jwt.encode`), whatever its variable is called. Names that describe a property of the secret rather than the
            secret (`password_length`, `token_ttl`) do not count.
            """,
        Why: """
            The `random` module is a Mersenne Twister: after observing 624 of its 32-bit outputs an attacker can
            reconstruct its state and predict every token it generates afterwards (and compute earlier ones). Secrets
            need the operating system's generator, which is what `secrets` uses.
            """,
        Example: """
            def make_reset_token():
                return "".join(random.choice(ALPHABET) for _ in range(32))
            """,
        Fix: """
            def make_reset_token():
                return secrets.token_urlsafe(24)
            """,
        References: ["https://docs.python.org/3/library/secrets.html",
                     "https://cwe.mitre.org/data/definitions/338.html",
                     "https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b311-random"])
    {
        Aliases = ["B311", "S311"],
        Compliance = Compliance.WeakRandomness,
        Profiles = RuleProfile.Default,
        DifferencesFromBandit = """
            Bandit's B311 reports every call to `random` (Bulwark keeps it, unchanged, in the `bandit` profile). BW311
            reports only values that reach something named like a secret in the same function, module or class body —
            through assignments, string building and comprehensions — so shuffles, sampling, jitter and simulations are
            not reported, and a finding names the secret it feeds.
            """,
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } =
        [NodeKind.Module, NodeKind.FunctionDef, NodeKind.AsyncFunctionDef, NodeKind.ClassDef];

    public override void Check(Node node, CodeContext context)
    {
        if (!context.Semantic.ImportedModules.Contains("random")) return; // nothing can produce a `random` value
        switch (node)
        {
            case Module m: new ScopeScan(this, context, null).Run(m.Body); break;
            case FunctionDef f: new ScopeScan(this, context, f.Name).Run(f.Body); break;
            case ClassDef c: new ScopeScan(this, context, null).Run(c.Body); break;
        }
    }

    static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        "token", "tokens", "password", "passwords", "passwd", "pwd", "pw", "pass", "passphrase",
        "secret", "secrets", "nonce", "nonces", "salt", "salts", "otp", "totp", "hotp", "iv",
        "csrf", "xsrf", "apikey", "sessionid", "sessid", "credential", "credentials", "verifier",
    };

    // "key" and "code" are secrets only with a qualifier: `api_key`, `reset_code` (not `sort key`, `status_code`).
    static readonly HashSet<string> KeyQualifiers = new(StringComparer.Ordinal)
    {
        "api", "secret", "private", "signing", "sign", "encryption", "encrypt", "enc", "crypto", "aes", "hmac",
        "access", "auth", "session", "license", "activation", "master", "jwt", "fernet", "cipher",
    };

    static readonly HashSet<string> CodeQualifiers = new(StringComparer.Ordinal)
    {
        "verification", "verify", "reset", "auth", "confirm", "confirmation", "activation", "invite", "invitation",
        "recovery", "mfa", "backup", "security", "login", "pin", "sms", "email", "one", "access",
    };

    // A last word like these describes the secret (its length, lifetime, name), not the secret itself.
    static readonly HashSet<string> PropertyWords = new(StringComparer.Ordinal)
    {
        "length", "len", "size", "count", "expiry", "expires", "expiration", "ttl", "timeout", "delay", "index", "idx",
        "pos", "position", "type", "kind", "name", "field", "label", "hint", "policy", "attempts", "retries", "rounds",
        "iterations", "interval", "min", "max", "limit", "cost", "alphabet", "charset", "prefix", "suffix", "format",
    };

    /// <summary>True when an identifier or string key names a secret (`reset_token`, `apiKey`, `SECRET_KEY`).</summary>
    internal static bool NamesSecret(string identifier)
    {
        var words = Words(identifier);
        if (words.Count == 0 || PropertyWords.Contains(words[^1])) return false;
        bool key = false, code = false, keyQualifier = false, codeQualifier = false, session = false, id = false;
        foreach (var w in words)
        {
            if (SecretWords.Contains(w)) return true;
            if (w is "key" or "keys") key = true;
            if (w is "code" or "codes") code = true;
            if (w == "session") session = true;
            if (w == "id") id = true;
            if (KeyQualifiers.Contains(w)) keyQualifier = true;
            if (CodeQualifiers.Contains(w)) codeQualifier = true;
        }
        return (key && keyQualifier) || (code && codeQualifier) || (session && id);
    }

    /// <summary>
    /// The positional argument that is a key, IV or nonce of a cryptographic API (`hmac.new(key, ...)`,
    /// `AES.new(key, ...)`, `algorithms.AES(key)`, `modes.CBC(iv)`, `Fernet(key)`, `AESGCM(key)`, `jwt.encode(payload, key)`),
    /// whatever the variable holding it is called.
    /// </summary>
    static (Expr Value, string Role)? KeyArgument(Call call, CodeContext context)
    {
        if (call.Args.Count == 0) return null;
        var name = context.Semantic.QualifiedName(call.Func);
        if (name is null) return null;
        if (name is "jwt.encode")
            return call.Args.Count > 1 ? (call.Args[1], "the signing key of `jwt.encode`") : null;
        bool keyFirst = name is "hmac.new" or "hmac.digest" or "cryptography.fernet.Fernet"
            || (name.EndsWith(".new", StringComparison.Ordinal)
                && (name.StartsWith("Crypto.Cipher.", StringComparison.Ordinal) || name.StartsWith("Cryptodome.Cipher.", StringComparison.Ordinal)))
            || name.StartsWith("cryptography.hazmat.primitives.ciphers.algorithms.", StringComparison.Ordinal)
            || name.StartsWith("cryptography.hazmat.primitives.ciphers.aead.", StringComparison.Ordinal)
            || name.StartsWith("cryptography.hazmat.primitives.ciphers.modes.", StringComparison.Ordinal);
        if (!keyFirst) return null;
        var role = name.StartsWith("cryptography.hazmat.primitives.ciphers.modes.", StringComparison.Ordinal) ? "IV/nonce" : "key";
        return (call.Args[0], $"the {role} of `{name}`");
    }

    /// <summary>Lower-case words of snake_case, kebab-case, camelCase and dotted names.</summary>
    static List<string> Words(string s)
    {
        var words = new List<string>();
        int start = -1;
        for (int i = 0; i <= s.Length; i++)
        {
            bool boundary = i == s.Length || !char.IsLetter(s[i])
                || (i > start && start >= 0 && char.IsUpper(s[i]) && char.IsLower(s[i - 1]));
            if (boundary && start >= 0)
            {
                words.Add(s[start..i].ToLowerInvariant());
                start = -1;
            }
            if (i < s.Length && char.IsLetter(s[i]) && start < 0) start = i;
        }
        return words;
    }

    /// <summary>One function, module or class body: which names hold `random` values, and where they end up.</summary>
    sealed class ScopeScan(InsecureRandomForSecret rule, CodeContext context, string? functionName)
    {
        CodeContext Context => context;

        readonly Dictionary<string, Call> _tainted = new(StringComparer.Ordinal);
        readonly HashSet<Call> _reported = [];
        readonly SourceFinder _finder = new(context);

        public void Run(IReadOnlyList<Stmt> body)
        {
            // Twice, so that a value assigned late in a loop body reaches uses earlier in the loop.
            for (int pass = 0; pass < 2; pass++) Statements(body);
        }

        void Statements(IReadOnlyList<Stmt> body)
        {
            foreach (var s in body) Statement(s);
        }

        void Statement(Stmt s)
        {
            switch (s)
            {
                case FunctionDef or ClassDef:
                    return; // their own scopes, checked separately
                case Assign a:
                    var source = Source(a.Value);
                    foreach (var t in a.Targets) Bind(t, source);
                    Expressions(a.Value);
                    break;
                case AnnAssign { Value: { } annValue } ann:
                    Bind(ann.Target, Source(annValue));
                    Expressions(annValue);
                    break;
                case AugAssign aug:
                    Bind(aug.Target, Source(aug.Value));
                    Expressions(aug.Value);
                    break;
                case Return { Value: { } returned }:
                    if (functionName is not null && NamesSecret(functionName) && Source(returned) is { } r)
                        Report(r, Secret(functionName + "()"));
                    Expressions(returned);
                    break;
                case ExprStmt e:
                    // `parts.append(random.choice(...))` fills a container that is joined into the secret later.
                    if (e.Value is Call { Func: AttributeExpr { Value: Name container, Attr: var method } } fill
                        && method is "append" or "extend" or "insert" or "add" or "update" or "write")
                        foreach (var arg in fill.Args)
                            if (Source(arg) is { } filled) { Bind(container, filled); break; }
                    Expressions(e.Value);
                    break;
                case For f:
                    Bind(f.Target, Source(f.Iter));
                    Expressions(f.Iter);
                    Statements(f.Body); Statements(f.Orelse);
                    break;
                case While w: Expressions(w.Test); Statements(w.Body); Statements(w.Orelse); break;
                case If i: Expressions(i.Test); Statements(i.Body); Statements(i.Orelse); break;
                case With w:
                    foreach (var item in w.Items)
                    {
                        Expressions(item.ContextExpr);
                        if (item.OptionalVars is { } v) Bind(v, Source(item.ContextExpr));
                    }
                    Statements(w.Body);
                    break;
                case Try t:
                    Statements(t.Body);
                    foreach (var h in t.Handlers) Statements(h.Body);
                    Statements(t.Orelse); Statements(t.Finalbody);
                    break;
                case MatchStmt m:
                    Expressions(m.Subject);
                    foreach (var c in m.Cases) Statements(c.Body);
                    break;
            }
        }

        void Bind(Expr target, Call? source)
        {
            if (source is null) return;
            switch (target)
            {
                case Name n:
                    _tainted[n.Id] = source;
                    if (NamesSecret(n.Id)) Report(source, Secret(n.Id));
                    break;
                case AttributeExpr a:
                    if (NamesSecret(a.Attr)) Report(source, Secret(a.Attr));
                    break;
                case Subscript { Slice: Constant { ValueKind: ConstantKind.Str } key }:
                    if (NamesSecret(key.AsString!)) Report(source, Secret(key.AsString!));
                    break;
                case TupleExpr t: foreach (var e in t.Elts) Bind(e, source); break;
                case ListExpr l: foreach (var e in l.Elts) Bind(e, source); break;
                case Starred st: Bind(st.Value, source); break;
            }
        }

        Call? Source(Expr e) => _finder.Find(e, _tainted);

        /// <summary>Keyword arguments and dictionary entries named like secrets, anywhere in the expression.</summary>
        void Expressions(Expr e) => new SinkFinder(this).Visit(e);

        static string Secret(string name) => $"the secret `{name}`";

        /// <summary>Reports a `random` source once, saying what it becomes ("the secret `token`", "the key of `hmac.new`").</summary>
        void Report(Call source, string sink)
        {
            if (!_reported.Add(source)) return;
            var name = context.Semantic.QualifiedName(source.Func) ?? "random";
            context.Report(rule, source,
                $"`{name}` is predictable, and its value becomes {sink}; generate secrets with the `secrets` module.");
        }

        sealed class SinkFinder(ScopeScan scan) : AstWalker
        {
            public override void Visit(Node node)
            {
                switch (node)
                {
                    case Lambda: return;
                    case Call call:
                        foreach (var kw in call.Keywords)
                            if (kw.Name is { } k && NamesSecret(k) && scan.Source(kw.Value) is { } src) scan.Report(src, Secret(k));
                        if (KeyArgument(call, scan.Context) is { } keyArg && scan.Source(keyArg.Value) is { } keySource)
                            scan.Report(keySource, keyArg.Role);
                        break;
                    case DictExpr d:
                        for (int i = 0; i < d.Keys.Count; i++)
                            if (d.Keys[i] is Constant { ValueKind: ConstantKind.Str } key && NamesSecret(key.AsString!)
                                && scan.Source(d.Values[i]) is { } src)
                                scan.Report(src, Secret(key.AsString!));
                        break;
                }
                node.WalkChildren(this);
            }
        }
    }

    /// <summary>Finds, in an expression, a call of a `random` function or a use of a name that holds one's value.</summary>
    sealed class SourceFinder(CodeContext context) : AstWalker
    {
        static readonly HashSet<string> RandomFunctions = new(RandomModule.Functions, StringComparer.Ordinal);
        IReadOnlyDictionary<string, Call>? _tainted;
        Call? _found;

        public Call? Find(Expr e, IReadOnlyDictionary<string, Call> tainted)
        {
            _tainted = tainted; _found = null;
            Visit(e);
            return _found;
        }

        public override void Visit(Node node)
        {
            if (_found is not null) return;
            switch (node)
            {
                case Lambda: return;
                case Call call when context.Semantic.QualifiedName(call.Func) is { } q && RandomFunctions.Contains(q):
                    _found = call; return;
                case Name n when _tainted!.TryGetValue(n.Id, out var source):
                    _found = source; return;
            }
            node.WalkChildren(this);
        }
    }
}
