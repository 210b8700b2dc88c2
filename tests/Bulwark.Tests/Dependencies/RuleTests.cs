using Bulwark.Core;
using Bulwark.Rules;
using Bulwark.Rules.Dependencies;
using static Bulwark.Tests.Dependencies.DepsTestSupport;

namespace Bulwark.Tests.Dependencies;

[Collection(CacheEnvironment.Name)]
public class DependencyRuleTests
{
    static ScanSettings WithDb() => new() { VulnDbPath = Fixture("osv") };

    [Fact]
    public void Vulnerable_pins_and_includes_are_reported_once_per_vulnerability_with_properties()
    {
        var (findings, warnings) = Run(Fixture("app"), WithDb(), new HashSet<string> { "yaml", "flask" }, new VulnerableDependencyRule());
        var requests = findings.Where(f => f.Properties["package"].Value is "requests").ToList();
        Assert.Equal(["PYSEC-2018-28", "PYSEC-2023-74"], requests.Select(f => (string)f.Properties["advisory"].Value).Order());
        var first = requests.Single(f => (string)f.Properties["advisory"].Value == "PYSEC-2018-28");
        Assert.Equal(new Location("requirements.txt", 5, 1, 5, 17), first.Location);
        Assert.Equal(Severity.High, first.Severity);
        Assert.Equal(Confidence.High, first.Confidence);
        Assert.Equal(["CVE-2018-18074", "GHSA-x84v-xcm2-53pg"], (string[])first.Properties["aliases"].Value);
        Assert.Equal(["2.20.0"], (string[])first.Properties["fixedIn"].Value);
        Assert.Equal("2.31.0", first.Properties["upgradeTo"].Value);
        Assert.Equal(false, first.Properties["importedByProject"].Value);
        Assert.Contains("upgrade to 2.31.0", first.Message);
        var jinja = findings.Single(f => f.Properties["package"].Value is "jinja2");
        Assert.Equal("base.txt", jinja.Location.Path);
        // flask>=0.12 admits 0.12.x, affected up to last_affected 0.12.2: a low-confidence range finding.
        var flask = findings.Single(f => f.Properties["package"].Value is "flask");
        Assert.Equal(Confidence.Low, flask.Confidence);
        Assert.Equal(true, flask.Properties["importedByProject"].Value);
        Assert.DoesNotContain(findings, f => f.Properties["package"].Value is "six");
        // werkzeug>=0.14 is settled by the constraints file's exact pin: no range finding for it.
        Assert.DoesNotContain(findings, f => f.Properties["package"].Value is "werkzeug");
        // flask>=0.12 (a range) and PyYAML (no version) are settled by no lockfile or constraint: one warning (an error under --strict).
        Assert.Equal(["2 requirements are neither pinned nor locked (audited by range only; --strict makes this an error)"], warnings);
    }

    [Fact]
    public void Ignored_advisories_are_matched_by_alias()
    {
        var settings = WithDb() with
        {
            RuleOptions = new Dictionary<string, IReadOnlyDictionary<string, object>>
            {
                ["DEP001"] = new Dictionary<string, object> { ["ignore-advisories"] = (IReadOnlyList<string>)["CVE-2018-18074"] },
            },
        };
        var (findings, _) = Run(Fixture("app"), settings, null, new VulnerableDependencyRule());
        Assert.DoesNotContain(findings, f => f.Properties["advisory"].Value is "PYSEC-2018-28");
        Assert.Contains(findings, f => f.Properties["advisory"].Value is "PYSEC-2023-74");
    }

    [Fact]
    public void Missing_database_gives_one_warning_and_pinning_rules_still_run()
    {
        using (new CacheEnvironment.Scope())
        {
            var (findings, warnings) = Run(Fixture("app"), new ScanSettings(), null, new VulnerableDependencyRule(), new UnpinnedDependencyRule());
            Assert.Equal(["2 requirements are neither pinned nor locked (audited by range only; --strict makes this an error)",
                          "no advisory database: run `bulwark db import` or `bulwark db update`"], warnings);
            Assert.All(findings, f => Assert.Equal("DEP002", f.Rule.Id));
            Assert.Single(findings, f => f.Properties["package"].Value is "pyyaml");
        }
    }

    [Fact]
    public void Loose_pins_respect_constraints_files()
    {
        var (findings, _) = Run(Fixture("app"), new ScanSettings(), null, new LoosePinRule());
        Assert.Equal(["flask"], findings.Select(f => (string)f.Properties["package"].Value));
        Assert.Equal(7, findings[0].Location.StartLine);
    }

    [Fact]
    public void Missing_hashes_are_reported_only_in_files_that_use_hashes()
    {
        var (findings, _) = Run(Fixture("app"), new ScanSettings(), null, new MissingHashesRule());
        Assert.Equal(["flask", "pyyaml", "six", "werkzeug"], findings.Select(f => (string)f.Properties["package"].Value).Order());
        Assert.All(findings, f => Assert.Equal("requirements.txt", f.Location.Path));
    }

    [Fact]
    public void Stale_lockfiles_are_found_by_content()
    {
        var (uv, _) = Run(Fixture("uv"), new ScanSettings(), null, new StaleLockfileRule());
        Assert.Equal(["requests", "ruff"], uv.Select(f => (string)f.Properties["package"].Value).Order());
        Assert.Contains("uv.lock locks requests 2.19.0, outside the declared >=2.31", uv.Single(f => f.Properties["package"].Value is "requests").Message);
        var (poetry, _) = Run(Fixture("poetry"), new ScanSettings(), null, new StaleLockfileRule());
        Assert.Equal(["django", "pytest"], poetry.Select(f => (string)f.Properties["package"].Value).Order());
        var (pipenv, _) = Run(Fixture("pipenv"), new ScanSettings(), null, new StaleLockfileRule());
        var flask = Assert.Single(pipenv);
        Assert.Equal(new Location("Pipfile", 8, 1, 8, 12), flask.Location);
        Assert.Contains("missing from Pipfile.lock", flask.Message);
    }

    [Fact]
    public void Summaries_skip_an_introductory_first_sentence()
    {
        var a = Bulwark.Dependencies.Advisories.OsvReader.FromJson(
            "{\"id\": \"X-1\", \"details\": \"Requests is a HTTP library. Since 2.3.0 it leaks Proxy-Authorization headers. More.\"}");
        Assert.Equal("Requests is a HTTP library. Since 2.3.0 it leaks Proxy-Authorization headers.", a.Summary);
    }

    [Fact]
    public void Lockfile_versions_are_checked_for_vulnerabilities()
    {
        var (findings, _) = Run(Fixture("pipenv"), WithDb(), null, new VulnerableDependencyRule());
        Assert.Contains(findings, f => f.Location.Path == "Pipfile.lock" && f.Location.StartLine == 9 && f.Properties["advisory"].Value is "PYSEC-2018-28");
        Assert.Contains(findings, f => f.Location.Path == "Pipfile" && f.Properties["advisory"].Value is "PYSEC-2018-28");
    }

    [Fact]
    public void Catalog_registers_the_dependency_rules_with_full_metadata()
    {
        foreach (var id in (string[])["DEP001", "DEP002", "DEP003", "DEP004", "DEP005"])
        {
            var r = RuleCatalog.Find(id);
            Assert.NotNull(r);
            Assert.Equal(Family.Dependencies, r!.Info.Family);
            Assert.NotNull(r.Info.Cwe);
            Assert.NotEmpty(r.Info.What); Assert.NotEmpty(r.Info.Why); Assert.NotEmpty(r.Info.Example); Assert.NotEmpty(r.Info.Fix);
            Assert.NotEmpty(r.Info.References);
        }
    }
}
