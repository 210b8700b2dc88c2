using System.Text.Json;
using Bulwark.Cli;
using static Bulwark.Tests.Dependencies.DepsTestSupport;

namespace Bulwark.Tests.Dependencies;

[Collection(CacheEnvironment.Name)]
public class DependencyCliTests
{
    static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    static string CopyFixture(string name)
    {
        var dir = Directory.CreateTempSubdirectory("bulwark-deps-").FullName;
        foreach (var f in Directory.EnumerateFiles(Fixture(name))) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        return dir;
    }

    [Fact]
    public void Db_import_then_info_describes_the_store()
    {
        using var cache = new CacheEnvironment.Scope();
        var (code, output, _) = Cli("db", "import", Fixture("osv"));
        Assert.Equal(0, code);
        Assert.Contains("imported 7 records (0 skipped)", output);
        Assert.True(File.Exists(Path.Combine(cache.Directory, "advisories.bwdb")));
        var info = Cli("db", "info");
        Assert.Equal(0, info.Code);
        Assert.Contains("records:   7 (1 withdrawn) for 5 packages", info.Out);
        Assert.Contains("newest:    2024-01-02", info.Out);
    }

    [Fact]
    public void Db_import_output_writes_a_pinned_store_usable_with_vuln_db()
    {
        using var cache = new CacheEnvironment.Scope();
        var file = Path.Combine(cache.Directory, "pinned", "advisories-2024.bwdb");
        Assert.Equal(0, Cli("db", "import", Fixture("osv"), "-o", file).Code);
        Assert.False(File.Exists(Path.Combine(cache.Directory, "advisories.bwdb")));
        var info = Cli("db", "info", "--vuln-db", file);
        Assert.Equal(0, info.Code);
        Assert.Contains("records:   7", info.Out);
    }

    [Fact]
    public void Db_import_skips_a_self_referencing_yaml_record_instead_of_crashing()
    {
        // 12 bytes that used to overflow the stack of `bulwark db import` (a crash no handler can catch).
        using var cache = new CacheEnvironment.Scope();
        var dir = CopyFixture("osv");
        File.WriteAllText(Path.Combine(dir, "PYSEC-0000-bomb.yaml"), "&a [*a, *a]\n");
        var file = Path.Combine(cache.Directory, "bomb.bwdb");
        var (code, output, err) = Cli("db", "import", dir, "-o", file);
        Assert.Equal(0, code);
        Assert.Contains("imported 7 records (1 skipped)", output);
        Assert.Contains("PYSEC-0000-bomb.yaml: alias *a refers to a node that contains it", err);
    }

    [Fact]
    public void Db_errors_are_one_line_with_exit_code_2()
    {
        using var cache = new CacheEnvironment.Scope();
        var info = Cli("db", "info");
        Assert.Equal(2, info.Code);
        Assert.Equal("bulwark: error: no advisory database: run `bulwark db import` or `bulwark db update`", info.Err.Trim());
        var missing = Cli("db", "import", "/nonexistent/osv");
        Assert.Equal(2, missing.Code);
        Assert.Single(missing.Err.Trim().Split('\n'));
        // Unresolvable host: the offline error, not a stack trace.
        var update = Cli("db", "update", "--url", "https://bulwark-offline.invalid/all.zip");
        Assert.Equal(2, update.Code);
        Assert.StartsWith("bulwark: error: cannot download the advisory database", update.Err);
        Assert.Single(update.Err.Trim().Split('\n'));
        Assert.Equal(2, Cli("db", "update", "--url", "http://example.org/all.zip").Code);
    }

    [Fact]
    public void Fix_deps_dry_run_prints_a_diff_and_leaves_files_alone()
    {
        var dir = CopyFixture("app");
        try
        {
            var before = File.ReadAllText(Path.Combine(dir, "requirements.txt"));
            var (code, output, _) = Cli("fix", "deps", dir, "--dry-run", "--vuln-db", Fixture("osv"));
            Assert.Equal(0, code);
            Assert.Contains("--- a/requirements.txt\n+++ b/requirements.txt\n", output);
            Assert.Contains("-requests==2.19.0 \\\n+requests==2.31.0 \\\n", output);
            Assert.Contains("-Jinja2==2.10 ; python_version >= \"3\"\n+Jinja2==2.10.1 ; python_version >= \"3\"\n", output);
            Assert.Equal(before, File.ReadAllText(Path.Combine(dir, "requirements.txt")));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Fix_deps_rewrites_only_the_version_and_keeps_comments()
    {
        var dir = CopyFixture("app");
        try
        {
            Assert.Equal(0, Cli("fix", "deps", dir, "--vuln-db", Fixture("osv")).Code);
            var after = File.ReadAllText(Path.Combine(dir, "requirements.txt"));
            Assert.Contains("requests==2.31.0 \\\n    --hash=sha256:aaaa\n", after);
            Assert.Contains("# application requirements\n", after);
            // No fixed version is known for the flask record (last_affected only): left as written.
            Assert.Contains("flask>=0.12  # a range\n", after);
            Assert.Contains("werkzeug>=0.15.3\n", after);
            Assert.Equal("Jinja2==2.10.1 ; python_version >= \"3\"\n", File.ReadAllText(Path.Combine(dir, "base.txt")));
            // Second run: nothing left to fix.
            Assert.Contains("no vulnerable pins", Cli("fix", "deps", dir, "--vuln-db", Fixture("osv")).Out);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Sbom_is_cyclonedx_1_6_with_purls_and_merged_vulnerabilities()
    {
        var dir = CopyFixture("poetry");
        try
        {
            var file = Path.Combine(dir, "bom.json");
            Assert.Equal(0, Cli("sbom", dir, "-o", file, "--vuln-db", Fixture("osv")).Code);
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var root = doc.RootElement;
            Assert.Equal("CycloneDX", root.GetProperty("bomFormat").GetString());
            Assert.Equal("1.6", root.GetProperty("specVersion").GetString());
            var purls = root.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("purl").GetString()).ToList();
            Assert.Equal(["pkg:pypi/django@4.2.1", "pkg:pypi/jinja2@2.10", "pkg:pypi/requests@2.19.0"], purls);
            var vulns = root.GetProperty("vulnerabilities").EnumerateArray().ToList();
            Assert.Equal(["PYSEC-2018-28", "PYSEC-2019-217", "PYSEC-2023-74"], vulns.Select(v => v.GetProperty("id").GetString()));
            var first = vulns[0];
            Assert.Equal("pkg:pypi/requests@2.19.0", first.GetProperty("affects")[0].GetProperty("ref").GetString());
            Assert.Equal(7.5, first.GetProperty("ratings")[0].GetProperty("score").GetDouble());
            Assert.Equal(["CVE-2018-18074", "GHSA-x84v-xcm2-53pg"], first.GetProperty("references").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        }
        finally { Directory.Delete(dir, true); }
    }
}
