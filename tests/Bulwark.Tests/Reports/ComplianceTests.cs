using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Reports;
using Bulwark.Rules;
using static Bulwark.Tests.Reports.ReportFixtures;

namespace Bulwark.Tests.Reports;

public class ComplianceTests
{
    [Fact]
    public void Every_rule_declares_at_least_one_principle_and_one_control()
    {
        var missing = new List<string>();
        foreach (var rule in RuleCatalog.All)
        {
            var c = rule.Info.Compliance;
            if (c.Principles == SecurityPrinciple.None || c.Controls.Count == 0) missing.Add(rule.Info.Id);
        }
        Assert.True(missing.Count == 0, "rules without a compliance mapping (set `Compliance = Compliance.<preset>` in their RuleInfo): " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_declared_control_is_in_the_catalogue()
    {
        foreach (var rule in RuleCatalog.All)
            foreach (var c in rule.Info.Compliance.Controls)
                Assert.Contains(c, ComplianceControls.All);
        Assert.Equal(ComplianceControls.All.Count, ComplianceControls.All.Select(c => c.Key).Distinct().Count());
    }

    [Fact]
    public void Cwe_top_25_is_twenty_five_distinct_entries_and_ranks_by_position()
    {
        Assert.Equal(25, CweTop25.Entries.Select(e => e.Cwe).Distinct().Count());
        Assert.Equal(1, CweTop25.Rank(79));
        Assert.Equal(3, CweTop25.Rank(89));
        Assert.Null(CweTop25.Rank(327));
        Assert.Null(CweTop25.Rank(null));
    }

    static RuleInfo Rule(string id, Compliance compliance, int? cwe = null) =>
        new(id, id.ToLowerInvariant(), Family.Code, Severity.High, Confidence.High, cwe, "w", "w", "", "f", []) { Compliance = compliance };

    static Finding Hit(RuleInfo r) => new() { Rule = r, Severity = r.Severity, Confidence = r.Confidence, Message = "m", Location = new Location("a.py", 1, 1, 1, 2) };

    [Fact]
    public void An_area_is_checked_exactly_when_a_rule_mapped_to_it_ran_and_lists_what_fired()
    {
        var sql = Rule("X1", Compliance.Injection, 89);
        var md5 = Rule("X2", Compliance.WeakCryptography, 327);
        var result = Empty() with { Rules = [sql, md5], Findings = [Hit(sql), Hit(sql)] };
        var areas = ComplianceMatrix.Build(result);
        ComplianceArea Area(string key) => areas.Single(a => a.Key == key);

        Assert.Equal("findings", Area("A03:2021").Status);
        Assert.Equal(2, Area("A03:2021").Findings.Count);
        Assert.Equal(["X1"], ComplianceMatrix.FiringRules(Area("A03:2021")));
        Assert.Equal("clean", Area("A02:2021").Status); // md5 rule ran, found nothing
        Assert.Equal("not-checked", Area("A06:2021").Status);
        Assert.Equal("findings", Area("CWE-89").Status);
        Assert.Equal("not-checked", Area("CWE-79").Status);
        Assert.Equal("findings", Area("integrity").Status);
        Assert.Equal("not-checked", Area("non-repudiation").Status);
        Assert.Equal("findings", Area("pci-6.2.4").Status);
        Assert.Equal("clean", Area("gdpr-32-1-a").Status);
        Assert.Equal("not-checked", Area("pci-6.3.3").Status);

        // The same finding, but its rule did not run: nothing is checked.
        var none = ComplianceMatrix.Build(Empty() with { Rules = [] });
        Assert.All(none, a => Assert.Equal("not-checked", a.Status));
    }

    [Fact]
    public void One_framework_can_be_selected_and_rendered_as_text_markdown_and_json()
    {
        var areas = ComplianceMatrix.Build(Sample(), ComplianceFramework.Gdpr);
        Assert.All(areas, a => Assert.Equal(ComplianceFramework.Gdpr, a.Framework));
        Assert.Equal(6, areas.Count);
        var md = ComplianceMatrix.Render(areas, markdown: true);
        Assert.Contains("## GDPR Art. 25 and 32", md);
        Assert.Contains("| Art. 32(1)(b) |", md);
        var text = ComplianceMatrix.Render(areas, markdown: false);
        Assert.Contains("Art. 32(1)(b)", text);
        Assert.Contains("FINDINGS", text);
        var sw = new StringWriter();
        ComplianceMatrix.WriteJsonDocument(sw, areas);
        using var doc = System.Text.Json.JsonDocument.Parse(sw.ToString());
        Assert.Equal(6, doc.RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("gdpr", ComplianceFramework.Gdpr)]
    [InlineData("HIPAA", ComplianceFramework.Hipaa)]
    [InlineData("pci-dss", ComplianceFramework.Pci)]
    [InlineData("cwe-top25", ComplianceFramework.CweTop25)]
    public void Framework_names_parse(string name, ComplianceFramework expected)
    {
        Assert.True(ComplianceNames.TryParseFramework(name, out var f));
        Assert.Equal(expected, f);
    }

    [Fact]
    public void Insecure_app_maps_injection_and_debug_findings_to_checked_areas()
    {
        // The complaint: "Input handling … not checked" while injection fired, "Secure configuration … not checked" while debug=True fired.
        var result = new Scanner(new ScanSettings { Jobs = 1 }).Scan(new ScanRequest([Path.Combine(RepoRoot(), "samples", "insecure-app")]));
        var areas = ComplianceMatrix.Build(result);
        Assert.Contains(result.Findings, f => f.Rule.Id == "B201");
        Assert.Equal("findings", areas.Single(a => a.Key == "A05:2021").Status);
        Assert.Contains("B201", ComplianceMatrix.FiringRules(areas.Single(a => a.Key == "A05:2021")));
        Assert.Equal("findings", areas.Single(a => a.Key == "A03:2021").Status);
        Assert.All(areas.Where(a => a.Framework == ComplianceFramework.Principles && a.Findings.Count > 0), a => Assert.True(a.Checked));
    }
}
