using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Secrets;

namespace Bulwark.Rules.Secrets;

/// <summary>B105 — a string literal assigned to, or compared with, a name that looks like a password (Bandit's exact check).</summary>
public sealed class HardcodedPasswordString : CodeRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B105", Name: "hardcoded-password-string", Family: Family.Secrets,
        Severity: Severity.Low, Confidence: Confidence.Medium, Cwe: 259,
        What: "String literals assigned to variables or attributes named like a password or token (`password`, `passwd`, `pwd`, `secret`, `token`, `passphrase`, alone or as an `_`-separated part), used as the value of such a dictionary key or subscript, or compared with such a name.",
        Why: "A credential in source code is readable by everyone with access to the repository, its history and every copy of it, and cannot be rotated without a release.",
        Example: "DB_PASSWORD = \"hunter2\"",
        Fix: SecretHelp.MoveToEnvironment("DB_PASSWORD = os.environ[\"DB_PASSWORD\"]"),
        References: [Bandit.Doc("B105", "hardcoded_password_string"), Bandit.Cwe(259)])
    {
        Compliance = Compliance.HardcodedCredentials,
        Aliases = ["S105"],
        Profiles = RuleProfile.Bandit,
        DifferencesFromBandit = "Bandit's check, kept as is for `--profile bandit`. The default profile runs BW105 instead, which ignores values that are not secrets (`TOKEN_TYPE = \"bearer\"`, `password_field = \"password\"`, empty strings, placeholders, messages).",
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Constant];

    public override void Check(Node node, CodeContext context)
    {
        if (node is Constant { ValueKind: ConstantKind.Str } literal && Candidate(literal, context.Semantic) is var (name, value))
            Report(this, context, value, name);
    }

    /// <summary>
    /// When a string literal sits where Bandit looks for a password, the password-like name and the literal holding the
    /// value: an assigned value, a dictionary key's value, the value assigned to a subscript key, a compared value.
    /// </summary>
    internal static (string Name, Constant Value)? Candidate(Constant literal, Bulwark.Semantics.SemanticModel model,
        Func<string?, bool>? names = null)
    {
        names ??= SecretNames.MatchesBanditPattern;
        switch (model.Parent(literal))
        {
            case Assign assign when ReferenceEquals(assign.Value, literal):
                foreach (var t in assign.Targets)
                    if (SecretTargets.TargetName(t) is { } n && names(n)) return (n, literal);
                return null;
            case DictExpr dict when names(literal.AsString):
                for (int i = 0; i < dict.Keys.Count; i++)
                    if (ReferenceEquals(dict.Keys[i], literal))
                        return dict.Values[i] is Constant v ? (literal.AsString!, v) : null;
                return null;
            case Subscript sub when ReferenceEquals(sub.Slice, literal) && names(literal.AsString):
                return model.Parent(sub) is Assign { Value: Constant { ValueKind: ConstantKind.Str } value } a && a.Targets.Contains(sub)
                    ? (literal.AsString!, value) : null;
            case Compare cmp when !ReferenceEquals(cmp.Left, literal) && cmp.Comparators[0] is Constant { ValueKind: ConstantKind.Str } compared:
                return SecretTargets.TargetName(cmp.Left) is { } left && names(left) ? (left, compared) : null;
        }
        return null;
    }

    /// <summary>
    /// Reports a literal credential. Its fingerprint rests on the rule, the name and the enclosing definition, never on
    /// the value, so a baseline cannot be used to recover the secret.
    /// </summary>
    internal static void Report(IRule rule, CodeContext context, Constant literal, string name,
        string? message = null, Severity? severity = null, IReadOnlyDictionary<string, PropertyValue>? properties = null) =>
        context.Report(new Finding
        {
            Rule = rule.Info,
            Message = message ?? $"Possible hard-coded password in `{name}`.",
            Location = RuleContext.LocationOf(context.File, literal.Start, literal.End),
            Severity = severity ?? rule.Info.Severity,
            Confidence = rule.Info.Confidence,
            Sensitive = true,
            Properties = properties ?? Finding.EmptyProperties,
            FingerprintKey = "secret:" + name + "@" + SecretTargets.EnclosingDefinition(literal, context.Semantic),
        });
}
