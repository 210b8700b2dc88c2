using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B703 — Django `mark_safe` on text that is not known to be constant.</summary>
public sealed class DjangoMarkSafe : CallRule
{
    const int MaxDepth = 8;
    static readonly HashSet<string> SafeMarkers = ["mark_safe", "SafeText", "SafeUnicode", "SafeString", "SafeBytes"];

    public override RuleInfo Info { get; } = new(
        Id: "B703", Name: "django-mark-safe", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 80,
        What: """
            In modules that import `django.utils.safestring`, `mark_safe(...)` (and `SafeText`, `SafeString`, …) on an
            argument that is not a constant string: a literal, a variable only ever assigned constant strings, or
            `"…".format(...)` / `"…" % (...)` of such values.
            """,
        Why: """
            `mark_safe` turns off Django's escaping for the text: any user data inside it renders as HTML and script
            (cross-site scripting).
            """,
        Example: """return mark_safe(f"<a href='{url}'>{title}</a>")""",
        Fix: """return format_html("<a href='{}'>{}</a>", url, title)""",
        References: [Bandit.Doc("B703", "django_mark_safe"), Bandit.Cwe(80),
                     "https://docs.djangoproject.com/en/stable/ref/utils/#django.utils.safestring.mark_safe"])
    {
        Compliance = Compliance.Injection,
        DifferencesFromBandit = """
            The default profile follows a name to every assignment in its own scope and to module constants; Bandit (and
            `--profile bandit`) only inspects assignments in the enclosing function, so a module constant is reported.
            """,
    };

    public override CallInterest? Calls { get; } = new() { LastNames = [.. SafeMarkers] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.Name is not { } name || !SafeMarkers.Contains(name) || call.Positional(0) is not { } arg) return;
        if (!context.Semantic.IsImportedLike("django.utils.safestring")) return;
        if (!IsConstantText(arg, context.Semantic, 0, context.Settings.Profile == RuleProfile.Bandit))
            context.Report(this, call.Node, $"Potential XSS: `{name}` on text that is not a constant string.");
    }

    /// <summary>The value can only be a string fixed in the source, through variables assigned constant strings on every path.</summary>
    static bool IsConstantText(Expr e, SemanticModel model, int depth, bool localOnly)
    {
        if (depth > MaxDepth) return false;
        if (!(localOnly && e is Name) && model.Evaluate(e) is { Kind: ValueKind.Str }) return true;
        switch (e)
        {
            case Name n:
                var binding = model.BindingOf(n);
                if (binding is null) return false;
                // Bandit only looks at assignments in the enclosing function (module constants count as unknown).
                if (localOnly && !ReferenceEquals(binding.Scope, model.ScopeOf(n))) return false;
                // Every assignment that can reach the use: those before it (Bandit's reading), or all of them when none is.
                var all = binding.Scope.BindingsOf(n.Id);
                bool anyBefore = false;
                foreach (var b in all) anyBefore |= b.Position <= n.Start;
                foreach (var b in all)
                {
                    if (anyBefore && b.Position > n.Start) continue;
                    if (b.Kind == BindingKind.Parameter) return false;
                    if (b.Kind == BindingKind.AugmentedAssignment && b.Node is AugAssign aug) { if (!IsConstantText(aug.Value, model, depth + 1, localOnly)) return false; continue; }
                    if (b.Kind != BindingKind.Assignment || b.Value is null || !IsConstantText(b.Value, model, depth + 1, localOnly)) return false;
                }
                return true;
            case Call { Func: AttributeExpr { Attr: "format", Value: Constant { ValueKind: ConstantKind.Str } } } format:
                foreach (var k in format.Keywords)
                {
                    if (k.Name is not null) { if (!IsConstantText(k.Value, model, depth + 1, localOnly)) return false; continue; }
                    if (k.Value is not DictExpr spread) return false;
                    foreach (var v in spread.Values) if (!IsConstantText(v, model, depth + 1, localOnly)) return false;
                }
                foreach (var a in format.Args)
                {
                    var value = a is Starred { Value: ListExpr or TupleExpr } s ? s.Value : a;
                    if (value is ListExpr or TupleExpr) { foreach (var item in ((value as ListExpr)?.Elts ?? ((TupleExpr)value).Elts)) if (!IsConstantText(item, model, depth + 1, localOnly)) return false; continue; }
                    if (!IsConstantText(value, model, depth + 1, localOnly)) return false;
                }
                return true;
            case BinOp { Op: Operator.Mod, Left: Constant { ValueKind: ConstantKind.Str } } mod:
                if (mod.Right is DictExpr d)
                {
                    foreach (var v in d.Values) if (!IsConstantText(v, model, depth + 1, localOnly)) return false;
                    return true;
                }
                if (mod.Right is TupleExpr t)
                {
                    foreach (var item in t.Elts) if (!IsConstantText(item, model, depth + 1, localOnly)) return false;
                    return true;
                }
                return IsConstantText(mod.Right, model, depth + 1, localOnly);
            case BinOp { Op: Operator.Add } add:
                return IsConstantText(add.Left, model, depth + 1, localOnly) && IsConstantText(add.Right, model, depth + 1, localOnly);
        }
        return false;
    }
}
