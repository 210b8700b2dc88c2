using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B610 — Django `QuerySet.extra()` with SQL fragments that are not plain literals.</summary>
public sealed class DjangoExtraUsed : CallRule
{
    static readonly string[] Parameters = ["select", "where", "params", "tables", "order_by", "select_params"];

    public override RuleInfo Info { get; } = new(
        Id: "B610", Name: "django-extra-used", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.Medium, Cwe: 89,
        What: """
            `….extra(...)` calls whose `where=` or `tables=` is not a list of string literals, or whose `select=` is not
            a dict of string literals (keywords or positions, as Django's signature orders them).
            """,
        Why: "`extra()` pastes its fragments into the SQL as they are: a fragment built from input injects SQL.",
        Example: """User.objects.extra(where=[f"name = '{name}'"])""",
        Fix: """User.objects.extra(where=["name = %s"], params=[name])  # better: User.objects.filter(name=name)""",
        References: [Bandit.Doc("B610", "django_extra_used"), Bandit.Cwe(89),
                     "https://docs.djangoproject.com/en/stable/ref/models/querysets/#extra"])
    {
        Compliance = Compliance.Injection,
        Aliases = ["S610"],
    };

    public override CallInterest? Calls { get; } = new() { LastNames = ["extra"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.Name != "extra") return;
        var args = new Dictionary<string, Expr>(StringComparer.Ordinal);
        foreach (var k in call.Node.Keywords) if (k.Name is not null) args[k.Name] = k.Value;
        for (int i = 0; i < call.Node.Args.Count && i < Parameters.Length; i++) args[Parameters[i]] = call.Node.Args[i];

        bool insecure = false;
        foreach (var key in new[] { "where", "tables" })
            if (args.TryGetValue(key, out var v))
                insecure |= v is not ListExpr list || list.Elts.Any(e => !SemanticModel.IsLiteralString(e));
        if (!insecure && args.TryGetValue("select", out var select))
            insecure = select is not DictExpr d || d.Keys.Any(k => !SemanticModel.IsLiteralString(k)) || d.Values.Any(v => !SemanticModel.IsLiteralString(v));
        if (insecure)
            context.Report(this, call.Node, "Use of `extra()` with SQL fragments that are not literals: potential SQL injection.");
    }
}
