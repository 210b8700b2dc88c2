using System.Text;
using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Python;
using Bulwark.Rules;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Rules;

/// <summary>
/// Snapshot tests: each `Fixtures/ID.py` (and `Fixtures/ID_variant.py`) runs rule ID alone, through the real per-file
/// pipeline including suppressions, and its findings must equal `Fixtures/ID[_variant].expected`.
/// Set BULWARK_UPDATE_SNAPSHOTS=1 to (re)write the expected files, then review the diff.
/// </summary>
public class RuleFixtureTests
{
    static string FixtureDir => Path.Combine(AppContext.BaseDirectory, "Rules", "Fixtures");
    static string SourceFixtureDir => Path.Combine(RepoPaths.TestSource, "Rules", "Fixtures");

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(FixtureDir, "*.py").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_findings_match_snapshot(string fixture)
    {
        var ruleId = fixture.Split('_')[0];
        var actual = Run(ruleId, Path.Combine(FixtureDir, fixture + ".py"));
        Snapshot.Match(Path.Combine(SourceFixtureDir, fixture + ".expected"), actual);
    }

    [Fact]
    public void Every_code_rule_has_a_fixture_with_findings()
    {
        var missing = new List<string>();
        foreach (var rule in RuleCatalog.All.Where(r => r is CodeRule or TaintRule or Bulwark.Rules.Configuration.FlaskConfigRule))
        {
            var expected = Path.Combine(FixtureDir, rule.Info.Id + ".expected");
            if (!File.Exists(expected) || !File.ReadAllText(expected).Contains(rule.Info.Id)) missing.Add(rule.Info.Id);
        }
        Assert.True(missing.Count == 0, "rules without a fixture that finds something: " + string.Join(", ", missing));
    }

    /// <summary>Runs one rule over one file and renders its findings one per line (an injection rule's with its flow).</summary>
    public static string Run(string ruleId, string path, ScanSettings? settings = null)
    {
        settings ??= new ScanSettings { Select = [ruleId], Profile = RuleProfile.All };
        var rules = RuleSet.From(RuleCatalog.All, settings);
        Assert.True(rules.Contains(ruleId), $"rule {ruleId} is not in the catalog");
        if (rules.TaintRules.Any(r => r.Info.Id == ruleId) || rules.ProjectRules.Any(r => r.Info.Id == ruleId))
            return RunAsProject(path, settings with { Jobs = 1 });
        var decoded = SourceDecoder.Decode(File.ReadAllBytes(path));
        Assert.True(decoded.Ok, decoded.Error);
        var file = new SourceFile(path, Path.GetFileName(path), new SourceText(decoded.Text!), path.EndsWith(".py"));
        var outcome = FileAnalysis.Analyze(file, rules, settings);
        Assert.Empty(outcome.Warnings);
        var sb = new StringBuilder();
        foreach (var f in outcome.Findings)
            sb.Append($"{f.Location.StartLine}:{f.Location.StartColumn} {f.Rule.Id} [{f.Severity.Name()}/{f.Confidence.Name()}] {f.Message}\n");
        sb.Append($"# suppressed: nosec={outcome.SuppressedNosec} inline={outcome.SuppressedInline}\n");
        return sb.ToString();
    }

    /// <summary>An injection or project rule needs the project phase: the file is scanned as a one-file project, each finding printed with its flow.</summary>
    static string RunAsProject(string path, ScanSettings settings)
    {
        var result = new Scanner(settings).Scan(new ScanRequest([path]));
        Assert.Empty(result.Warnings);
        var sb = new StringBuilder();
        foreach (var f in result.Findings)
        {
            sb.Append($"{f.Location.StartLine}:{f.Location.StartColumn} {f.Rule.Id} [{f.Severity.Name()}/{f.Confidence.Name()}] {f.Message}\n");
            foreach (var step in f.Flow) sb.Append($"    {step.Location.StartLine}:{step.Location.StartColumn} {step.Message}\n");
        }
        sb.Append($"# suppressed: nosec={result.Suppressed.Nosec} inline={result.Suppressed.Inline}\n");
        return sb.ToString();
    }
}
