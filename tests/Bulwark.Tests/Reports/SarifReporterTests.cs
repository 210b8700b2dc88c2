using System.Text.Json;
using Bulwark.Core;
using Bulwark.Reports;
using static Bulwark.Tests.Reports.ReportFixtures;

namespace Bulwark.Tests.Reports;

public class SarifReporterTests
{
    /// <summary>Fetched by the test project before it builds (.ci/install-sarif-schema); never committed.</summary>
    internal static readonly Lazy<Json.Schema.JsonSchema> OfficialSchema = new(() =>
    {
        var path = Path.Combine(RepoRoot(), ".ci", "tools", "sarif", "sarif-2.1.0.json");
        if (!File.Exists(path))
            Assert.Fail($"The official SARIF 2.1.0 schema is missing at {path}. The test project fetches it before building (target InstallSarifSchema); run .ci/install-sarif-schema to see why it failed.");
        return SchemaValidation.Load(path);
    });

    static void AssertValidSarif(string sarif)
    {
        var errors = SchemaValidation.Errors(OfficialSchema.Value, sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    static JsonElement Run(JsonDocument doc) => doc.RootElement.GetProperty("runs")[0];

    [Fact]
    public void Sample_report_is_valid_against_the_official_sarif_schema() => AssertValidSarif(Render(ReportFormat.Sarif, Sample()));

    [Fact]
    public void Empty_report_is_valid_against_the_official_sarif_schema() => AssertValidSarif(Render(ReportFormat.Sarif, Empty()));

    [Theory]
    [InlineData("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\"")]
    [InlineData("\"level\": \"error\"", "\"level\": \"fatal\"")]
    [InlineData("\"startLine\": 12", "\"startLine\": 0")]
    [InlineData("\"executionSuccessful\": true", "\"executionSuccessful\": \"yes\"")]
    public void Official_schema_rejects_a_broken_sarif_document(string original, string broken)
    {
        var sarif = Render(ReportFormat.Sarif, Sample());
        Assert.Contains(original, sarif);
        Assert.NotEmpty(SchemaValidation.Errors(OfficialSchema.Value, sarif.Replace(original, broken)));
    }

    [Fact]
    public void Every_rule_that_ran_gets_a_descriptor_with_github_security_properties()
    {
        using var doc = JsonDocument.Parse(Render(ReportFormat.Sarif, Sample()));
        var driver = Run(doc).GetProperty("tool").GetProperty("driver");
        Assert.Equal("Bulwark", driver.GetProperty("name").GetString());
        Assert.Equal("0.1.0", driver.GetProperty("semanticVersion").GetString());
        var rules = driver.GetProperty("rules");
        // DEP001's sample finding is graded high, above its rule's medium: it gets its own descriptor, so GitHub shows it as high.
        Assert.Equal(["CI001", "DEP001", "B602", "PYT101", "SEC001", "DEP001/high"], rules.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("8.0", rules[5].GetProperty("properties").GetProperty("security-severity").GetString());
        Assert.Equal("error", rules[5].GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("5.5", rules[1].GetProperty("properties").GetProperty("security-severity").GetString());

        var shell = rules[2];
        Assert.Equal("subprocess-popen-with-shell-equals-true", shell.GetProperty("name").GetString());
        Assert.Equal("Flags subprocess calls that pass shell=True.", shell.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal("error", shell.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("https://docs.python.org/3/library/subprocess.html#security-considerations", shell.GetProperty("helpUri").GetString());
        Assert.Equal(RuleDocs.Markdown(ShellTrue), shell.GetProperty("help").GetProperty("markdown").GetString());
        Assert.Equal(RuleDocs.Explain(ShellTrue), shell.GetProperty("help").GetProperty("text").GetString());
        var props = shell.GetProperty("properties");
        Assert.Equal(["security", "code", "external/cwe/cwe-78", "owasp/A03:2021", "cwe-top-25"], props.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("8.0", props.GetProperty("security-severity").GetString());
        Assert.Equal("high", props.GetProperty("precision").GetString());

        Assert.Equal("9.5", rules[3].GetProperty("properties").GetProperty("security-severity").GetString());
        Assert.Equal("medium", rules[3].GetProperty("properties").GetProperty("precision").GetString());
        Assert.Equal("5.5", rules[1].GetProperty("properties").GetProperty("security-severity").GetString());
        // No reference and no CWE: no helpUri rather than a relative one the schema forbids.
        Assert.False(rules[0].TryGetProperty("helpUri", out _));
        Assert.Equal("note", rules[0].GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal(["security", "ci", "owasp/A08:2021"], rules[0].GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void Results_point_at_their_rule_and_carry_level_locations_and_fingerprints()
    {
        using var doc = JsonDocument.Parse(Render(ReportFormat.Sarif, Sample()));
        var run = Run(doc);
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var results = run.GetProperty("results");
        Assert.Equal(4, results.GetArrayLength());
        foreach (var r in results.EnumerateArray())
            Assert.Equal(r.GetProperty("ruleId").GetString(), rules[r.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());

        Assert.Equal(["error", "error", "error", "error"], results.EnumerateArray().Select(r => r.GetProperty("level").GetString()));

        var shell = results[2];
        var physical = shell.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("src/app.py", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        var region = physical.GetProperty("region");
        Assert.Equal((12, 5, 12, 38), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(),
            region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
        Assert.Equal("f-shell", shell.GetProperty("partialFingerprints").GetProperty(SarifReporter.FingerprintKey).GetString());
        Assert.Equal("subprocess call with shell=True", shell.GetProperty("message").GetProperty("text").GetString());
        var related = shell.GetProperty("relatedLocations")[0];
        Assert.Equal(1, related.GetProperty("id").GetInt32());
        Assert.Equal("cmd is assigned here", related.GetProperty("message").GetProperty("text").GetString());

        // A whole-file location has no region.
        var dep = results[1].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("requirements.txt", dep.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.False(dep.TryGetProperty("region", out _));
    }

    [Fact]
    public void Taint_flow_becomes_one_thread_flow_with_a_message_per_step()
    {
        using var doc = JsonDocument.Parse(Render(ReportFormat.Sarif, Sample()));
        var sql = Run(doc).GetProperty("results")[3];
        var steps = sql.GetProperty("codeFlows")[0].GetProperty("threadFlows")[0].GetProperty("locations");
        Assert.Equal(["source: request.args", "assigned to ident", "sink: cursor.execute"],
            steps.EnumerateArray().Select(s => s.GetProperty("location").GetProperty("message").GetProperty("text").GetString()));
        Assert.Equal(17, steps[0].GetProperty("location").GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.False(Run(doc).GetProperty("results")[2].TryGetProperty("codeFlows", out _));
    }

    [Fact]
    public void Non_ascii_paths_are_percent_encoded_uris_and_the_root_is_a_file_uri()
    {
        using var doc = JsonDocument.Parse(Render(ReportFormat.Sarif, Sample()));
        var run = Run(doc);
        Assert.Equal("file:///home/dev/proj%C3%A9t/", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
        Assert.Equal("src/vues/caf%C3%A9.py", run.GetProperty("results")[3].GetProperty("locations")[0]
            .GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("requête SQL construite à partir de request.args", run.GetProperty("results")[3].GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void Result_properties_copy_finding_properties_and_add_severity_and_confidence()
    {
        using var doc = JsonDocument.Parse(Render(ReportFormat.Sarif, Sample()));
        var results = Run(doc).GetProperty("results");
        var dep = results[1].GetProperty("properties");
        Assert.Equal(7.5, dep.GetProperty("cvss").GetDouble());
        Assert.Equal("requests", dep.GetProperty("package").GetString());
        Assert.Equal("high", dep.GetProperty("severity").GetString());
        Assert.Equal("high", dep.GetProperty("confidence").GetString());
        Assert.True(results[0].GetProperty("properties").GetProperty("sensitive").GetBoolean());
    }

    [Fact]
    public void Warnings_become_tool_execution_notifications()
    {
        using var doc = JsonDocument.Parse(Render(ReportFormat.Sarif, Sample()));
        var invocation = Run(doc).GetProperty("invocations")[0];
        Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
        var note = invocation.GetProperty("toolExecutionNotifications")[0];
        Assert.Equal("warning", note.GetProperty("level").GetString());
        Assert.StartsWith("advisory database is 40 days old", note.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void A_finding_whose_rule_was_not_listed_still_gets_a_descriptor()
    {
        var result = Empty() with
        {
            Rules = [],
            Findings = [new Finding { Rule = AwsKey, Message = "m", Location = new Location("a.py", 1, 1, 1, 5), Severity = Severity.Critical, Confidence = Confidence.High }],
        };
        var sarif = Render(ReportFormat.Sarif, result);
        AssertValidSarif(sarif);
        using var doc = JsonDocument.Parse(sarif);
        Assert.Equal("SEC001", Run(doc).GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("id").GetString());
        Assert.Equal(0, Run(doc).GetProperty("results")[0].GetProperty("ruleIndex").GetInt32());
    }

    [Fact]
    public void Information_uri_is_written_only_when_configured()
    {
        Assert.DoesNotContain("informationUri", Render(ReportFormat.Sarif, Empty()));
        var sarif = Render(ReportFormat.Sarif, Empty(), new ReportOptions { InformationUri = "https://example.org/bulwark" });
        AssertValidSarif(sarif);
        Assert.Contains("\"informationUri\": \"https://example.org/bulwark\"", sarif);
    }

    [Theory]
    [InlineData(Severity.Critical, "error", "9.5")]
    [InlineData(Severity.High, "error", "8.0")]
    [InlineData(Severity.Medium, "warning", "5.5")]
    [InlineData(Severity.Low, "note", "3.0")]
    public void Severity_maps_to_level_and_github_security_severity_band(Severity severity, string level, string score)
    {
        Assert.Equal(level, SarifReporter.Level(severity));
        Assert.Equal(score, SarifReporter.SecuritySeverity(severity));
    }
}
