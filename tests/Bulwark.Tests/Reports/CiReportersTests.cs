using System.Text.Json;
using System.Xml.Linq;
using Bulwark.Reports;
using static Bulwark.Tests.Reports.ReportFixtures;

namespace Bulwark.Tests.Reports;

/// <summary>The CI formats: GitHub workflow annotations, Markdown, JUnit XML, GitLab Code Quality and SAST.</summary>
public class CiReportersTests
{
    [Fact]
    public void Github_annotations_one_command_per_finding_with_escaped_properties()
    {
        var lines = Render(ReportFormat.GitHub, Sample()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Sample().Findings.Count + 1, lines.Length);
        Assert.Contains("::error file=src/app.py,line=12,endLine=12,col=5,endColumn=38,title=B602 subprocess-popen-with-shell-equals-true [high/high]::subprocess call with shell=True", lines);
        Assert.Contains(lines, l => l.StartsWith("::error file=requirements.txt,title=DEP001", StringComparison.Ordinal));
        Assert.StartsWith("::notice title=Bulwark::Bulwark: 4 findings", lines[^1]);
        Assert.Equal("a%25b%0Ac", GitHubAnnotationsReporter.Data("a%b\nc"));
        Assert.Equal("x%3Ay%2Cz", GitHubAnnotationsReporter.Property("x:y,z"));
        Assert.Equal("notice", GitHubAnnotationsReporter.Command(Bulwark.Core.Severity.Low));
    }

    [Fact]
    public void Markdown_summarises_and_tabulates_with_cells_escaped()
    {
        var md = Render(ReportFormat.Markdown, Sample());
        Assert.Contains("**4 findings** in 42 scanned files: 2 critical, 2 high, 0 medium, 0 low.", md);
        Assert.Contains("| high | `B602` subprocess-popen-with-shell-equals-true | `src/app.py:12:5` | subprocess call with shell=True |", md);
        Assert.Equal("a \\| b &lt;script&gt; c", MarkdownReporter.Cell("a | b <script>\nc"));
        Assert.Contains("No findings in 1 file.", Render(ReportFormat.Markdown, Empty()));
    }

    [Fact]
    public void Junit_has_a_failed_case_per_finding_and_a_passing_case_when_clean()
    {
        var doc = XDocument.Parse(Render(ReportFormat.JUnit, Sample()));
        var root = doc.Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal("4", root.Attribute("failures")!.Value);
        var cases = root.Descendants("testcase").ToList();
        Assert.Equal(4, cases.Count);
        Assert.All(cases, c => Assert.NotNull(c.Element("failure")));
        Assert.Contains(cases, c => c.Attribute("classname")!.Value == "src/vues/café.py" && c.Element("failure")!.Attribute("type")!.Value == "PYT101");
        // Sensitive snippets are the masked ones.
        Assert.Contains("AKIA************MPLE", doc.ToString());

        var clean = XDocument.Parse(Render(ReportFormat.JUnit, Empty())).Root!;
        Assert.Equal("0", clean.Attribute("failures")!.Value);
        Assert.Single(clean.Descendants("testcase"));
        Assert.Empty(clean.Descendants("failure"));
    }

    [Fact]
    public void Gitlab_code_quality_issues_have_the_fields_gitlab_reads()
    {
        using var doc = JsonDocument.Parse(Render(ReportFormat.GitLab, Sample()));
        var issues = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(4, issues.Count);
        string[] severities = ["info", "minor", "major", "critical", "blocker"];
        foreach (var i in issues)
        {
            Assert.False(string.IsNullOrEmpty(i.GetProperty("description").GetString()));
            Assert.False(string.IsNullOrEmpty(i.GetProperty("check_name").GetString()));
            Assert.Contains(i.GetProperty("severity").GetString(), severities);
            Assert.True(i.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32() >= 1);
        }
        Assert.Equal(4, issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count());
        Assert.Equal("blocker", issues[0].GetProperty("severity").GetString());
        Assert.Equal("config/settings.py", issues[0].GetProperty("location").GetProperty("path").GetString());
        Assert.Equal("[]", Render(ReportFormat.GitLab, Empty()).Trim());
    }

    [Fact]
    public void Gitlab_sast_report_has_scan_and_vulnerabilities_as_schema_15_requires()
    {
        using var doc = JsonDocument.Parse(Render(ReportFormat.GitLabSast, Sample()));
        var root = doc.RootElement;
        Assert.Matches(@"^15\.\d+\.\d+$", root.GetProperty("version").GetString());
        var scan = root.GetProperty("scan");
        foreach (var tool in new[] { "analyzer", "scanner" })
            foreach (var field in new[] { "id", "name", "version" })
                Assert.False(string.IsNullOrEmpty(scan.GetProperty(tool).GetProperty(field).GetString()));
        Assert.Equal("sast", scan.GetProperty("type").GetString());
        Assert.Equal("success", scan.GetProperty("status").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$", scan.GetProperty("start_time").GetString());
        var vulns = root.GetProperty("vulnerabilities").EnumerateArray().ToList();
        Assert.Equal(4, vulns.Count);
        Assert.Equal(4, vulns.Select(v => v.GetProperty("id").GetString()).Distinct().Count());
        foreach (var v in vulns)
        {
            Assert.Contains(v.GetProperty("severity").GetString(), new[] { "Info", "Unknown", "Low", "Medium", "High", "Critical" });
            Assert.NotEqual(0, v.GetProperty("identifiers").GetArrayLength());
            Assert.False(string.IsNullOrEmpty(v.GetProperty("location").GetProperty("file").GetString()));
        }
        var shell = vulns.Single(v => v.GetProperty("name").GetString() == "subprocess-popen-with-shell-equals-true");
        Assert.Equal(12, shell.GetProperty("location").GetProperty("start_line").GetInt32());
        Assert.Contains(shell.GetProperty("identifiers").EnumerateArray(), i => i.GetProperty("type").GetString() == "cwe" && i.GetProperty("value").GetString() == "78");
    }

    [Theory]
    [InlineData("github")]
    [InlineData("markdown")]
    [InlineData("junit")]
    [InlineData("gitlab")]
    [InlineData("gitlab-sast")]
    public void Every_ci_format_is_selectable_by_name(string name)
    {
        Assert.True(Reporters.TryParse(name, out var format));
        Assert.Equal(name, format.Name());
    }
}
