using Bulwark.Core;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules;

/// <summary>
/// What the pattern rules for injection (B602, B603, B604, B605, B307, B102, B301, BW608) skip in the default profile: a
/// command, code string or query the program fixes by itself — built only from constants and values that cannot
/// carry text, on every path (<see cref="Semantics.SemanticModel.IsBuiltFromConstants"/>). Data from outside is the
/// taint rules' business (INJ001–INJ016), and they report it with its path. `--profile bandit` reports as Bandit does.
/// </summary>
public static class ProvenSafe
{
    public static bool SkipInDefaultProfile(CodeContext context, Expr? value) =>
        context.Settings.Profile != RuleProfile.Bandit && context.Semantic.IsBuiltFromConstants(value);
}
