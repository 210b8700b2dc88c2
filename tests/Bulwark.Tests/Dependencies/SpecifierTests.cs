using Bulwark.Dependencies.Versions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bulwark.Tests.Dependencies;

public class SpecifierTests
{
    static bool In(string spec, string version, bool? pre = null) =>
        SpecifierSet.Parse(spec).Contains(PackageVersion.Parse(version), pre);

    [Theory]
    [InlineData("==1.0", "1.0.0", true)]
    [InlineData("==1.0", "1.0+local", true)]
    [InlineData("==1.0+local", "1.0", false)]
    [InlineData("==1.1.*", "1.1.post1", true)]
    [InlineData("==1.1.*", "1.10", false)]
    [InlineData("==1.*", "1.9.3", true)]
    [InlineData("!=1.1.*", "1.1.5", false)]
    [InlineData("!=1.1.*", "1.2", true)]
    [InlineData("~=2.2", "2.9", true)]
    [InlineData("~=2.2", "3.0", false)]
    [InlineData("~=1.4.5", "1.4.9", true)]
    [InlineData("~=1.4.5", "1.5.0", false)]
    [InlineData("~=1.4.5", "1.4.4", false)]
    [InlineData(">=1.0,<2.0", "1.5", true)]
    [InlineData(">=1.0,<2.0", "2.0", false)]
    [InlineData("<3.0", "3.0rc1", false)]
    [InlineData("<3.0rc2", "3.0rc1", true)]
    [InlineData(">1.7", "1.7.post1", false)]
    [InlineData(">1.7.post1", "1.7.post2", true)]
    [InlineData(">1.7", "1.7+local", false)]
    [InlineData(">1.7", "1.7.1", true)]
    [InlineData("<=2.0", "2.0+local", true)]
    [InlineData("===1.0", "1.0", true)]
    [InlineData("===1.0", "1.0.0", false)]
    [InlineData("", "0.1", true)]
    public void Clause_semantics_follow_pep440(string spec, string version, bool expected) =>
        Assert.Equal(expected, In(spec, version));

    [Fact]
    public void Pre_releases_are_excluded_unless_a_clause_names_one_or_they_are_allowed()
    {
        Assert.False(In(">=1.0", "2.0b1"));
        Assert.True(In(">=1.0", "2.0b1", pre: true));
        Assert.True(In(">=2.0b1", "2.0b2"));
        Assert.False(In("", "1.0.dev1"));
    }

    [Theory]
    [InlineData("~=1")]
    [InlineData(">=1.*")]
    [InlineData("==1.0+local.*")]
    [InlineData(">=1.0+local")]
    [InlineData("1.0")]
    [InlineData(">=")]
    [InlineData(">=1.0,")]
    public void Rejects_invalid_specifiers(string spec) => Assert.False(SpecifierSet.TryParse(spec, out _, out _));

    [Fact]
    public void Exact_pin_is_only_a_single_non_wildcard_equality()
    {
        Assert.Equal("1.2.3", SpecifierSet.Parse("==1.2.3").ExactPin?.ToString());
        Assert.Null(SpecifierSet.Parse("==1.2.*").ExactPin);
        Assert.Null(SpecifierSet.Parse(">=1.2.3").ExactPin);
        Assert.Null(SpecifierSet.Parse("==1.2.3,!=1.2.4").ExactPin);
    }

    [Fact]
    public void Formats_back_to_normalised_specifiers() =>
        Assert.Equal(">=1.0,<2.0a1,==3.*", SpecifierSet.Parse(" >= 1.0 , <2.0alpha1, == 3.* ").ToString());

    static Gen<string> Release(int min) =>
        from parts in Gen.Choose(0, 6).ListOf().Where(l => l.Count >= min && l.Count <= 4)
        select string.Join('.', parts);

    static Gen<string> Candidates() =>
        from r in Release(1)
        from suffix in Gen.Elements("", "", "a1", ".post1", ".dev0", "rc2", "+local")
        select r + suffix;

    [Property(MaxTest = 300)]
    public Property Compatible_release_equals_its_expansion() =>
        Prop.ForAll(Release(2).ToArbitrary(), Candidates().ToArbitrary(), (bound, candidate) =>
        {
            var b = PackageVersion.Parse(bound);
            var prefix = string.Join('.', b.Release.Take(b.Release.Count - 1));
            var v = PackageVersion.Parse(candidate);
            return SpecifierSet.Parse("~=" + bound).Contains(v, true) == SpecifierSet.Parse($">={bound},=={prefix}.*").Contains(v, true);
        });

    [Property(MaxTest = 300)]
    public Property Not_equal_is_the_complement_of_equal() =>
        Prop.ForAll(Release(1).ToArbitrary(), Candidates().ToArbitrary(), Gen.Elements("", ".*").ToArbitrary(), (spec, candidate, wildcard) =>
        {
            var v = PackageVersion.Parse(candidate);
            return Specifier.Parse("==" + spec + wildcard).Contains(v) != Specifier.Parse("!=" + spec + wildcard).Contains(v);
        });

    [Property(MaxTest = 300)]
    public Property Format_then_parse_round_trips_specifier_sets() =>
        Prop.ForAll(Release(1).ToArbitrary(), Release(2).ToArbitrary(), Gen.Elements(">=", "<", "!=", "~=", "==", "<=", ">").ToArbitrary(), (a, b, op) =>
        {
            var set = SpecifierSet.Parse($">={a}, {op}{b}");
            return SpecifierSet.Parse(set.ToString()).ToString() == set.ToString();
        });
}
