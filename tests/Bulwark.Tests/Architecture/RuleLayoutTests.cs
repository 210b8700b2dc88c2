using Bulwark.Rules;

namespace Bulwark.Tests.Architecture;

/// <summary>How rules are laid out in the source: one class per rule, each name said once.</summary>
public class RuleLayoutTests
{
    [Fact]
    public void Every_rule_class_has_a_name_no_other_rule_class_has()
    {
        var duplicates = RuleCatalog.All.GroupBy(r => r.GetType().Name).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(r => r.GetType().FullName + " (" + r.Info.Id + ")"))}");
        Assert.Empty(duplicates);
    }
}
