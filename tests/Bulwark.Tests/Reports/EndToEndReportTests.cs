using System.Text.Json;
using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Python;
using Bulwark.Reports;
using Bulwark.Rules;
using static Bulwark.Tests.Reports.ReportFixtures;

namespace Bulwark.Tests.Reports;

/// <summary>Real findings from the per-file pipeline, through every reporter.</summary>
public class EndToEndReportTests
{
    static readonly string FixtureDir = Path.Combine(AppContext.BaseDirectory, "Rules", "Fixtures");

    /// <summary>Runs every catalog rule over the rule fixtures, like a scan of that folder would.</summary>
    static (ScanResult Result, Dictionary<string, SourceText> Sources) ScanFixtures() =>
        Scan(Directory.EnumerateFiles(FixtureDir, "*.py").Order(StringComparer.Ordinal).ToList(), FixtureDir);

    static (ScanResult Result, Dictionary<string, SourceText> Sources) Scan(List<string> files, string root)
    {
        var settings = new ScanSettings { Profile = RuleProfile.All };
        var rules = RuleSet.From(RuleCatalog.All, settings);
        var findings = new List<Finding>();
        var sources = new Dictionary<string, SourceText>();
        int nosec = 0, inline = 0;
        foreach (var path in files)
        {
            var decoded = SourceDecoder.Decode(File.ReadAllBytes(path));
            Assert.True(decoded.Ok, decoded.Error);
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            var text = new SourceText(decoded.Text!);
            sources[relative] = text;
            var outcome = FileAnalysis.Analyze(new SourceFile(path, relative, text, true), rules, settings);
            findings.AddRange(outcome.Findings);
            nosec += outcome.SuppressedNosec;
            inline += outcome.SuppressedInline;
        }
        var result = new ScanResult
        {
            Root = root,
            Findings = findings,
            Rules = rules.Rules.Select(r => r.Info).ToList(),
            FilesScanned = sources.Count,
            Suppressed = new SuppressionCounts(nosec, inline, 0, 0),
        };
        return (result, sources);
    }

    [Fact]
    public void Real_findings_produce_schema_valid_json_and_sarif()
    {
        var (result, _) = ScanFixtures();
        Assert.NotEmpty(result.Findings);
        var json = Render(ReportFormat.Json, result);
        var jsonErrors = SchemaValidation.Errors(SchemaValidation.Load(Path.Combine(RepoRoot(), "docs", "schemas", "bulwark-report-v1.schema.json")), json);
        Assert.True(jsonErrors.Count == 0, string.Join("\n", jsonErrors));
        var sarifErrors = SchemaValidation.Errors(SarifReporterTests.OfficialSchema.Value, Render(ReportFormat.Sarif, result));
        Assert.True(sarifErrors.Count == 0, string.Join("\n", sarifErrors));
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(result.Findings.Count, doc.RootElement.GetProperty("summary").GetProperty("findings").GetInt32());
    }

    [Fact]
    public void No_report_format_prints_a_secret_that_the_scanner_flagged_as_sensitive()
    {
        // Secrets that occur nowhere else in the file, so any occurrence in a report is a leak.
        using var tmp = new Bulwark.Tests.Support.TempDir();
        var file = tmp.Write("app/settings.py",
            "import subprocess\n" +
            "password = \"Zq8vR2kLp9Xw\"\n" +
            "DB_PASSWD: str = \"Mn4Tb7Hc1Yq\"\n" +
            "if passphrase == \"Jf6Wd3Ks8Pz\":\n" +
            "    subprocess.run(cmd, shell=True)\n");
        var (result, sources) = Scan([file], tmp.Path);
        var secrets = new List<string>();
        foreach (var f in result.Findings)
        {
            if (!f.Sensitive || f.Location.IsWholeFile || f.Location.StartLine != f.Location.EndLine) continue;
            var line = sources[f.Location.Path].LineText(f.Location.StartLine);
            var span = line[(f.Location.StartColumn - 1)..Math.Min(line.Length, f.Location.EndColumn - 1)].Trim('"', '\'');
            if (span.Length >= 6) secrets.Add(span);
        }
        // Other secret detectors may flag the same strings too; these three must be among them.
        foreach (var planted in new[] { "Zq8vR2kLp9Xw", "Mn4Tb7Hc1Yq", "Jf6Wd3Ks8Pz" })
            Assert.Contains(secrets, s => s.Contains(planted, StringComparison.Ordinal));
        foreach (var format in Reporters.All)
        {
            var report = Render(format, result);
            foreach (var secret in secrets)
                Assert.False(report.Contains(secret, StringComparison.Ordinal), $"{format.Name()} report prints the secret '{secret[..2]}…'");
        }
    }
}
