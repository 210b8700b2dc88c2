namespace Bulwark.Rules;

public static partial class RuleCatalog
{
    static partial void AddDependencies(List<IRule> rules)
    {
        rules.Add(new Dependencies.VulnerableDependencyRule());
        rules.Add(new Dependencies.UnpinnedDependencyRule());
        rules.Add(new Dependencies.LoosePinRule());
        rules.Add(new Dependencies.MissingHashesRule());
        rules.Add(new Dependencies.StaleLockfileRule());
    }
}
