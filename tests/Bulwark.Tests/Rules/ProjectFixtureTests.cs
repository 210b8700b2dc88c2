using System.Text;
using System.Text.RegularExpressions;
using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Rules;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Rules;

/// <summary>
/// End-to-end tests of the configuration, authentication and data-protection rules on whole projects
/// (`Fixtures/Projects/NAME/`): Django with split settings, Flask and FastAPI, each insecure and hardened. In an
/// insecure project every planted issue carries a `# expect: ID [ID…]` comment on its line, and the scan (default
/// profile, the real pipeline) must report exactly those; a hardened project must report nothing from these rules.
/// The findings with their messages are also kept as a reviewed snapshot, `Projects/NAME.expected`.
/// </summary>
public partial class ProjectFixtureTests
{
    static string ProjectDir => Path.Combine(RepoPaths.TestSource, "Rules", "Fixtures", "Projects");

    /// <summary>The rules this suite is about: the configuration family, the authentication, cryptography and logging rules, and the existing rules they reuse.</summary>
    public static bool InScope(RuleInfo rule) =>
        rule.Family == Family.Configuration || rule.Id.StartsWith("AUTH", StringComparison.Ordinal)
        || rule.Id.StartsWith("CRY", StringComparison.Ordinal) || rule.Id.StartsWith("LOG", StringComparison.Ordinal)
        || rule.Id is "BW805" or "BW105" or "B201" or "B324" or "B303" or "B305" or "B501" or "B502" or "B505" or "B323" or "BW311";

    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var d in Directory.EnumerateDirectories(ProjectDir).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(d));
        return data;
    }

    static List<Finding> Scan(string project)
    {
        var settings = new ScanSettings { Profile = RuleProfile.Default, Jobs = 1 };
        var result = new Scanner(settings).Scan(new ScanRequest([Path.Combine(ProjectDir, project)]));
        return result.Findings.Where(f => InScope(f.Rule)).ToList();
    }

    [GeneratedRegex(@"#\s*expect:\s*(?<ids>[A-Z0-9 ]+)")]
    private static partial Regex ExpectComment();

    [Theory]
    [MemberData(nameof(Projects))]
    public void Findings_are_exactly_the_planted_issues(string project)
    {
        var root = Path.Combine(ProjectDir, project);
        var expected = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.py", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(root, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
                if (ExpectComment().Match(lines[i]) is { Success: true } m)
                    foreach (var id in m.Groups["ids"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        expected.Add($"{rel}:{i + 1} {id}");
        }
        var actual = Scan(project).Select(f => $"{f.Location.Path}:{f.Location.StartLine} {f.Rule.Id}").ToList();
        expected.Sort(StringComparer.Ordinal);
        actual.Sort(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
        if (project.EndsWith("-hardened", StringComparison.Ordinal)) Assert.Empty(actual);
        else Assert.NotEmpty(actual);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Findings_match_snapshot(string project)
    {
        var sb = new StringBuilder();
        foreach (var f in Scan(project))
            sb.Append($"{f.Location.Path}:{f.Location.StartLine}:{f.Location.StartColumn} {f.Rule.Id} [{f.Severity.Name()}/{f.Confidence.Name()}] {f.Message}\n");
        var actual = sb.ToString();
        Snapshot.Match(Path.Combine(ProjectDir, project + ".expected"), actual);
    }

    [Fact]
    public void Every_configuration_project_rule_is_exercised_by_an_insecure_project()
    {
        var reported = new HashSet<string>();
        foreach (var p in Directory.EnumerateDirectories(ProjectDir))
            if (Path.GetFileName(p).EndsWith("-insecure", StringComparison.Ordinal))
                foreach (var f in Scan(Path.GetFileName(p))) reported.Add(f.Rule.Id);
        var missing = RuleCatalog.All.OfType<ProjectRule>().Where(r => r.Info.Family == Family.Configuration && !reported.Contains(r.Info.Id))
            .Select(r => r.Info.Id).ToList();
        Assert.True(missing.Count == 0, "configuration project rules no insecure project exercises: " + string.Join(", ", missing));
    }
}
