using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Rules;

namespace Bulwark.Tests.Rules;

/// <summary>Options whose Bulwark default differs from Bandit's take Bandit's default under `--profile bandit`.</summary>
public class BanditProfileTests
{
    static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Rules", "Fixtures", name);

    static string RunWith(string ruleId, string fixture, RuleProfile profile, Dictionary<string, object>? options = null)
    {
        var settings = new ScanSettings
        {
            Select = [ruleId], Profile = profile,
            RuleOptions = options is null
                ? new Dictionary<string, IReadOnlyDictionary<string, object>>()
                : new Dictionary<string, IReadOnlyDictionary<string, object>> { [ruleId] = options },
        };
        return RuleFixtureTests.Run(ruleId, Fixture(fixture), settings);
    }

    [Fact]
    public void Bandit_profile_reports_asserts_in_test_files()
    {
        var findings = RunWith("B101", "B101_tests.py", RuleProfile.Bandit);
        Assert.Contains("B101", findings);
        var skipped = RunWith("B101", "B101_tests.py", RuleProfile.Bandit,
            new Dictionary<string, object> { ["skips"] = new[] { "**/B101_tests.py", "B101_tests.py" } });
        Assert.DoesNotContain("B101 ", skipped);
    }

    [Fact]
    public void Bandit_profile_only_knows_the_IPv4_wildcard()
    {
        var bandit = RunWith("B104", "B104.py", RuleProfile.Bandit);
        var ours = RunWith("B104", "B104.py", RuleProfile.Default);
        Assert.DoesNotContain("`::`", bandit);
        Assert.Contains("`::`", ours);
    }

    [Fact]
    public void Sharper_variants_replace_the_noisy_Bandit_rules_in_the_default_profile()
    {
        var defaults = RuleSet.From(RuleCatalog.All, new ScanSettings { Profile = RuleProfile.Default });
        var bandit = RuleSet.From(RuleCatalog.All, new ScanSettings { Profile = RuleProfile.Bandit });
        foreach (var (noisy, sharp) in new[] { ("B105", "BW105"), ("B608", "BW608") })
        {
            Assert.False(defaults.Contains(noisy));
            Assert.True(defaults.Contains(sharp));
            Assert.True(bandit.Contains(noisy));
            Assert.False(bandit.Contains(sharp));
        }
    }

    [Fact]
    public void Every_code_rule_documents_itself()
    {
        foreach (var rule in RuleCatalog.All)
        {
            if (rule.GetType().Namespace != "Bulwark.Rules.Code") continue;
            var i = rule.Info;
            Assert.False(string.IsNullOrWhiteSpace(i.What), i.Id);
            Assert.False(string.IsNullOrWhiteSpace(i.Why), i.Id);
            Assert.False(string.IsNullOrWhiteSpace(i.Example), i.Id);
            Assert.False(string.IsNullOrWhiteSpace(i.Fix), i.Id);
            Assert.NotEmpty(i.References);
            Assert.NotNull(i.Cwe);
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", i.Name);
            if (i.Profiles != RuleProfile.All) Assert.False(string.IsNullOrWhiteSpace(i.DifferencesFromBandit), i.Id);
        }
    }
}
