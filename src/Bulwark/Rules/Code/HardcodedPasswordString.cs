using System.Text.RegularExpressions;
using Bulwark.Model;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Code;

/// <summary>B105 — a string literal assigned to, or compared with, a name that looks like a password.</summary>
public sealed partial class HardcodedPasswordString : CodeRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B105", Name: "hardcoded-password-string", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.Medium, Cwe: 259,
        What: "String literals assigned to variables, attributes or dictionary keys named like a password or token (`password`, `passwd`, `pwd`, `secret`, `token`, `passphrase`), or compared with them.",
        Why: "A credential in source code is readable by everyone with access to the repository, its history and every copy of it, and cannot be rotated without a release.",
        Example: "DB_PASSWORD = \"hunter2\"",
        Fix: "DB_PASSWORD = os.environ[\"DB_PASSWORD\"]",
        References: ["https://bandit.readthedocs.io/en/latest/plugins/b105_hardcoded_password_string.html",
                     "https://cwe.mitre.org/data/definitions/259.html"])
    {
        Aliases = ["S105"],
    };

    [GeneratedRegex("pas+wo?r?d|pass(phrase)?|pwd|token|secrete?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordName();

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Assign, NodeKind.AnnAssign, NodeKind.Compare];

    public override void Check(Node node, CodeContext context)
    {
        switch (node)
        {
            case Assign { Value: Constant { ValueKind: ConstantKind.Str } value } assign:
                foreach (var target in assign.Targets)
                    if (TargetName(target) is { } name && PasswordName().IsMatch(name)) Report(context, value, name);
                break;
            case AnnAssign { Value: Constant { ValueKind: ConstantKind.Str } value } ann:
                if (TargetName(ann.Target) is { } annName && PasswordName().IsMatch(annName)) Report(context, value, annName);
                break;
            case Compare { Comparators.Count: 1 } cmp:
                if (TargetName(cmp.Left) is { } left && PasswordName().IsMatch(left) && cmp.Comparators[0] is Constant { ValueKind: ConstantKind.Str } lit)
                    Report(context, lit, left);
                break;
        }
    }

    static string? TargetName(Expr e) => e switch
    {
        Name n => n.Id,
        AttributeExpr a => a.Attr,
        Subscript { Slice: Constant { ValueKind: ConstantKind.Str } key } => key.AsString,
        _ => null,
    };

    void Report(CodeContext context, Constant literal, string name)
    {
        if (literal.AsString!.Length == 0) return;
        context.Report(new Finding
        {
            Rule = Info,
            Message = $"Possible hard-coded password in `{name}`.",
            Location = RuleContext.LocationOf(context.File, literal.Start, literal.End),
            Severity = Info.Severity,
            Confidence = Info.Confidence,
            Sensitive = true,
        });
    }
}
