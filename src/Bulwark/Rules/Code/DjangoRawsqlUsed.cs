using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B611 — Django `RawSQL` with SQL that is not a plain literal.</summary>
public sealed class DjangoRawsqlUsed : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B611", Name: "django-rawsql-used", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.Medium, Cwe: 89,
        What: """
            In modules that import from `django.db.models`, `RawSQL(sql, …)` whose SQL (first argument or `sql=`) is not
            a string literal.
            """,
        Why: """
            `RawSQL` inserts its text into the query unchanged: SQL built from input injects statements; values belong
            in `params`.
            """,
        Example: """qs.annotate(val=RawSQL("select col from t where id = %s" % ident, []))""",
        Fix: """qs.annotate(val=RawSQL("select col from t where id = %s", [ident]))""",
        References: [Bandit.Doc("B611", "django_rawsql_used"), Bandit.Cwe(89),
                     "https://docs.djangoproject.com/en/stable/ref/models/expressions/#raw-sql-expressions"])
    {
        Compliance = Compliance.Injection,
        Aliases = ["S611"],
    };

    public override CallInterest? Calls { get; } = new() { LastNames = ["RawSQL"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.Name != "RawSQL" || !context.Semantic.IsImportedLike("django.db.models")) return;
        if (call.Arg("sql", 0) is { } sql && !SemanticModel.IsLiteralString(sql))
            context.Report(this, call.Node, "Use of `RawSQL` with SQL that is not a literal: potential SQL injection.");
    }
}
