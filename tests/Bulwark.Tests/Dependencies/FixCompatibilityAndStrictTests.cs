using Bulwark.Tests.Support;
using static Bulwark.Tests.Cli.ExitCodeTests;

namespace Bulwark.Tests.Dependencies;

/// <summary>Issue 9: `fix deps` never writes pins that cannot be installed together; `--strict` fails on what it cannot read.</summary>
public class FixCompatibilityAndStrictTests
{
    static string Osv(string id, string package, string fixedIn) => $$"""
        {"id": "{{id}}", "modified": "2026-01-01T00:00:00Z", "summary": "issue in {{package}}",
         "affected": [{"package": {"ecosystem": "PyPI", "name": "{{package}}"},
                       "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "{{fixedIn}}"}]}]}]}
        """;

    static string Lock(params (string Name, string Version, string Dependencies)[] packages) =>
        string.Concat(packages.Select(p => $"""
            [[package]]
            name = "{p.Name}"
            version = "{p.Version}"
            description = ""
            optional = false
            python-versions = ">=3.7"

            [package.dependencies]
            {p.Dependencies}

            """)) + "[metadata]\nlock-version = \"2.0\"\npython-versions = \"^3.8\"\ncontent-hash = \"x\"\n";

    static (int Code, string Out, string Err, string Requirements) Fix(TempDir dir, params string[] extra)
    {
        var (code, output, err) = Run(["fix", "deps", dir.Path, "--vuln-db", Path.Combine(dir.Path, "osv"), .. extra]);
        return (code, output, err, File.ReadAllText(Path.Combine(dir.Path, "requirements.txt")));
    }

    [Fact]
    public void A_fix_the_lockfile_shows_cannot_be_installed_with_another_pin_is_reported_not_written()
    {
        // Raising Flask to 2.2.5 while Jinja2 stays at 2.11.3: poetry.lock records Flask 2.2.5 needing Jinja2 >= 3.0.
        using var dir = new TempDir();
        dir.Write("requirements.txt", "flask==1.1.4\njinja2==2.11.3\n");
        dir.Write("poetry.lock", Lock(("flask", "2.2.5", "Jinja2 = \">=3.0\"\nWerkzeug = \">=2.2.2\"\ncolorama = {version = \"*\", markers = \"platform_system == \\\"Windows\\\"\"}")));
        dir.Write("osv/PYSEC-F.json", Osv("PYSEC-F", "flask", "2.2.5"));
        var (code, _, err, requirements) = Fix(dir);
        Assert.Equal(1, code);
        Assert.Equal("flask==1.1.4\njinja2==2.11.3\n", requirements);
        Assert.Contains("bulwark: conflict: requirements.txt: flask left at 1.1.4: flask 2.2.5 cannot be installed with jinja2 2.11.3 (requirements.txt:2): poetry.lock records that flask 2.2.5 requires Jinja2 >=3.0", err);

        // The advisory data raises Jinja2 too: the planned set (Flask 2.2.5, Jinja2 3.1.3) installs, and both are written.
        dir.Write("osv/PYSEC-J.json", Osv("PYSEC-J", "jinja2", "3.1.3"));
        (code, _, err, requirements) = Fix(dir);
        Assert.Equal(0, code);
        Assert.Equal("flask==2.2.5\njinja2==3.1.3\n", requirements);
        Assert.DoesNotContain("conflict", err);
        // Both are major-version jumps: written, with a warning each.
        Assert.Contains("bulwark: warning: requirements.txt: flask 1.1.4 -> 2.2.5 is a major-version upgrade (1 to 2)", err);
        Assert.Contains("bulwark: warning: requirements.txt: jinja2 2.11.3 -> 3.1.3 is a major-version upgrade (2 to 3)", err);
    }

    [Fact]
    public void Requirements_recorded_only_for_the_current_version_check_lower_bounds()
    {
        using var dir = new TempDir();
        // poetry.lock knows Flask 2.0.0 (the current pin), not 2.2.5: it needs Werkzeug >= 2.0, and Jinja2 below 3.1.
        dir.Write("poetry.lock", Lock(("flask", "2.0.0", "Werkzeug = \">=2.0\"\nJinja2 = \">=3.0,<3.1\"")));
        dir.Write("osv/PYSEC-F.json", Osv("PYSEC-F", "flask", "2.2.5"));

        dir.Write("requirements.txt", "flask==2.0.0\nwerkzeug==1.0.1\njinja2==3.1.2\n");
        var (code, output, err, requirements) = Fix(dir, "--dry-run");
        Assert.Equal(1, code);
        Assert.Equal("no pin changed: every fix conflicts with other pins\n", output.Replace("\r\n", "\n")); // no diff
        Assert.Contains("flask left at 2.0.0: probably flask 2.2.5 cannot be installed with werkzeug 1.0.1 (requirements.txt:2): poetry.lock records that flask 2.0.0 already requires Werkzeug >=2.0", err);

        // Above the lower bound there is no conflict; the old upper bound (<3.1) is not carried to the new release.
        dir.Write("requirements.txt", "flask==2.0.0\nwerkzeug==2.0.3\njinja2==3.1.2\n");
        (code, _, err, requirements) = Fix(dir);
        Assert.Equal(0, code);
        Assert.Equal("flask==2.2.5\nwerkzeug==2.0.3\njinja2==3.1.2\n", requirements);
        Assert.DoesNotContain("conflict", err);
        Assert.DoesNotContain("major-version", err);
    }

    [Fact]
    public void A_fix_a_package_that_stays_at_its_version_does_not_admit_is_reported()
    {
        using var dir = new TempDir();
        // Flask 1.1.4 stays (no advisory); poetry.lock records that it needs Jinja2 < 3.0, so Jinja2 cannot go to 3.1.3.
        dir.Write("requirements.txt", "flask==1.1.4\njinja2==2.11.3\n");
        dir.Write("poetry.lock", Lock(("flask", "1.1.4", "Jinja2 = \">=2.10.1,<3.0\"\nclick = \">=5.1,<8.0\"")));
        dir.Write("osv/PYSEC-J.json", Osv("PYSEC-J", "jinja2", "3.1.3"));
        var (code, _, err, requirements) = Fix(dir);
        Assert.Equal(1, code);
        Assert.Equal("flask==1.1.4\njinja2==2.11.3\n", requirements);
        Assert.Contains("jinja2 left at 2.11.3: jinja2 3.1.3 cannot be installed with flask 1.1.4: poetry.lock records that flask 1.1.4 requires Jinja2 >=2.10.1,<3.0", err);

        // When Flask is raised too, its old requirement no longer binds: both are written.
        dir.Write("osv/PYSEC-F.json", Osv("PYSEC-F", "flask", "2.2.5"));
        (code, _, err, requirements) = Fix(dir);
        Assert.Equal(0, code);
        Assert.Equal("flask==2.2.5\njinja2==3.1.3\n", requirements);
    }

    static (int Code, string Out, string Err) Scan(TempDir dir, params string[] extra)
    {
        Directory.CreateDirectory(Path.Combine(dir.Path, "osv"));
        return Run(["scan", dir.Path, "--select", "dependencies", "--vuln-db", Path.Combine(dir.Path, "osv"), "--no-progress", "--no-posture", .. extra]);
    }

    [Theory]
    [InlineData("requirements.txt", "flask==2.0.0\nthis is not a requirement!\n", "requirements.txt:2: ")]
    [InlineData("requirements.txt", "flask==2.0.0\n-r missing.txt\n", "requirements.txt:2: -r missing.txt does not exist; not read")]
    [InlineData("pdm.lock", "[[package]]\nname = \"flask\"\nversion = \"2.0.0\"\n", "pdm.lock: pdm.lock (PDM's lockfile) is not a format Bulwark reads; its dependencies are not audited")]
    [InlineData("requirements.txt", "flask==2.0.0\nrequests>=2.0\n", "requirements.txt:2: requests cannot be resolved to one version: '>=2.0' is a range, and no lockfile or constraints file pins it")]
    [InlineData("requirements.txt", "flask==2.0.0\nrequests\n", "requirements.txt:2: requests cannot be resolved to one version: no version given")]
    public void Strict_makes_an_unreadable_or_unresolved_requirement_an_error(string file, string content, string message)
    {
        using var dir = new TempDir();
        dir.Write(file, content);
        var lenient = Scan(dir);
        Assert.NotEqual(2, lenient.Code);
        Assert.Contains("Warning", lenient.Out);
        var strict = Scan(dir, "--strict");
        Assert.Equal(2, strict.Code);
        Assert.Contains("bulwark: error: scan incomplete: ", strict.Err);
        Assert.Contains(message, strict.Err + strict.Out);
    }

    [Fact]
    public void Strict_accepts_requirements_a_lockfile_or_constraints_file_settles()
    {
        using var dir = new TempDir();
        dir.Write("requirements.txt", "-c constraints.txt\nrequests>=2.0\n-e .\n");
        dir.Write("constraints.txt", "requests==2.31.0\n");
        Assert.Equal(0, Scan(dir, "--strict", "--ignore", "DEP003").Code);
        dir.Write("Pipfile", "[packages]\nflask = \"*\"\n");
        Assert.Equal(2, Scan(dir, "--strict", "--ignore", "DEP002,DEP003").Code);
        dir.Write("Pipfile.lock", """{"_meta": {"hash": {"sha256": "x"}}, "default": {"flask": {"version": "==2.3.3"}}, "develop": {}}""");
        var settled = Scan(dir, "--strict", "--ignore", "DEP002,DEP003,DEP005");
        Assert.True(settled.Code == 0, settled.Out + settled.Err);
    }
}
