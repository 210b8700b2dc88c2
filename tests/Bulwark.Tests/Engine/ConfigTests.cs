using Bulwark.Config;
using Bulwark.Core;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Engine;

public class ConfigTests
{
    [Fact]
    public void Pyproject_tool_bulwark_table_is_read()
    {
        var config = ConfigFile.Parse("""
            [project]
            name = "app"

            [tool.bulwark]
            select = ["B6", "code"]
            ignore = ["B101"]
            exclude = ["migrations/"]
            severity = "medium"
            confidence = "high"
            profile = "bandit"

            [tool.bulwark.per-file-ignores]
            "tests/**" = ["B101", "B105"]

            [tool.bulwark.rule-options.B602]
            subprocess = ["subprocess.run"]
            """, "pyproject.toml", ["tool", "bulwark"])!;
        Assert.Equal(["B6", "code"], config.Select);
        Assert.Equal(["B101"], config.Ignore);
        Assert.Equal(Severity.Medium, config.Severity);
        Assert.Equal(Confidence.High, config.Confidence);
        Assert.Equal(RuleProfile.Bandit, config.Profile);
        Assert.Equal("tests/**", Assert.Single(config.PerFileIgnores!).Key);
        Assert.Equal(["subprocess.run"], (IReadOnlyList<string>)config.RuleOptions!["B602"]["subprocess"]);
    }

    [Fact]
    public void Pyproject_without_tool_bulwark_is_not_a_configuration()
    {
        Assert.Null(ConfigFile.Parse("[project]\nname = \"x\"\n", "pyproject.toml", ["tool", "bulwark"]));
    }

    [Fact]
    public void Inline_tables_work_like_table_headers()
    {
        var config = ConfigFile.Parse("per-file-ignores = { \"tests/*\" = [\"B101\"] }\n", "bulwark.toml", [])!;
        Assert.Equal(["B101"], Assert.Single(config.PerFileIgnores!).Value);
    }

    [Theory]
    [InlineData("selct = [\"B101\"]\n", "bulwark.toml:1: unknown configuration key 'selct'")]
    [InlineData("\n\nseverity = \"urgent\"\n", "bulwark.toml:3: severity must be one of")]
    [InlineData("select = \"B101\"\n", "bulwark.toml:1: 'select' must be a list of strings")]
    [InlineData("ignore = [\"B999\"]\n", "bulwark.toml:1: unknown rule or family 'B999'")]
    [InlineData("[rule-options.B602]\nshells = []\n", "bulwark.toml:2: rule B602 has no option 'shells'")]
    [InlineData("[rule-options.B602]\nsubprocess = true\n", "bulwark.toml:2: 'rule-options.B602.subprocess' must be a list of strings")]
    [InlineData("select = [\n", "bulwark.toml:")]
    public void Errors_name_the_file_and_line(string toml, string expectedStart)
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigFile.Parse(toml, "bulwark.toml", []));
        Assert.StartsWith(expectedStart, ex.Message);
        Assert.DoesNotContain("\n", ex.Message);
    }

    [Fact]
    public void Discovery_walks_up_to_the_nearest_configuration()
    {
        using var dir = new TempDir();
        dir.Write("pyproject.toml", "[tool.bulwark]\nignore = [\"B101\"]\n");
        dir.Write("pkg/sub/pyproject.toml", "[project]\nname = \"inner\"\n"); // no [tool.bulwark]: keep walking
        dir.Write("pkg/sub/app.py", "");
        var found = ConfigFile.Discover(Path.Combine(dir.Path, "pkg", "sub"), stopAt: dir.Path);
        Assert.NotNull(found);
        Assert.Equal(Path.Combine(dir.Path, "pyproject.toml"), found!.Path);
    }

    [Fact]
    public void Bulwark_toml_wins_over_pyproject_in_the_same_directory()
    {
        using var dir = new TempDir();
        dir.Write("pyproject.toml", "[tool.bulwark]\nignore = [\"B101\"]\n");
        dir.Write("bulwark.toml", "ignore = [\"B602\"]\n");
        Assert.Equal(["B602"], ConfigFile.Discover(dir.Path)!.Ignore);
    }

    [Fact]
    public void Command_line_overrides_the_file_and_the_file_overrides_defaults()
    {
        var file = ConfigFile.Parse("severity = \"high\"\nconfidence = \"medium\"\nselect = [\"B602\"]\nexclude = [\"a/\"]\n", "/x/bulwark.toml", [])!;
        var merged = SettingsBuilder.Build(file, new CommandLineOptions { Severity = Severity.Low, Exclude = ["b/"] });
        Assert.Equal(Severity.Low, merged.MinSeverity);           // command line wins
        Assert.Equal(Confidence.Medium, merged.MinConfidence);    // file wins over default
        Assert.Equal(["B602"], merged.Select);
        Assert.Equal(["a/", "b/"], merged.Exclude);               // excludes accumulate
        Assert.Equal(RuleProfile.Default, merged.Profile);        // default
    }
}
