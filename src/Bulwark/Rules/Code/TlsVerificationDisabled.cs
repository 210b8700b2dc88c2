using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>CRY002 — TLS certificate or host-name verification switched off on an `ssl` context or socket.</summary>
public sealed class TlsVerificationDisabled : CodeRule
{
    public override RuleInfo Info { get; } = new(
        Id: "CRY002", Name: "tls-verification-disabled", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 295,
        What: """
            `ctx.check_hostname = False`, `ctx.verify_mode = ssl.CERT_NONE` (or `CERT_OPTIONAL`) and
            `cert_reqs=ssl.CERT_NONE` / `cert_reqs="CERT_NONE"` arguments (`ssl.wrap_socket`, urllib3 pools), in modules
            that import `ssl` or `urllib3`. Inside an `if` (typically a user's explicit `verify=False` option) the
            confidence is low. `requests`' `verify=False` is B501's and `ssl._create_unverified_context` B323's.
            """,
        Why: """
            Without certificate and host-name checks anyone on the network path can present their own certificate
            and read or change the traffic, credentials included: TLS then only protects against passive listeners.
            """,
        Example: """
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            """,
        Fix: """
            ctx = ssl.create_default_context()          # verifies certificates and host names
            # for a private CA: ctx.load_verify_locations("internal-ca.pem")
            """,
        References: ["https://docs.python.org/3/library/ssl.html#ssl.SSLContext.check_hostname",
                     "https://docs.python.org/3/library/ssl.html#ssl.CERT_NONE"])
    {
        Compliance = Compliance.CertificateValidation,
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Assign, NodeKind.Call];

    /// <summary>Of calls, only those passing `cert_reqs=`; assignments reach it by kind.</summary>
    public override CallInterest? Calls { get; } = new() { Keywords = ["cert_reqs"] };

    public override void Check(Node node, CodeContext context)
    {
        var model = context.Semantic;
        if (!model.IsImported("ssl") && !model.IsImported("urllib3")) return;
        switch (node)
        {
            case Assign a:
                foreach (var t in a.Targets)
                {
                    // `self.check_hostname = False` sets up a class that implements a context (a library's shim).
                    if (t is AttributeExpr { Value: Name { Id: "self" } }) continue;
                    if (t is AttributeExpr { Attr: "check_hostname" } && model.Evaluate(a.Value) is { IsFalse: true })
                        Report(a.Value, "Host-name verification is off (`check_hostname = False`): any valid certificate for any host is accepted.", context);
                    else if (t is AttributeExpr { Attr: "verify_mode" } && IsCertNone(a.Value, model) is { } level)
                        Report(a.Value, $"Certificate verification is off (`verify_mode = {level}`): any certificate is accepted.", context);
                }
                break;
            case Call c:
                foreach (var kw in c.Keywords)
                    if (kw.Name == "cert_reqs" && IsCertNone(kw.Value, model) is { } level2)
                        Report(kw.Value, $"Certificate verification is off (`cert_reqs={level2}`): any certificate is accepted.", context);
                break;
        }
    }

    static string? IsCertNone(Expr e, SemanticModel model)
    {
        if (model.QualifiedName(e) is "ssl.CERT_NONE" or "ssl.VerifyMode.CERT_NONE") return "CERT_NONE";
        if (model.QualifiedName(e) is "ssl.CERT_OPTIONAL" or "ssl.VerifyMode.CERT_OPTIONAL") return "CERT_OPTIONAL";
        if (model.StringValue(e) is "CERT_NONE" or "NONE") return "CERT_NONE";
        return null;
    }

    void Report(Node at, string message, CodeContext context)
    {
        bool conditional = false;
        for (var p = context.Semantic.Parent(at); p is not null && p is not FunctionDef and not Module; p = context.Semantic.Parent(p))
            if (p is If or IfExp) { conditional = true; break; }
        context.Report(this, at, message, Info.Severity, conditional ? Confidence.Low : Info.Confidence);
    }
}
