using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>AUTH004 — JWTs decoded without verifying the signature, the expiry, or a fixed list of algorithms.</summary>
public sealed class JwtVerificationDisabled : CallRule
{
    static readonly string[] Decoders = ["jwt.decode", "jwt.api_jwt.decode", "jwt.PyJWT.decode", "jose.jwt.decode"];
    static readonly string[] ClaimChecks = ["verify_exp", "verify_aud", "verify_iss", "verify_nbf", "verify_iat"];

    public override RuleInfo Info { get; } = new(
        Id: "AUTH004", Name: "jwt-verification-disabled", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 347,
        What: """
            `jwt.decode` (PyJWT) and `jose.jwt.decode` (python-jose) called with `options={"verify_signature": False}`
            or `verify=False` (PyJWT 1.x), with `"none"` among `algorithms`, with `options` turning off the expiry,
            audience, issuer or not-before checks (`"verify_exp": False`…; medium severity), or, when the signature is
            verified, without `algorithms` (PyJWT 1.x then accepts whatever algorithm the token names; medium).
            """,
        Why: """
            A token whose signature is not checked is just JSON the client wrote: anyone can claim any user or role.
            Accepting the algorithm the token names allows `none` or HS256-with-the-public-key forgeries; ignoring the
            expiry makes stolen tokens valid forever.
            """,
        Example: """
            claims = jwt.decode(token, options={"verify_signature": False})
            claims = jwt.decode(token, key, algorithms=["HS256", "none"], options={"verify_exp": False})
            """,
        Fix: """
            claims = jwt.decode(token, key, algorithms=["RS256"], audience="my-api")
            # read an unverified header only to choose the key: jwt.get_unverified_header(token)
            """,
        References: ["https://pyjwt.readthedocs.io/en/stable/api.html#jwt.decode",
                     "https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html"])
    {
        Compliance = Compliance.SpoofableIdentity,
    };

    public override CallInterest? Calls { get; } = new() { Names = Decoders };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (!call.ResolvesAny(Decoders)) return;
        bool signatureOff = false;
        if (call.Keyword("verify") is { } verify && context.Semantic.Evaluate(verify.Value) is { IsFalse: true })
        {
            context.Report(this, verify.Value, "A JWT is decoded with `verify=False`: its signature is not checked, so anyone can forge it.");
            signatureOff = true;
        }
        if (call.Keyword("options") is { } options && Dict(options.Value, context) is { } dict)
        {
            foreach (var (key, value) in dict)
            {
                if (context.Semantic.StringValue(key) is not { } k || context.Semantic.Evaluate(value) is not { IsFalse: true }) continue;
                if (k == "verify_signature")
                {
                    context.Report(this, value, "A JWT is decoded with `verify_signature` off: its signature is not checked, so anyone can forge it.");
                    signatureOff = true;
                }
                else if (Array.IndexOf(ClaimChecks, k) >= 0)
                    context.Report(this, value, $"A JWT is decoded with `{k}` off: {(k == "verify_exp" ? "expired (stolen) tokens stay valid" : "tokens meant for others are accepted")}.", Severity.Medium, Confidence.High);
            }
        }
        var algorithms = call.Arg("algorithms", 2);
        if (algorithms is not null)
        {
            if (context.Semantic.Evaluate(algorithms) is { } v && Contains(v, "none"))
                context.Report(this, algorithms, "`none` is an accepted JWT algorithm: unsigned tokens pass verification.");
        }
        else if (!signatureOff && call.PositionalCount + call.Node.Keywords.Count >= 2 && !call.HasKeywordUnpacking && call.QualifiedName != "jose.jwt.decode")
            context.Report(this, call.Node, "A JWT is decoded without `algorithms=[…]`: old PyJWT versions accept whatever algorithm the token names.", Severity.Medium, Confidence.Medium);
    }

    static List<(Expr Key, Expr Value)>? Dict(Expr e, CodeContext context)
    {
        if (e is Name n && context.Semantic.BindingOf(n) is { Kind: BindingKind.Assignment, Value: DictExpr bound }) e = bound;
        if (e is DictExpr d)
        {
            var list = new List<(Expr, Expr)>();
            for (int i = 0; i < d.Keys.Count; i++) if (d.Keys[i] is { } k) list.Add((k, d.Values[i]));
            return list;
        }
        if (e is Call { Func: Name { Id: "dict" } } c)
        {
            var list = new List<(Expr, Expr)>();
            foreach (var kw in c.Keywords) if (kw.Name is { } name) list.Add((new Constant(ConstantKind.Str, name) { Start = kw.Start, End = kw.End }, kw.Value));
            return list;
        }
        return null;
    }

    static bool Contains(ConstValue v, string algorithm) => v.Kind switch
    {
        ValueKind.Str => string.Equals(v.AsString, algorithm, StringComparison.OrdinalIgnoreCase),
        ValueKind.List or ValueKind.Tuple => v.Items!.Any(i => i is not null && Contains(i, algorithm)),
        _ => false,
    };
}
