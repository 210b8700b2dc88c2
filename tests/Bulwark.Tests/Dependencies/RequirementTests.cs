using Bulwark.Dependencies.Requirements;

namespace Bulwark.Tests.Dependencies;

public class RequirementTests
{
    [Fact]
    public void Parses_name_extras_specifier_and_marker_with_offsets()
    {
        const string text = "Requests[socks, security] >=2.8.1, ==2.8.* ; python_version < \"2.7\"";
        var r = Requirement.Parse(text);
        Assert.Equal("Requests", r.Name);
        Assert.Equal("requests", r.NormalizedName);
        Assert.Equal(["socks", "security"], r.Extras);
        Assert.Equal(">=2.8.1,==2.8.*", r.Specifier.ToString());
        Assert.Equal(">=2.8.1, ==2.8.*", text[r.SpecStart..r.SpecEnd]);
        Assert.Equal("Requests", text[r.NameStart..r.NameEnd]);
        Assert.False(r.Marker!.Evaluate(Marker.DefaultEnvironment));
    }

    [Fact]
    public void Parses_parenthesised_specifiers_and_direct_references()
    {
        Assert.Equal(">=1.0", Requirement.Parse("name (>=1.0)").Specifier.ToString());
        var url = Requirement.Parse("pip @ https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee ; python_version >= \"3\"");
        Assert.Equal("https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee", url.Url);
        Assert.True(url.Marker!.Evaluate(Marker.DefaultEnvironment));
    }

    [Theory]
    [InlineData("-bad")]
    [InlineData("name[extra")]
    [InlineData("name >=")]
    [InlineData("name ; unknown_var == 'x'")]
    [InlineData("name (>=1.0")]
    public void Rejects_malformed_requirements(string text) => Assert.False(Requirement.TryParse(text, out _, out _));

    [Theory]
    [InlineData("Foo.Bar__baz", "foo-bar-baz")]
    [InlineData("PyYAML", "pyyaml")]
    [InlineData("zope.interface", "zope-interface")]
    [InlineData("a-_-b", "a-b")]
    public void Normalises_names_per_pep503(string name, string normalised) => Assert.Equal(normalised, PackageName.Normalize(name));

    [Theory]
    [InlineData("PyYAML", "yaml", true)]
    [InlineData("Pillow", "PIL", true)]
    [InlineData("beautifulsoup4", "bs4", true)]
    [InlineData("python-dateutil", "dateutil", true)]
    [InlineData("scikit-learn", "sklearn", true)]
    [InlineData("opencv-python", "cv2", true)]
    [InlineData("typing-extensions", "typing_extensions", true)]
    [InlineData("requests", "urllib3", false)]
    public void Maps_distributions_to_import_names(string dist, string module, bool imported) =>
        Assert.Equal(imported, PackageName.IsImported(dist, new HashSet<string> { module }));
}

public class MarkerTests
{
    static readonly Dictionary<string, string> Win = new(Marker.DefaultEnvironment) { ["sys_platform"] = "win32", ["python_version"] = "3.8", ["python_full_version"] = "3.8.10" };

    [Theory]
    [InlineData("python_version >= \"3.8\"", true)]
    [InlineData("python_version < \"3.10\"", true)]
    [InlineData("python_full_version == \"3.8.*\"", true)]
    [InlineData("sys_platform == 'win32' and python_version > '3.7'", true)]
    [InlineData("sys_platform == 'linux' or (os_name == 'nt' and extra == 'Dev_Tools')", false)]
    [InlineData("'win' in sys_platform", true)]
    [InlineData("'linux' not in sys_platform", true)]
    [InlineData("\"3.8\" <= python_version", true)]
    public void Evaluates_markers_against_an_environment(string marker, bool expected) =>
        Assert.Equal(expected, Marker.Parse(marker).Evaluate(Win));

    [Fact]
    public void Extra_names_compare_normalised()
    {
        var env = new Dictionary<string, string>(Marker.DefaultEnvironment) { ["extra"] = "dev-tools" };
        Assert.True(Marker.Parse("extra == 'Dev_Tools'").Evaluate(env));
    }

    [Theory]
    [InlineData("python_version >=")]
    [InlineData("(python_version > '3'")]
    [InlineData("'a' == 'b'")]
    [InlineData("python_version ~ '3'")]
    public void Rejects_malformed_markers(string text) => Assert.False(Marker.TryParse(text, out _, out _));
}
