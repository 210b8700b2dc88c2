using Bulwark.Core;

namespace Bulwark.Rules;

/// <summary>
/// Every rule Bulwark knows. Each family adds its rules in its own file by implementing one partial method,
/// so the list is explicit (no reflection: the CLI is compiled ahead of time).
/// Every family adds rules.
/// </summary>
public static partial class RuleCatalog
{
    static readonly Lazy<IReadOnlyList<IRule>> _all = new(Build);

    public static IReadOnlyList<IRule> All => _all.Value;

    static IReadOnlyList<IRule> Build()
    {
        var rules = new List<IRule>();
        AddEngine(rules);
        AddCode(rules);
        AddBlacklist(rules);
        AddInjection(rules);
        AddSecrets(rules);
        AddDependencies(rules);
        AddConfiguration(rules);
        AddCi(rules);
        rules.Sort((a, b) => string.CompareOrdinal(a.Info.Id, b.Info.Id));
        for (int i = 1; i < rules.Count; i++)
            if (rules[i].Info.Id == rules[i - 1].Info.Id)
                throw new InvalidOperationException($"duplicate rule id {rules[i].Info.Id}");
        return rules;
    }

    /// <summary>Finds a rule by id or alias (`B602`, `S602`), case-insensitively.</summary>
    public static IRule? Find(string idOrAlias)
    {
        foreach (var r in All)
        {
            if (string.Equals(r.Info.Id, idOrAlias, StringComparison.OrdinalIgnoreCase)) return r;
            foreach (var a in r.Info.Aliases)
                if (string.Equals(a, idOrAlias, StringComparison.OrdinalIgnoreCase)) return r;
        }
        return null;
    }

    static partial void AddEngine(List<IRule> rules);
    static partial void AddCode(List<IRule> rules);
    static partial void AddBlacklist(List<IRule> rules);
    static partial void AddInjection(List<IRule> rules);
    static partial void AddSecrets(List<IRule> rules);
    static partial void AddDependencies(List<IRule> rules);
    static partial void AddConfiguration(List<IRule> rules);
    static partial void AddCi(List<IRule> rules);
}
