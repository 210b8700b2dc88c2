using System.Text.Json;
using System.Text.RegularExpressions;
using Bulwark.Core;
using Bulwark.Reports;
using Bulwark.Rules;
using static Bulwark.Tests.Reports.ReportFixtures;

namespace Bulwark.Tests.Reports;

/// <summary>The compliance mapping in the text report, in `bulwark explain` and on the generated rule pages.</summary>
public class ComplianceTextTests
{
    [Fact]
    public void Text_report_compliance_lines_agree_with_the_json_matrix()
    {
        var result = Sample();
        var text = Render(ReportFormat.Text, result);
        using var json = JsonDocument.Parse(Render(ReportFormat.Json, result));
        var areas = json.RootElement.GetProperty("compliance").EnumerateArray().ToList();
        Assert.Contains("Compliance (areas with findings / checked / in all;", text);
        var titles = new Dictionary<string, string>
        {
            ["principles"] = "Principles", ["owasp"] = "OWASP Top 10 2021", ["cwe-top25"] = "CWE Top 25 2024", ["gdpr"] = "GDPR",
            ["hipaa"] = "HIPAA", ["ccpa"] = "CCPA", ["pci"] = "PCI DSS 4.0 req. 6",
        };
        foreach (var (framework, title) in titles)
        {
            var mine = areas.Where(a => a.GetProperty("framework").GetString() == framework).ToList();
            int withFindings = mine.Count(a => a.GetProperty("findings").GetInt32() > 0);
            int checkedAreas = mine.Count(a => a.GetProperty("checked").GetBoolean());
            var line = text.Split('\n').Single(l => l.StartsWith("  " + title + " ", StringComparison.Ordinal));
            var m = Regex.Match(line, @"^  .+? {1,}(\d+) / (\d+) / (\d+)");
            Assert.True(m.Success, line);
            Assert.Equal(withFindings, int.Parse(m.Groups[1].Value));
            Assert.Equal(checkedAreas, int.Parse(m.Groups[2].Value));
            Assert.Equal(mine.Count, int.Parse(m.Groups[3].Value));
            foreach (var a in mine.Where(a => a.GetProperty("findings").GetInt32() > 0))
            {
                var cite = framework is "principles" or "owasp" or "cwe-top25" ? a.GetProperty("key").GetString()! : a.GetProperty("label").GetString()!;
                Assert.Contains(cite, line);
            }
        }
    }

    [Fact]
    public void Text_report_of_a_scan_without_findings_shows_what_was_checked_clean()
    {
        var text = Render(ReportFormat.Text, Empty());
        Assert.Contains("No findings.", text);
        Assert.Matches(@"\n  Principles +0 / \d+ / 7\n", text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Explain_lists_the_rules_declared_mapping()
    {
        var b602 = RuleCatalog.Find("B602")!.Info;
        var page = RuleDocs.Explain(b602);
        var section = page[page.IndexOf("\nCompliance (", StringComparison.Ordinal)..page.IndexOf("\nReferences", StringComparison.Ordinal)];
        Assert.Contains("confidentiality, integrity, availability", section);
        Assert.Contains("A03:2021 Injection", section);
        Assert.Contains("#7 CWE-78 OS command injection", section);
        foreach (var c in b602.Compliance.Controls) Assert.Contains(c.Label, section);
    }

    [Fact]
    public void Every_rule_page_has_a_compliance_table_matching_its_metadata()
    {
        foreach (var rule in RuleCatalog.All)
        {
            var r = rule.Info;
            var md = RuleDocs.Markdown(r);
            Assert.Contains("\n## Compliance\n", md);
            if (r.Compliance.Owasp is { } o) Assert.Contains($"| {o.Code()} {o.Title()} |", md);
            foreach (var c in r.Compliance.Controls) Assert.Contains(c.Label + " " + c.Title, md);
            if (CweTop25.Rank(r.Cwe) is { } rank) Assert.Contains($"#{rank} CWE-{r.Cwe}", md);
        }
    }
}
