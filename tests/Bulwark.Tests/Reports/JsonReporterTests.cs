using System.Text.Json;
using System.Text.RegularExpressions;
using Bulwark.Core;
using Bulwark.Reports;
using static Bulwark.Tests.Reports.ReportFixtures;

namespace Bulwark.Tests.Reports;

public class JsonReporterTests
{
    static readonly Lazy<Json.Schema.JsonSchema> Schema = new(() =>
        SchemaValidation.Load(Path.Combine(RepoRoot(), "docs", "schemas", "bulwark-report-v1.schema.json")));

    [Fact]
    public void Sample_report_is_valid_against_the_published_schema()
    {
        var errors = SchemaValidation.Errors(Schema.Value, Render(ReportFormat.Json, Sample()));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Empty_report_is_valid_against_the_published_schema()
    {
        var errors = SchemaValidation.Errors(Schema.Value, Render(ReportFormat.Json, Empty()));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("\"severity\": \"high\"", "\"severity\": \"severe\"")]
    [InlineData("\"schemaVersion\": 1", "\"schemaVersion\": 2")]
    [InlineData("\"startLine\": 12", "\"startLine\": \"12\"")]
    [InlineData("\"fingerprint\": \"f-shell\",", "\"fingerprint\": \"f-shell\", \"unexpected\": 1,")]
    public void Schema_rejects_a_report_that_breaks_the_contract(string original, string broken)
    {
        var json = Render(ReportFormat.Json, Sample());
        Assert.Contains(original, json);
        var errors = SchemaValidation.Errors(Schema.Value, json.Replace(original, broken));
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Summary_counts_findings_by_severity_family_and_suppression()
    {
        using var doc = JsonDocument.Parse(Render(ReportFormat.Json, Sample()));
        var summary = doc.RootElement.GetProperty("summary");
        Assert.Equal(4, summary.GetProperty("findings").GetInt32());
        Assert.Equal(2, summary.GetProperty("bySeverity").GetProperty("critical").GetInt32());
        Assert.Equal(2, summary.GetProperty("bySeverity").GetProperty("high").GetInt32());
        Assert.Equal(0, summary.GetProperty("bySeverity").GetProperty("low").GetInt32());
        Assert.Equal(1, summary.GetProperty("byFamily").GetProperty("injection").GetInt32());
        Assert.Equal(0, summary.GetProperty("byFamily").GetProperty("ci").GetInt32());
        Assert.Equal(42, summary.GetProperty("filesScanned").GetInt32());
        Assert.Equal(2, summary.GetProperty("filesSkipped").GetInt32());
        Assert.Equal(3, summary.GetProperty("suppressed").GetProperty("baseline").GetInt32());
        Assert.Equal(10, summary.GetProperty("suppressed").GetProperty("total").GetInt32());
        // The elapsed time is left out unless asked for (--timing), so reports are byte-identical.
        Assert.False(summary.TryGetProperty("elapsedMs", out _));
        Assert.Equal("0.1.0", doc.RootElement.GetProperty("tool").GetProperty("version").GetString());
        Assert.Equal("/home/dev/projét", doc.RootElement.GetProperty("root").GetString());
    }

    [Fact]
    public void Findings_keep_their_order_locations_steps_and_typed_properties()
    {
        using var doc = JsonDocument.Parse(Render(ReportFormat.Json, Sample()));
        var findings = doc.RootElement.GetProperty("findings");
        Assert.Equal(["SEC001", "DEP001", "B602", "PYT101"], findings.EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()));

        var dep = findings[1];
        Assert.Equal("high", dep.GetProperty("severity").GetString()); // per-finding grade, not the rule's medium
        Assert.Equal(JsonValueKind.Null, dep.GetProperty("snippet").ValueKind);
        Assert.Equal(0, dep.GetProperty("location").GetProperty("startLine").GetInt32());
        var props = dep.GetProperty("properties");
        Assert.Equal(7.5, props.GetProperty("cvss").GetDouble());
        Assert.Equal(2, props.GetProperty("count").GetInt64());
        Assert.True(props.GetProperty("direct").GetBoolean());
        Assert.Equal(["GHSA-x84v-xcm2-53pg", "PYSEC-2018-28"], props.GetProperty("advisories").EnumerateArray().Select(e => e.GetString()));
        // Keys come out sorted so the output does not depend on dictionary order.
        Assert.Equal(["advisories", "count", "cvss", "direct", "installed", "package"], props.EnumerateObject().Select(p => p.Name));

        var sql = findings[3];
        Assert.Equal("src/vues/café.py", sql.GetProperty("location").GetProperty("path").GetString());
        Assert.Equal(22, sql.GetProperty("location").GetProperty("endLine").GetInt32());
        Assert.Equal(89, sql.GetProperty("cwe").GetInt32());
        Assert.Equal(["source: request.args", "assigned to ident", "sink: cursor.execute"],
            sql.GetProperty("flow").EnumerateArray().Select(s => s.GetProperty("message").GetString()));
        Assert.Equal("cmd is assigned here", findings[2].GetProperty("related")[0].GetProperty("message").GetString());
        Assert.True(findings[0].GetProperty("sensitive").GetBoolean());
        Assert.False(findings[2].GetProperty("sensitive").GetBoolean());
    }

    [Fact]
    public void Rules_that_ran_are_listed_in_the_order_given()
    {
        using var doc = JsonDocument.Parse(Render(ReportFormat.Json, Sample()));
        Assert.Equal(["CI001", "DEP001", "B602", "PYT101", "SEC001"],
            doc.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        var shell = doc.RootElement.GetProperty("rules")[2];
        Assert.Equal("stringList", shell.GetProperty("options")[0].GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Array, shell.GetProperty("options")[0].GetProperty("default").ValueKind);
        Assert.False(shell.GetProperty("options")[1].GetProperty("default").GetBoolean());
        Assert.Equal("docs/rules/B602.md", shell.GetProperty("docs").GetString());
    }

    [Fact]
    public void Output_is_deterministic_and_keeps_non_ascii_text_readable()
    {
        var first = Render(ReportFormat.Json, Sample());
        Assert.Equal(first, Render(ReportFormat.Json, Sample()));
        Assert.Contains("\"src/vues/café.py\"", first);
        Assert.Contains("requête", first);
        Assert.DoesNotContain("\r", first);
    }

    [Fact]
    public void Windows_separators_in_paths_become_slashes()
    {
        var result = Empty() with
        {
            Findings = [new Finding { Rule = ShellTrue, Message = "m", Location = new Location(@"pkg\mod.py", 1, 1, 1, 2), Severity = Severity.High, Confidence = Confidence.High }],
        };
        Assert.Contains("\"path\": \"pkg/mod.py\"", Render(ReportFormat.Json, result));
    }

    [Fact]
    public void Json_report_documentation_describes_every_schema_property()
    {
        var root = RepoRoot();
        var doc = File.ReadAllText(Path.Combine(root, "docs", "json-report.md"));
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "docs", "schemas", "bulwark-report-v1.schema.json")));
        var missing = new List<string>();
        foreach (var name in PropertyNames(schema.RootElement))
            if (!Regex.IsMatch(doc, "`" + Regex.Escape(name) + "`")) missing.Add(name);
        Assert.True(missing.Count == 0, "docs/json-report.md does not mention: " + string.Join(", ", missing));
    }

    static IEnumerable<string> PropertyNames(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object) yield break;
        foreach (var p in schema.EnumerateObject())
        {
            if (p.Name == "properties" && p.Value.ValueKind == JsonValueKind.Object)
                foreach (var prop in p.Value.EnumerateObject())
                {
                    yield return prop.Name;
                    foreach (var nested in PropertyNames(prop.Value)) yield return nested;
                }
            else if (p.Value.ValueKind == JsonValueKind.Object)
                foreach (var nested in PropertyNames(p.Value)) yield return nested;
        }
    }
}
