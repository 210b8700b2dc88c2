using System.Text;
using Bulwark.Engine;
using Bulwark.Core;
using Bulwark.Rules;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Rules;

/// <summary>
/// Snapshot tests of the CI rules: each `Fixtures/Ci/ID[_variant].ext` (a workflow, an action, a `.gitlab-ci.yml`, a
/// Jenkinsfile or a pre-commit configuration) runs rule ID alone through the real per-file pipeline, as the file kind
/// its name says, and its findings (with exact lines and columns) must equal `ID[_variant].expected`.
/// Set BULWARK_UPDATE_SNAPSHOTS=1 to (re)write the expected files, then review the diff.
/// </summary>
public class CiRuleFixtureTests
{
    static string FixtureDir => Path.Combine(AppContext.BaseDirectory, "Rules", "Fixtures", "Ci");
    static string SourceFixtureDir => Path.Combine(RepoPaths.TestSource, "Rules", "Fixtures", "Ci");

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(FixtureDir).Order(StringComparer.Ordinal))
            if (!f.EndsWith(".expected", StringComparison.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    /// <summary>The kind a fixture stands for: `_action` marks an action definition; otherwise the rule's platform decides.</summary>
    public static FileKind KindOf(string fixture)
    {
        var id = fixture.Split('_', '.')[0];
        if (fixture.Contains("_action", StringComparison.Ordinal)) return FileKind.GitHubAction;
        if (id.StartsWith("CI10", StringComparison.Ordinal)) return FileKind.GitLabCi;
        if (id.StartsWith("CI11", StringComparison.Ordinal)) return FileKind.Jenkinsfile;
        if (id.StartsWith("PC", StringComparison.Ordinal)) return FileKind.PreCommitConfig;
        return FileKind.GitHubWorkflow;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_findings_match_snapshot(string fixture)
    {
        var ruleId = fixture.Split('_', '.')[0];
        var actual = Run(ruleId, Path.Combine(FixtureDir, fixture), KindOf(fixture));
        Snapshot.Match(Path.Combine(SourceFixtureDir, Path.GetFileNameWithoutExtension(fixture) + ".expected"), actual);
    }

    [Fact]
    public void Every_ci_rule_has_a_fixture_with_findings()
    {
        var missing = new List<string>();
        foreach (var rule in RuleCatalog.All.Where(r => r.Info.Family == Family.Ci))
        {
            var snapshots = Directory.EnumerateFiles(SourceFixtureDir, rule.Info.Id + "*.expected").Select(File.ReadAllText);
            if (!snapshots.Any(t => t.Contains(" " + rule.Info.Id + " [", StringComparison.Ordinal))) missing.Add(rule.Info.Id);
        }
        Assert.True(missing.Count == 0, "CI rules without a fixture that finds something: " + string.Join(", ", missing));
    }

    /// <summary>Runs one rule over one file as the given kind and renders its findings one per line, related locations indented.</summary>
    public static string Run(string ruleId, string path, FileKind kind, ScanSettings? settings = null)
    {
        // BW004 reports files that the document rules cannot parse: some rule must read the file.
        settings ??= new ScanSettings { Select = ruleId == "BW004" ? [ruleId, "GHA007"] : [ruleId], Profile = RuleProfile.All };
        var rules = RuleSet.From(RuleCatalog.All, settings);
        Assert.True(rules.Contains(ruleId), $"rule {ruleId} is not in the catalog");
        var bytes = File.ReadAllBytes(path);
        var file = Scanner.DecodeText(new DiscoveredFile(path, Path.GetFileName(path), false, bytes.Length), bytes)!;
        var outcome = FileAnalysis.Analyze(file, rules, settings, kind: kind);
        Assert.Empty(outcome.Warnings);
        var sb = new StringBuilder();
        foreach (var f in outcome.Findings)
        {
            var l = f.Location;
            sb.Append($"{l.StartLine}:{l.StartColumn}-{l.EndLine}:{l.EndColumn} {f.Rule.Id} [{f.Severity.Name()}/{f.Confidence.Name()}] {f.Message}\n");
            foreach (var r in f.Related) sb.Append($"    related {r.Location.StartLine}:{r.Location.StartColumn} {r.Message}\n");
        }
        sb.Append($"# suppressed: nosec={outcome.SuppressedNosec} inline={outcome.SuppressedInline}\n");
        return sb.ToString();
    }
}
