using Bulwark.Core;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG112 — a Django view exempted from CSRF protection.</summary>
public sealed class DjangoCsrfExempt : CodeRule
{
    public override RuleInfo Info { get; } = new(
        Id: "CFG112", Name: "django-csrf-exempt", Family: Family.Configuration,
        Severity: Severity.Medium, Confidence: Confidence.Medium, Cwe: 352,
        What: """
            A function or class decorated with `django.views.decorators.csrf.csrf_exempt` (also through
            `method_decorator(csrf_exempt, …)`), and `csrf_exempt(view)` used as a call. Views whose name says they
            receive webhooks or callbacks (`webhook`, `callback`, `hook`, `ipn`, `notify`) get low confidence:
            such endpoints must authenticate the sender another way (a signature).
            """,
        Why: """
            A CSRF-exempt view that changes state on behalf of a logged-in user can be triggered by any site the user
            visits: a hidden form posts to it with the user's cookies.
            """,
        Example: """
            from django.views.decorators.csrf import csrf_exempt

            @csrf_exempt
            def transfer(request):
                ...
            """,
        Fix: """
            # keep CSRF protection; for an API used by scripts, authenticate with a token instead of cookies,
            # and for a webhook verify the sender's signature before doing anything:
            @csrf_exempt
            @require_POST
            def stripe_webhook(request):
                stripe.Webhook.construct_event(request.body, request.headers["Stripe-Signature"], endpoint_secret)
            """,
        References: ["https://docs.djangoproject.com/en/stable/ref/csrf/#django.views.decorators.csrf.csrf_exempt",
                     "https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html"])
    {
        Compliance = Compliance.Misconfiguration,
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.FunctionDef, NodeKind.AsyncFunctionDef, NodeKind.ClassDef, NodeKind.Call];

    const string CsrfExempt = "django.views.decorators.csrf.csrf_exempt";

    public override void Check(Node node, CodeContext context)
    {
        if (!context.Semantic.IsImported("django.views.decorators.csrf")) return;
        switch (node)
        {
            case FunctionDef f: Decorators(f.DecoratorList, f.Name, context); break;
            case ClassDef c: Decorators(c.DecoratorList, c.Name, context); break;
            case Call call when context.Semantic.Resolves(call.Func, CsrfExempt) && call.Args.Count == 1 && !IsDecoratorArgument(call, context):
                var name = Bulwark.Semantics.SemanticModel.SimpleName(call.Args[0]) ?? "view";
                Report(call, name, context);
                break;
        }
    }

    bool IsDecoratorArgument(Call call, CodeContext context) =>
        context.Semantic.Parent(call) is FunctionDef or ClassDef;

    void Decorators(IReadOnlyList<Expr> decorators, string name, CodeContext context)
    {
        foreach (var d in decorators)
        {
            if (context.Semantic.Resolves(d, CsrfExempt)) { Report(d, name, context); continue; }
            // @method_decorator(csrf_exempt, name="dispatch")
            if (d is Call c && Bulwark.Semantics.SemanticModel.SimpleName(c.Func) == "method_decorator" && c.Args.Count > 0
                && context.Semantic.Resolves(c.Args[0], CsrfExempt))
                Report(c.Args[0], name, context);
        }
    }

    void Report(Node at, string name, CodeContext context)
    {
        var lower = name.ToLowerInvariant();
        bool hook = lower.Contains("webhook") || lower.Contains("callback") || lower.Contains("hook") || lower.Contains("ipn") || lower.Contains("notify");
        context.Report(this, at, $"`{name}` is exempt from CSRF protection: any site can make a logged-in user's browser call it.",
            Info.Severity, hook ? Confidence.Low : Info.Confidence);
    }
}
