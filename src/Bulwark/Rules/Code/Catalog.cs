using Bulwark.Rules.Code;

namespace Bulwark.Rules;

public static partial class RuleCatalog
{
    static partial void AddCode(List<IRule> rules)
    {
        rules.Add(new AssertUsed());
        rules.Add(new SubprocessPopenWithShell());
        rules.Add(new HardcodedPasswordString());
    }
}
