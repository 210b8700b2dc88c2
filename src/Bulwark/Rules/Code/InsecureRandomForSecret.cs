using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

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
            A value from the `random` module (the functions B311 lists, its distributions such as `normalvariate`, or a
            `random.Random()` instance) that flows, within the same function, module or class body, into a secret:
            assigned to a variable, attribute or subscript named like a token, password, secret, nonce, salt, OTP, IV,
            CSRF token, session id, remember-me token or API/secret/private/signing key; returned from a function with
            such a name; passed as such a keyword argument; set as the value of a cookie with such a name
            (`set_cookie("remember_me", value)`); stored under such a dictionary key (a constant, or an
            f-string such as `f"remember_me_{user}"`, written there or bound to the name used as the key); or passed as
            the key, IV or nonce of a cryptographic API (`hmac.new`, `Crypto.Cipher.*.new`, `cryptography`'s
            algorithms, modes, AEAD ciphers and `Fernet`, `jwt.encode`), whatever its variable is called. Names that describe a property of the secret rather than the
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

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Module];

    /// <summary>
    /// One walk over a module that imports `random` finds each place a value becomes a secret (a sink); only for a
    /// sink does the rule ask where the value comes from: back through the reaching definitions of every name it reads
    /// (<see cref="RandomOrigins"/>). Modules that do not import `random` cost one lookup.
    /// </summary>
    public override void Check(Node node, CodeContext context)
    {
        if (!context.Semantic.ImportedModules.Contains("random")) return; // nothing can produce a `random` value
        new SinkWalker(this, context).Visit(node);
    }

    sealed class SinkWalker(InsecureRandomForSecret rule, CodeContext context) : AstWalker
    {
        readonly Stack<string?> _functions = new();

        public override void Visit(Node node)
        {
            switch (node)
            {
                case Assign a:
                    for (int i = 0; i < a.Targets.Count; i++) rule.Target(a.Targets[i], a.Value, context);
                    break;
                case AnnAssign { Value: { } annValue } ann:
                    rule.Target(ann.Target, annValue, context);
                    break;
                case AugAssign aug:
                    rule.Target(aug.Target, aug.Value, context);
                    break;
                case For f:
                    rule.Target(f.Target, f.Iter, context);
                    break;
                case WithItem { OptionalVars: { } vars } w:
                    rule.Target(vars, w.ContextExpr, context);
                    break;
                case NamedExpr { Target: Name walrus } ne when NamesSecret(walrus.Id):
                    rule.Report(ne.Value, Secret(walrus.Id), context);
                    break;
                case FunctionDef f:
                    // its returns are sinks when it is named like a secret; met in order with its assignments
                    _functions.Push(NamesSecret(f.Name) ? f.Name : null);
                    node.WalkChildren(this);
                    _functions.Pop();
                    return;
                case Return { Value: { } returned } when _functions.Count > 0 && _functions.Peek() is { } function:
                    rule.Report(returned, Secret(function + "()"), context);
                    break;
                case Call call:
                    rule.CallSinks(call, context);
                    break;
                case DictExpr d:
                    for (int i = 0; i < d.Keys.Count; i++)
                        if (d.Keys[i] is Constant { ValueKind: ConstantKind.Str } key && NamesSecret(key.AsString!))
                            rule.Report(d.Values[i], Secret(key.AsString!), context);
                    break;
            }
            node.WalkChildren(this);
        }
    }

    /// <summary>
    /// An assignment target that names a secret: a variable, an attribute or a constant subscript key. For unpacking,
    /// each target gets its own element when the value is a literal tuple or list, the whole value otherwise.
    /// </summary>
    void Target(Expr target, Expr value, CodeContext context)
    {
        switch (target)
        {
            case Name n when NamesSecret(n.Id):
                Report(value, Secret(n.Id), context);
                break;
            case AttributeExpr a when NamesSecret(a.Attr):
                Report(value, Secret(a.Attr), context);
                break;
            case Subscript sub when KeyText(sub.Slice, context) is { } key && NamesSecret(key):
                Report(value, Secret(key), context);
                break;
            case TupleExpr or ListExpr:
                var targets = target is TupleExpr t ? t.Elts : ((ListExpr)target).Elts;
                var values = value switch { TupleExpr vt => vt.Elts, ListExpr vl => vl.Elts, _ => null };
                bool pairwise = values is not null && values.Count == targets.Count && !HasStarred(values) && !HasStarred(targets);
                for (int i = 0; i < targets.Count; i++)
                    Target(targets[i], pairwise ? values![i] : value, context);
                break;
            case Starred st:
                Target(st.Value, value, context);
                break;
        }
    }

    /// <summary>
    /// The text of a subscript key: a constant (`session["csrf_token"]`, `store[KEY]`), or the literal parts of an
    /// f-string (`store[f"remember_me_{user}"]`), joined by `_` so each part keeps its own words.
    /// </summary>
    static string? KeyText(Expr key, CodeContext context)
    {
        if (context.Semantic.Evaluate(key) is { Kind: ValueKind.Str } constant) return constant.AsString;
        // `cookie = f"rememberMe{user.id}"; store[cookie] = …`: the f-string the name is bound to.
        if (key is Name n && context.Semantic.ReachingDefinitions(n) is [{ Kind: DefinitionKind.Assignment, Unpack: null, Value: JoinedStr bound }])
            key = bound;
        if (key is not JoinedStr j) return null;
        var parts = new List<string>();
        foreach (var part in j.Values)
            if (part is Constant { ValueKind: ConstantKind.Str } c) parts.Add(c.AsString!);
        return parts.Count > 0 ? string.Join('_', parts) : null;
    }

    static bool HasStarred(IReadOnlyList<Expr> items)
    {
        for (int i = 0; i < items.Count; i++) if (items[i] is Starred) return true;
        return false;
    }

    static readonly HashSet<string> FillMethods = new(StringComparer.Ordinal) { "append", "extend", "insert", "add", "update" };

    /// <summary>Secret keyword arguments, the key/IV/nonce of a cryptographic API, and a container named like a secret being filled.</summary>
    void CallSinks(Call call, CodeContext context)
    {
        for (int i = 0; i < call.Keywords.Count; i++)
            if (call.Keywords[i].Name is { } k && NamesSecret(k)) Report(call.Keywords[i].Value, Secret(k), context);
        if (KeyArgument(call, context) is { } keyArg) Report(keyArg.Value, keyArg.Role, context);
        // `tokens.append(random.choice(...))`: the container named like a secret receives the value.
        if (call.Func is AttributeExpr { Value: Name container, Attr: var method } && FillMethods.Contains(method)
            && NamesSecret(container.Id))
            for (int i = 0; i < call.Args.Count; i++) Report(call.Args[i], Secret(container.Id), context);
        // `response.set_cookie("remember_me", value)`: a cookie named like a secret carries one.
        if (call.Func is AttributeExpr { Attr: "set_cookie" } && call.Args.Count > 0 && KeyText(call.Args[0], context) is { } cookie
            && NamesSecret(cookie) && (call.Args.Count > 1 ? call.Args[1] : call.Keywords.FirstOrDefault(k => k.Name == "value")?.Value) is { } value)
            Report(value, Secret(cookie), context);
    }

    static string Secret(string name) => $"the secret `{name}`";

    /// <summary>Reports the `random` call a value comes from, once per call, saying what it becomes ("the secret `token`", "the key of `hmac.new`").</summary>
    void Report(Expr value, string sink, CodeContext context)
    {
        var origins = context.PerFile<RandomOrigins>();
        if (origins.Find(value, context.Semantic) is not { } source || !origins.Reported.Add(source)) return;
        var name = context.Semantic.QualifiedName(source.Func) ?? "random";
        context.Report(this, source,
            $"`{name}` is predictable, and its value becomes {sink}; generate secrets with the `secrets` module.");
    }

    // Whole words of an identifier, compared without case and without cutting the identifier into strings.
    static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> WordSet(params string[] words) =>
        new HashSet<string>(words, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SecretWords = WordSet(
        "token", "tokens", "password", "passwords", "passwd", "pwd", "pw", "pass", "passphrase",
        "secret", "secrets", "nonce", "nonces", "salt", "salts", "otp", "totp", "hotp", "iv",
        "csrf", "xsrf", "apikey", "sessionid", "sessid", "credential", "credentials", "verifier");

    // "key" and "code" are secrets only with a qualifier: `api_key`, `reset_code` (not `sort key`, `status_code`).
    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KeyQualifiers = WordSet(
        "api", "secret", "private", "signing", "sign", "encryption", "encrypt", "enc", "crypto", "aes", "hmac",
        "access", "auth", "session", "license", "activation", "master", "jwt", "fernet", "cipher");

    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CodeQualifiers = WordSet(
        "verification", "verify", "reset", "auth", "confirm", "confirmation", "activation", "invite", "invitation",
        "recovery", "mfa", "backup", "security", "login", "pin", "sms", "email", "one", "access");

    // A last word like these describes the secret (its length, lifetime, name), not the secret itself.
    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PropertyWords = WordSet(
        "length", "len", "size", "count", "expiry", "expires", "expiration", "ttl", "timeout", "delay", "index", "idx",
        "pos", "position", "type", "kind", "name", "field", "label", "hint", "policy", "attempts", "retries", "rounds",
        "iterations", "interval", "min", "max", "limit", "cost", "alphabet", "charset", "prefix", "suffix", "format");

    /// <summary>
    /// True when an identifier or string key names a secret (`reset_token`, `apiKey`, `SECRET_KEY`). Its words are
    /// its runs of letters, also split where a lower-case letter is followed by a capital (snake_case, kebab-case,
    /// camelCase, dotted names).
    /// </summary>
    internal static bool NamesSecret(string identifier)
    {
        var s = identifier.AsSpan();
        bool any = false, secret = false, key = false, code = false, keyQualifier = false, codeQualifier = false,
            session = false, id = false, remember = false;
        ReadOnlySpan<char> last = default;
        int start = -1;
        for (int i = 0; i <= s.Length; i++)
        {
            bool boundary = i == s.Length || !char.IsLetter(s[i])
                || (start >= 0 && i > start && char.IsUpper(s[i]) && char.IsLower(s[i - 1]));
            if (boundary && start >= 0)
            {
                var w = s[start..i];
                any = true;
                last = w;
                if (SecretWords.Contains(w)) secret = true;
                else
                {
                    if (w.Equals("key", StringComparison.OrdinalIgnoreCase) || w.Equals("keys", StringComparison.OrdinalIgnoreCase)) key = true;
                    else if (w.Equals("code", StringComparison.OrdinalIgnoreCase) || w.Equals("codes", StringComparison.OrdinalIgnoreCase)) code = true;
                    else if (w.Equals("id", StringComparison.OrdinalIgnoreCase)) id = true;
                    if (w.Equals("session", StringComparison.OrdinalIgnoreCase)) session = true;
                    if (w.Equals("remember", StringComparison.OrdinalIgnoreCase)) remember = true;
                    if (KeyQualifiers.Contains(w)) keyQualifier = true;
                    if (CodeQualifiers.Contains(w)) codeQualifier = true;
                }
                start = -1;
            }
            if (i < s.Length && start < 0 && char.IsLetter(s[i])) start = i;
        }
        if (!any || PropertyWords.Contains(last)) return false;
        // `remember_me`, `rememberMe`: a persistent-login token (`remember` alone is a flag).
        return secret || (key && keyQualifier) || (code && codeQualifier) || (session && id)
            || (remember && last.Equals("me", StringComparison.OrdinalIgnoreCase));
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

    /// <summary>
    /// Where a value comes from, for one file: a call of a `random` function in the expression itself, or reaching
    /// one through the definitions of the names it reads, on any path (every definition that reaches a use counts, so a
    /// value from one branch counts and an overwritten one does not). Answers about a definition are kept for the file.
    /// </summary>
    internal sealed class RandomOrigins : AstWalker
    {
        static readonly HashSet<string> RandomFunctions = new(RandomModule.AllGenerators, StringComparer.Ordinal);
        const int MaxSteps = 4096;

        /// <summary>Random calls already reported in this file.</summary>
        public readonly HashSet<Call> Reported = new(ReferenceEqualityComparer.Instance);
        // Settled answers: the random call a definition's value comes from, or null when it comes from none.
        readonly Dictionary<Definition, Call?> _known = new(ReferenceEqualityComparer.Instance);
        // This question's definitions, each followed once (loops and joining branches meet them again).
        readonly List<Definition> _visited = [];
        readonly HashSet<Definition> _seen = new(ReferenceEqualityComparer.Instance);
        SemanticModel _model = null!;
        Call? _found;
        int _steps;

        /// <summary>The `random` call the value of <paramref name="e"/> can come from, or null.</summary>
        public Call? Find(Expr e, SemanticModel model)
        {
            _model = model;
            _visited.Clear(); _seen.Clear();
            _steps = 0; _found = null;
            Visit(e);
            var found = _found;
            _found = null;
            // No definition met leads to a random call (each was followed to its end, unless the walk gave up).
            if (found is null && _steps <= MaxSteps)
                foreach (var d in _visited) _known[d] = null;
            return found;
        }

        public override void Visit(Node node)
        {
            if (_found is not null || ++_steps > MaxSteps) return;
            switch (node)
            {
                case Lambda:
                    return; // runs later, elsewhere
                case Call call when _model.QualifiedName(call.Func) is { } q && RandomFunctions.Contains(q):
                    _found = call;
                    return;
                case Name { Ctx: ExprContext.Load } n:
                    Definitions(_model.ReachingDefinitions(n));
                    return;
                case AttributeExpr { Ctx: ExprContext.Load } or Subscript { Ctx: ExprContext.Load }:
                    // `d["k"]` after `d["k"] = …`: what was stored there, not the rest of the object
                    if (_model.ReachingDefinitions((Expr)node) is { Count: > 0 } stored) { Definitions(stored); return; }
                    break;
            }
            node.WalkChildren(this);
        }

        void Definitions(IReadOnlyList<Definition> defs)
        {
            for (int i = 0; i < defs.Count && _found is null; i++) Follow(defs[i]);
        }

        void Follow(Definition d)
        {
            if (_known.TryGetValue(d, out var known)) { _found = known; return; }
            if (!_seen.Add(d)) return;
            _visited.Add(d);
            switch (d.Kind)
            {
                case DefinitionKind.Assignment or DefinitionKind.Walrus when d.Value is not null:
                    Visit(Element(d));
                    break;
                case DefinitionKind.Loop or DefinitionKind.With or DefinitionKind.Comprehension or DefinitionKind.Match
                    when d.Value is not null:
                    Visit(d.Value);
                    break;
                case DefinitionKind.AugmentedAssignment or DefinitionKind.Mutation:
                    if (d.Value is not null) Visit(d.Value);
                    Definitions(d.Prior);
                    break;
                case DefinitionKind.Narrowing:
                    Definitions(d.Prior);
                    break;
            }
            // A path from this definition reaches the call: that holds whatever else is asked later.
            if (_found is not null) _known[d] = _found;
        }

        /// <summary>What an unpacking target receives when the value is a literal tuple or list; the whole value otherwise.</summary>
        static Expr Element(Definition d)
        {
            var e = d.Value!;
            if (d.Unpack is null || d.Starred) return e;
            foreach (var i in d.Unpack)
            {
                var items = e switch { TupleExpr t => t.Elts, ListExpr l => l.Elts, _ => null };
                if (items is null || i >= items.Count || HasStarred(items)) return d.Value!;
                e = items[i];
            }
            return e;
        }
    }
}
