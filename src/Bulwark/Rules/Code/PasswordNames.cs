using System.Text.RegularExpressions;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Code;

/// <summary>Bandit's test for names that hold a credential: a password-like word as the whole name or an `_`-separated part of it.</summary>
static partial class PasswordNames
{
    [GeneratedRegex("(^(pas+wo?r?d|pass(phrase)?|pwd|token|secrete?)$|_(pas+wo?r?d|pass(phrase)?|pwd|token|secrete?)_|^(pas+wo?r?d|pass(phrase)?|pwd|token|secrete?)_|_(pas+wo?r?d|pass(phrase)?|pwd|token|secrete?)$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    public static bool IsCandidate(string? name) => name is not null && Candidate().IsMatch(name);

    /// <summary>The name an assignment target or comparison operand is known by: `x`, `obj.x`.</summary>
    public static string? TargetName(Expr e) => e switch
    {
        Name n => n.Id,
        AttributeExpr a => a.Attr,
        _ => null,
    };
}
