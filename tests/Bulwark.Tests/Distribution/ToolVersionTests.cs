using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Tests.Cli;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Distribution;

/// <summary>One version string, set once in Directory.Build.props, everywhere Bulwark shows one.</summary>
public class ToolVersionTests
{
    static readonly string PropsPath = Path.Combine(RepoPaths.RepoRoot, "Directory.Build.props");

    static string PropsVersion()
    {
        var versions = XDocument.Load(PropsPath).Descendants("Version").Select(e => e.Value.Trim()).ToList();
        return Assert.Single(versions);
    }

    [Fact]
    public void The_version_is_set_in_Directory_Build_props_and_is_a_semantic_version()
    {
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$"), PropsVersion());
        Assert.Equal(PropsVersion(), BulwarkVersion.Current);
    }

    [Theory]
    [InlineData("version")]
    [InlineData("--version")]
    public void Version_command_and_option_print_the_same_line(string arg)
    {
        var (code, output, err) = ExitCodeTests.Run(arg);
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Equal($"bulwark {PropsVersion()}", output.TrimEnd('\n', '\r'));
    }

    [Fact]
    public void Json_and_sarif_reports_carry_the_version()
    {
        using var dir = new TempDir();
        dir.Write("app.py", "import subprocess\nsubprocess.call(cmd, shell=True)\n");
        var json = Path.Combine(dir.Path, "report.json");
        var sarif = Path.Combine(dir.Path, "report.sarif");
        Assert.Equal(1, ExitCodeTests.Run("scan", Path.Combine(dir.Path, "app.py"), "--isolated", "--no-progress", "-f", "json", "-o", json).Code);
        Assert.Equal(1, ExitCodeTests.Run("scan", Path.Combine(dir.Path, "app.py"), "--isolated", "--no-progress", "-f", "sarif", "-o", sarif).Code);

        using var j = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(PropsVersion(), j.RootElement.GetProperty("tool").GetProperty("version").GetString());
        using var s = JsonDocument.Parse(File.ReadAllText(sarif));
        var driver = s.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        Assert.Equal(PropsVersion(), driver.GetProperty("semanticVersion").GetString());
    }

    [Fact]
    public void No_project_sets_a_version_of_its_own()
    {
        // The dotnet tool package, the assemblies and (through `bulwark version`) the wheel all take Directory.Build.props's.
        string[] properties = ["Version", "VersionPrefix", "VersionSuffix", "PackageVersion", "AssemblyVersion", "FileVersion", "InformationalVersion"];
        var projects = Directory.EnumerateFiles(Path.Combine(RepoPaths.RepoRoot, "src"), "*.csproj", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(projects);
        foreach (var project in projects)
        {
            var set = XDocument.Load(project).Descendants().Where(e => properties.Contains(e.Name.LocalName)).Select(e => e.Name.LocalName).ToList();
            Assert.True(set.Count == 0, $"{Path.GetFileName(project)} sets {string.Join(", ", set)}");
        }
    }

    [Theory]
    [InlineData("0.1.0+1d71413", "0.1.0")]
    [InlineData("0.2.0-rc.1+abc", "0.2.0-rc.1")]
    [InlineData("1.0.0", "1.0.0")]
    [InlineData(null, "0.0.0")]
    public void The_version_keeps_a_prerelease_label_and_drops_build_metadata(string? informational, string expected) =>
        Assert.Equal(expected, BulwarkVersion.FromInformational(informational));
}
