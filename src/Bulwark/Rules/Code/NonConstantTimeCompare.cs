using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Secrets;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>AUTH003 — a password, token or signature compared with `==` instead of a constant-time comparison.</summary>
public sealed class NonConstantTimeCompare : CodeRule
{
    static readonly HashSet<string> DigestWords = new(StringComparer.Ordinal) { "signature", "sig", "hmac", "mac", "digest" };
    /// <summary>What a name must contain for <see cref="Kind"/> to name it: a digest word, `token`, or a sensitive word.</summary>
    internal static readonly WordPrefilter KindPrefilter = new([.. DigestWords, "token", .. SensitiveNames.SensitiveStems]);
    static readonly HashSet<string> UserInputPairs = new(StringComparer.Ordinal) { "confirm", "confirmation", "repeat", "again", "retype", "new", "old", "current", "check" };

    public override RuleInfo Info { get; } = new(
        Id: "AUTH003", Name: "non-constant-time-compare", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.Medium, Cwe: 208,
        What: """
            `==` or `!=` between two non-constant values where one is named as a signature, HMAC, MAC or digest, an
            authentication token (`csrf_token`, `api_token`, `reset_token`…; a bare `token` is too often a parser's),
            an API key or secret, or a stored password (`user.password`, `row["password"]`). Comparisons of two
            user-supplied passwords (`password == confirm_password`), class constants (`self.reset_url_token` set to a
            literal in the class) and `__eq__` methods are not reported. Confidence is medium for HMACs, MACs and
            signatures, low for names of tokens, keys and passwords (a token compared to refresh a cookie is no check).
            """,
        Why: """
            `==` on strings and bytes stops at the first differing byte, so the time it takes tells an attacker how many
            leading bytes of a guess were right; a signature or token can then be found byte by byte. Comparing
            plaintext passwords also means they are stored in plaintext.
            """,
        Example: """
            if hmac.new(key, body, "sha256").hexdigest() == request.headers["X-Signature"]:
                ...
            """,
        Fix: """
            expected = hmac.new(key, body, "sha256").hexdigest()
            if hmac.compare_digest(expected, request.headers["X-Signature"]):
                ...
            # passwords: store a hash and verify with the hasher (argon2 PasswordHasher.verify, check_password)
            """,
        References: ["https://docs.python.org/3/library/hmac.html#hmac.compare_digest",
                     "https://cwe.mitre.org/data/definitions/208.html"])
    {
        Compliance = Compliance.WeakCryptography,
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Compare];

    public override void Check(Node node, CodeContext context)
    {
        var c = (Compare)node;
        if (c.Ops.Count != 1 || c.Ops[0] is not (CmpOperator.Eq or CmpOperator.NotEq)) return;
        var left = c.Left;
        var right = c.Comparators[0];
        if (left is Constant || right is Constant) return;
        // What the operands hold is decided from their names first: evaluating them (which may solve the function's
        // reaching definitions) is paid only for comparisons of something secret-looking.
        var l = Kind(left, context);
        var r = Kind(right, context);
        if (l is null && r is null) return;
        if (IsConstantLike(left, context) || IsConstantLike(right, context)) return;
        if (context.Semantic.EnclosingFunction(c) is FunctionDef { Name: "__eq__" or "__ne__" or "__hash__" }) return;
        if (l == "password" || r == "password")
        {
            // Two user inputs (`password == password2`, `new_password != confirm`) or two local names: a confirmation check.
            if (left is Name && right is Name) return;
            if (PairsUserInput(left, context) || PairsUserInput(right, context)) return;
        }
        var what = l ?? r;
        // An HMAC, MAC or signature next to `hmac` is the textbook case; names alone are a weaker hint.
        var confidence = what is "digest" or "signature" or "hmac" or "mac" ? Confidence.Medium : Confidence.Low;
        context.Report(this, c, $"A {what} is compared with `{(c.Ops[0] == CmpOperator.Eq ? "==" : "!=")}`, which leaks through timing how much of a guess matched: use `hmac.compare_digest`.",
            Info.Severity, confidence);
    }

    static bool IsConstantLike(Expr e, CodeContext context)
    {
        if (e is Constant || context.Semantic.Evaluate(e) is not null) return true;
        if (e is Call { Func: Name { Id: "len" or "type" or "bool" or "int" or "isinstance" } }) return true;
        // UPPER_CASE names and attributes are constants (`tokenize.OP`, `TOKEN_TYPE`).
        if (SemanticModel.SimpleName(e) is { } s && DjangoUpper(s)) return true;
        // `self.reset_url_token` where the class body sets `reset_url_token = "set-password"`.
        return e is AttributeExpr { Value: Name { Id: "self" }, Attr: var attr } && ClassConstant(e, attr, context);
    }

    static bool ClassConstant(Expr e, string attr, CodeContext context)
    {
        for (var p = context.Semantic.Parent(e); p is not null; p = context.Semantic.Parent(p))
        {
            if (p is not ClassDef cls) continue;
            foreach (var stmt in cls.Body)
                if (stmt is Assign { Value: Constant } a)
                    foreach (var t in a.Targets) if (t is Name n && n.Id == attr) return true;
            return false;
        }
        return false;
    }

    static bool DjangoUpper(string s)
    {
        bool letter = false;
        foreach (var ch in s) { if (char.IsLower(ch)) return false; if (char.IsUpper(ch)) letter = true; }
        return letter;
    }

    static bool PairsUserInput(Expr e, CodeContext context) =>
        SensitiveNames.NameOf(e, context.Semantic) is { } n && SecretNames.Words(n).Exists(UserInputPairs.Contains);

    /// <summary>What the expression holds, named for the message, or null.</summary>
    static string? Kind(Expr e, CodeContext context)
    {
        // Digests and signatures are secret only when they authenticate (an HMAC): package hashes, checksums and
        // function signatures are compared in the open. The module must use `hmac` (asked only of a candidate: the
        // first question builds the module's set of imported names).
        if (e is Call { Func: AttributeExpr { Attr: "hexdigest" or "digest" } }) return context.Semantic.IsImported("hmac") ? "digest" : null;
        var name = SensitiveNames.NameOf(e, context.Semantic);
        return name is not null && KindPrefilter.MayContain(name) ? KindOfName(name, context.Semantic.IsImported("hmac")) : null;
    }

    /// <summary><see cref="Kind"/> of a name, without the prefilter (for tests: the prefilter must never change an answer).</summary>
    internal static string? KindOfName(string name, bool authenticates)
    {
        var words = SecretNames.Words(name);
        if (words.Count == 0 || SecretNames.IsDescriptive(name) && !DigestWords.Contains(words[^1])) return null;
        foreach (var w in words) if (DigestWords.Contains(w)) return authenticates || w is "hmac" or "mac" ? (w == "sig" ? "signature" : w) : null;
        bool token = false, qualified = false;
        foreach (var w in words)
        {
            if (w is "token" or "tokens") token = true;
            if (SensitiveNames.TokenQualifiers.Contains(w)) qualified = true;
        }
        if (token) return qualified ? "token" : null;
        switch (SensitiveNames.Classify(name))
        {
            case SensitiveKind.Password:
                return "password";
            case SensitiveKind.Secret:
                return words.Contains("key") ? "key" : "secret";
            default:
                return null;
        }
    }
}
