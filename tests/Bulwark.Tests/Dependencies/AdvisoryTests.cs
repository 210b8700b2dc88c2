using Bulwark.Dependencies.Advisories;
using Bulwark.Dependencies.Versions;
using Bulwark.Core;
using static Bulwark.Tests.Dependencies.DepsTestSupport;

namespace Bulwark.Tests.Dependencies;

[Collection(CacheEnvironment.Name)]
public class AdvisoryTests
{
    static PackageVersion V(string s) => PackageVersion.Parse(s);
    static AffectedRange Range(params (EventKind, string)[] events) => new("ECOSYSTEM", events.Select(e => new RangeEvent(e.Item1, e.Item2)).ToList());

    [Theory]
    [InlineData("0.9", false)]
    [InlineData("1.0", true)]
    [InlineData("1.4.9", true)]
    [InlineData("1.5", false)]
    [InlineData("2.0rc1", false)]
    [InlineData("2.0", true)]
    [InlineData("2.2", true)]
    [InlineData("2.2.post1", false)]
    public void Ranges_follow_introduced_fixed_and_last_affected_in_version_order(string version, bool affected)
    {
        var r = Range((EventKind.Introduced, "2.0"), (EventKind.LastAffected, "2.2"), (EventKind.Introduced, "1.0"), (EventKind.Fixed, "1.5"));
        Assert.Equal(affected, AdvisoryMatcher.RangeAffects(r, V(version)));
    }

    [Fact]
    public void Limit_caps_a_range_and_explicit_versions_always_match()
    {
        var r = Range((EventKind.Introduced, "0"), (EventKind.Limit, "3.0"));
        Assert.True(AdvisoryMatcher.RangeAffects(r, V("2.9")));
        Assert.False(AdvisoryMatcher.RangeAffects(r, V("3.0")));
        var p = new AffectedPackage("x", [], ["1.0", "0.7.1.fix1"]);
        Assert.True(AdvisoryMatcher.IsAffected(p, V("1.0.0")));
        Assert.True(AdvisoryMatcher.IsAffectedRaw(p, "0.7.1.FIX1"));
        Assert.False(AdvisoryMatcher.IsAffectedRaw(p, "0.7.1.fix2"));
    }

    static AdvisoryStore FixtureStore() => AdvisoryStore.Import(Fixture("osv"));

    [Fact]
    public void Aliased_records_merge_into_one_vulnerability_and_withdrawn_records_never_match()
    {
        var store = FixtureStore();
        var matches = AdvisoryMatcher.Match(store, "requests", V("2.19.0"));
        Assert.Equal(["PYSEC-2018-28", "PYSEC-2023-74"], matches.Select(m => m.Id));
        Assert.Equal(["CVE-2018-18074", "GHSA-x84v-xcm2-53pg"], matches[0].Aliases);
        Assert.Equal(Severity.High, matches[0].Severity);
        Assert.Equal(7.5, matches[0].Score);
        Assert.Equal(Severity.Medium, matches[1].Severity);
        Assert.Equal("2.31.0", AdvisoryMatcher.SmallestFix(store, "requests", V("2.19.0"), matches)?.ToString());
        Assert.Empty(AdvisoryMatcher.Match(store, "six", V("1.16.0")));
        Assert.Empty(AdvisoryMatcher.Match(store, "requests", V("2.31.0")));
    }

    [Fact]
    public void Store_round_trips_through_its_binary_file()
    {
        var store = FixtureStore();
        var dir = Directory.CreateTempSubdirectory("bulwark-store-");
        try
        {
            var file = Path.Combine(dir.FullName, AdvisoryStore.FileName);
            store.Save(file);
            var loaded = AdvisoryStore.Load(file);
            Assert.Equal(store.Count, loaded.Count);
            Assert.Equal(store.Digest, loaded.Digest);
            Assert.Equal(store.ImportedAt.UtcTicks, loaded.ImportedAt.UtcTicks);
            Assert.NotNull(loaded.Advisories.Single(a => a.Id == "PYSEC-2099-1").Withdrawn);
            Assert.Equal(
                AdvisoryMatcher.Match(store, "jinja2", V("2.10")).Select(m => m.Id),
                AdvisoryMatcher.Match(loaded, "jinja2", V("2.10")).Select(m => m.Id));
            File.WriteAllText(file, "not a store");
            Assert.Throws<InvalidDataException>(() => AdvisoryStore.Load(file));
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Cache_directory_honours_the_override_variable()
    {
        var old = Environment.GetEnvironmentVariable("BULWARK_CACHE_DIR");
        try
        {
            Environment.SetEnvironmentVariable("BULWARK_CACHE_DIR", "/tmp/bulwark-test-cache");
            Assert.Equal("/tmp/bulwark-test-cache/advisories.bwdb", AdvisoryStore.DefaultStorePath());
        }
        finally { Environment.SetEnvironmentVariable("BULWARK_CACHE_DIR", old); }
    }

    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1)]
    [InlineData("CVSS:3.0/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.8)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0)]
    public void Computes_cvss3_base_scores(string vector, double score) => Assert.Equal(score, Cvss.BaseScore(vector));

    [Fact]
    public void Incomplete_or_v2_vectors_have_no_score()
    {
        Assert.Null(Cvss.BaseScore("AV:N/AC:L/Au:N/C:P/I:P/A:P"));
        Assert.Null(Cvss.BaseScore("CVSS:3.1/AV:N/AC:L"));
    }

    /// <summary>
    /// Every version an OSV record lists matches it, and no `fixed` version does. A small fixture the team wrote;
    /// `bench/` runs the same check over the whole PyPA database.
    /// </summary>
    [Fact]
    public void Osv_fixture_matches_every_listed_version_and_no_fixed_version()
    {
        var store = AdvisoryStore.Import(Fixture("osv-versions"));
        Assert.Equal(5, store.Count);
        CheckAgainstListedVersions(store);
        // Between the two vulnerable branches of EXAMPLE-0002 nothing matches it; the post-release fix is honoured.
        Assert.DoesNotContain(AdvisoryMatcher.Match(store, "fixture-http", "1.5"), m => m.Id == "EXAMPLE-0002");
        Assert.DoesNotContain(AdvisoryMatcher.Match(store, "fixture-http", "3.0.0.post1"), m => m.Id == "EXAMPLE-0004");
        Assert.Contains(AdvisoryMatcher.Match(store, "fixture-templates", "0.7.3"), m => m.Id == "EXAMPLE-0005");
    }

    static void CheckAgainstListedVersions(AdvisoryStore store)
    {
        Assert.True(store.Count >= 4);
        foreach (var a in store.Advisories)
            foreach (var p in a.Affected)
            {
                foreach (var v in p.Versions)
                    Assert.Contains(AdvisoryMatcher.Match(store, p.Name, v), m => m.Id == a.Id || m.Aliases.Contains(a.Id));
                foreach (var e in p.Ranges.Where(r => r.Type == "ECOSYSTEM").SelectMany(r => r.Events).Where(e => e.Kind == EventKind.Fixed))
                    Assert.DoesNotContain(AdvisoryMatcher.Match(store, p.Name, e.Version), m => m.Id == a.Id);
            }
    }
}
