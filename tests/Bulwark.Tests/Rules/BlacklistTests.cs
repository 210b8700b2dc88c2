using Bulwark.Core;
using Bulwark.Rules;
using Bulwark.Rules.Code;
using Bulwark.Rules.Code.Blacklist;

namespace Bulwark.Tests.Rules;

public class BlacklistTests
{
    // Bandit 1.9's live blacklist ids plus B324; B309, B320, B322, B325, B410 and B414 are retired there.
    static readonly string[] BanditIds =
    [
        "B301", "B302", "B303", "B304", "B305", "B306", "B307", "B308", "B310", "B311", "B312", "B313", "B314",
        "B315", "B316", "B317", "B318", "B319", "B321", "B323", "B324", "B401", "B402", "B403", "B404", "B405",
        "B406", "B407", "B408", "B409", "B411", "B412", "B413", "B415",
    ];

    static IEnumerable<IRule> BlacklistRules() =>
        RuleCatalog.All.Where(r => r.GetType().Namespace == typeof(BlacklistedCall).Namespace);

    [Fact]
    public void Bandit_profile_has_every_live_Bandit_blacklist_id()
    {
        var bandit = RuleCatalog.All.Where(r => r.Info.Profiles.HasFlag(RuleProfile.Bandit)).Select(r => r.Info.Id).ToHashSet();
        var missing = BanditIds.Where(id => !bandit.Contains(id)).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("B309")]
    [InlineData("B320")]
    [InlineData("B322")]
    [InlineData("B325")]
    [InlineData("B410")]
    [InlineData("B414")]
    public void Retired_Bandit_ids_are_not_rules(string id) => Assert.Null(RuleCatalog.Find(id));

    [Theory]
    [InlineData("B310", "BW310")]
    [InlineData("B311", "BW311")]
    public void Default_profile_runs_the_sharper_rule_instead_of_Bandits(string bandit, string sharper)
    {
        Assert.Equal(RuleProfile.Bandit, RuleCatalog.Find(bandit)!.Info.Profiles);
        Assert.Equal(RuleProfile.Default, RuleCatalog.Find(sharper)!.Info.Profiles);
    }

    [Fact]
    public void Rules_left_out_of_the_default_profile_say_why()
    {
        var silent = BlacklistRules()
            .Where(r => !r.Info.Profiles.HasFlag(RuleProfile.Default) && string.IsNullOrWhiteSpace(r.Info.DifferencesFromBandit))
            .Select(r => r.Info.Id).ToList();
        Assert.True(silent.Count == 0, "no DifferencesFromBandit: " + string.Join(", ", silent));
    }

    [Fact]
    public void Every_Bandit_blacklist_rule_has_its_Ruff_alias_a_CWE_and_docs()
    {
        foreach (var rule in BlacklistRules().Where(r => BanditIds.Contains(r.Info.Id)))
        {
            var info = rule.Info;
            Assert.Equal(["S" + info.Id[1..]], info.Aliases);
            Assert.NotNull(info.Cwe);
            Assert.False(string.IsNullOrWhiteSpace(info.What + info.Why + info.Example + info.Fix) || info.References.Count == 0, info.Id);
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", info.Name);
        }
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("reset_token", true)]
    [InlineData("SECRET_KEY", true)]
    [InlineData("apiKey", true)]
    [InlineData("APIKey", true)]
    [InlineData("csrfToken", true)]
    [InlineData("verification_code", true)]
    [InlineData("session_id", true)]
    [InlineData("nonce", true)]
    [InlineData("make_reset_token", true)]
    [InlineData("key", false)]
    [InlineData("cache_key", false)]
    [InlineData("status_code", false)]
    [InlineData("password_length", false)]
    [InlineData("token_ttl", false)]
    [InlineData("session", false)]
    [InlineData("winner", false)]
    [InlineData("passenger", false)]
    public void Secret_names_are_recognised_by_whole_words(string name, bool secret) =>
        Assert.Equal(secret, InsecureRandomForSecret.NamesSecret(name));
}
