using Bulwark.Dependencies.Versions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bulwark.Tests.Dependencies;

public class VersionTests
{
    static PackageVersion V(string s) => PackageVersion.Parse(s);

    [Theory]
    [InlineData("1.0", "1.0")]
    [InlineData("v1.0", "1.0")]
    [InlineData("1.0.0", "1.0.0")]
    [InlineData("1!2.0", "1!2.0")]
    [InlineData("1.0a1", "1.0a1")]
    [InlineData("1.0alpha1", "1.0a1")]
    [InlineData("1.0-beta.2", "1.0b2")]
    [InlineData("1.0c1", "1.0rc1")]
    [InlineData("1.0pre1", "1.0rc1")]
    [InlineData("1.0preview", "1.0rc0")]
    [InlineData("1.0-1", "1.0.post1")]
    [InlineData("1.0.post", "1.0.post0")]
    [InlineData("1.0r2", "1.0.post2")]
    [InlineData("1.0-dev3", "1.0.dev3")]
    [InlineData("1.0.DEV", "1.0.dev0")]
    [InlineData("1.0+Ubuntu-1", "1.0+ubuntu.1")]
    [InlineData("01.002", "1.2")]
    [InlineData("1.0rc1.post2.dev3+local.07", "1.0rc1.post2.dev3+local.7")]
    public void Parses_permissive_forms_to_the_normalised_form(string input, string normalised) =>
        Assert.Equal(normalised, V(input).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.0.x")]
    [InlineData("1.0+")]
    [InlineData("1..0")]
    [InlineData("0.7.1.fix1")]
    [InlineData("2.0.0-final")]
    public void Rejects_non_pep440_strings(string input) => Assert.False(PackageVersion.TryParse(input, out _));

    [Fact]
    public void Orders_versions_as_the_specification_example_does()
    {
        string[] ordered =
        [
            "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456",
            "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0.post456.dev34",
            "1.0.post456", "1.0.15", "1.1.dev1", "1!0.1",
        ];
        for (int i = 0; i + 1 < ordered.Length; i++)
            Assert.True(V(ordered[i]) < V(ordered[i + 1]), $"{ordered[i]} < {ordered[i + 1]}");
    }

    [Fact]
    public void Trailing_zeros_do_not_change_equality_or_hash()
    {
        Assert.Equal(V("1.0"), V("1.0.0"));
        Assert.Equal(V("1.0").GetHashCode(), V("1.0.0.0").GetHashCode());
        Assert.NotEqual(V("1.0"), V("1.0+local"));
        Assert.True(V("1.0+abc") < V("1.0+1"));
    }

    static readonly string[] Phases = ["", "a", "b", "rc"];

    static Gen<string> VersionStrings() =>
        from epoch in Gen.Elements(0, 0, 0, 1)
        from release in Gen.Choose(0, 12).ListOf().Where(l => l.Count is > 0 and < 5)
        from phase in Gen.Elements(Phases)
        from pre in Gen.Choose(0, 3)
        from post in Gen.Elements(-1, -1, 0, 2)
        from dev in Gen.Elements(-1, -1, 0, 5)
        from local in Gen.Elements("", "", "+ubuntu.1", "+5", "+abc")
        select (epoch > 0 ? epoch + "!" : "") + string.Join('.', release) + (phase == "" ? "" : phase + pre)
            + (post >= 0 ? ".post" + post : "") + (dev >= 0 ? ".dev" + dev : "") + local;

    [Property(MaxTest = 300)]
    public Property Parse_then_format_round_trips() =>
        Prop.ForAll(VersionStrings().ToArbitrary(), s =>
        {
            var v = V(s);
            return v.ToString() == s && V(v.ToString()).Equals(v);
        });

    [Property(MaxTest = 300)]
    public Property Ordering_is_a_total_order_consistent_with_equality() =>
        Prop.ForAll(VersionStrings().ToArbitrary(), VersionStrings().ToArbitrary(), VersionStrings().ToArbitrary(), (a, b, c) =>
        {
            var (x, y, z) = (V(a), V(b), V(c));
            bool antisymmetric = Math.Sign(x.CompareTo(y)) == -Math.Sign(y.CompareTo(x));
            bool equalityAgrees = x.Equals(y) == (x.CompareTo(y) == 0) && (!x.Equals(y) || x.GetHashCode() == y.GetHashCode());
            bool transitive = !(x <= y && y <= z) || x <= z;
            return antisymmetric && equalityAgrees && transitive;
        });
}
