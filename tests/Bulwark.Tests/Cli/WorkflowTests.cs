using System.Text.Json;
using Bulwark.Config;
using Bulwark.Engine;
using Bulwark.Tests.Reports;
using Bulwark.Tests.Support;
using static Bulwark.Tests.Cli.ExitCodeTests;

namespace Bulwark.Tests.Cli;

/// <summary>Issue 9: a Python team's workflow — repository-relative paths, GitHub code scanning, Bandit and Ruff habits.</summary>
public class WorkflowTests
{
    /// <summary>A repository (a `.git` folder is what marks one) with an application in `app/`.</summary>
    static TempDir Repository()
    {
        var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, ".git"));
        return dir;
    }

    static JsonElement SarifRun(JsonDocument doc) => doc.RootElement.GetProperty("runs")[0];

    static string Osv(string id, string package, string version, string? vector, string? label) => $$"""
        {"id": "{{id}}", "modified": "2026-01-01T00:00:00Z", "summary": "Issue {{id}} in {{package}}",
         {{(vector is null ? "" : $$"""
         "severity": [{"type": "CVSS_V3", "score": "{{vector}}"}],
         """)}}
         {{(label is null ? "" : $$"""
         "database_specific": {"severity": "{{label}}"},
         """)}}
         "affected": [{"package": {"ecosystem": "PyPI", "name": "{{package}}"},
                       "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.0"}]}],
                       "versions": ["{{version}}"]}]}
        """;

    [Fact]
    public void Sarif_of_a_sub_folder_has_repository_relative_uris_distinct_fingerprints_and_per_result_severities()
    {
        using var repo = Repository();
        repo.Write("app/db.py", "def f():\n    open(\"/tmp/a\"); open(\"/tmp/b\")\n");
        repo.Write("app/requirements.txt", "fixturepkg==1.0\n");
        var db = Path.Combine(repo.Path, "osv");
        repo.Write("osv/EX-1.json", Osv("EX-1", "fixturepkg", "1.0", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", null)); // 7.5
        repo.Write("osv/EX-2.json", Osv("EX-2", "fixturepkg", "1.0", null, "LOW"));
        repo.Write("osv/GHSA-aaaa-bbbb-cccc.json", Osv("GHSA-aaaa-bbbb-cccc", "fixturepkg", "1.0", null, "CRITICAL"));
        var output = Path.Combine(repo.Path, "out.sarif");

        var (code, _, err) = Run("scan", Path.Combine(repo.Path, "app"), "--vuln-db", db, "-f", "sarif", "-o", output, "--no-progress");
        Assert.Equal(1, code);
        Assert.Contains("report written to " + output, err);
        var text = File.ReadAllText(output);
        Assert.Empty(SchemaValidation.Errors(SarifReporterTests.OfficialSchema.Value, text));
        using var doc = JsonDocument.Parse(text);
        var run = SarifRun(doc);
        var results = run.GetProperty("results").EnumerateArray().ToList();

        // Paths relative to the repository, not to the scanned folder.
        var uris = results.Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()).ToList();
        Assert.Contains("app/db.py", uris);
        Assert.Contains("app/requirements.txt", uris);
        Assert.DoesNotContain("db.py", uris);
        Assert.Equal("file://" + repo.Path.TrimEnd('/') + "/", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());

        // Every result has its own line hash in GitHub's `hash:occurrence` form: two B108 on one line, three advisories on one pin.
        var hashes = results.Select(r => r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!).ToList();
        Assert.Equal(hashes.Count, hashes.Distinct().Count());
        Assert.All(hashes, h => Assert.Matches("^[0-9a-f]{16}:[0-9]+$", h));
        Assert.Equal(2, results.Count(r => r.GetProperty("ruleId").GetString() == "B108"));

        // One descriptor per advisory, whose security-severity is the advisory's: CVSS 7.5 is high, not medium.
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r);
        string Severity(string id) => rules[id].GetProperty("properties").GetProperty("security-severity").GetString()!;
        Assert.Equal("7.5", Severity("DEP001/EX-1"));
        Assert.Equal("3.0", Severity("DEP001/EX-2"));                 // the database's label LOW, mid-band
        Assert.Equal("9.5", Severity("DEP001/GHSA-aaaa-bbbb-cccc"));  // CRITICAL
        Assert.Equal("https://github.com/advisories/GHSA-aaaa-bbbb-cccc", rules["DEP001/GHSA-aaaa-bbbb-cccc"].GetProperty("helpUri").GetString());
        Assert.Equal("https://osv.dev/vulnerability/EX-1", rules["DEP001/EX-1"].GetProperty("helpUri").GetString());
        foreach (var r in results)
        {
            var rule = rules[r.GetProperty("ruleId").GetString()!];
            Assert.Equal(rule.GetProperty("properties").GetProperty("security-severity").GetString(),
                r.GetProperty("properties").GetProperty("security-severity").GetString());
            Assert.True(rule.GetProperty("help").TryGetProperty("markdown", out _));
            Assert.True(rule.GetProperty("properties").TryGetProperty("precision", out _));
            Assert.True(rule.GetProperty("properties").TryGetProperty("problem.severity", out _));
        }
    }

    [Fact]
    public void A_baseline_made_at_the_root_matches_a_scan_of_a_sub_folder()
    {
        using var repo = Repository();
        repo.Write("app/db.py", "import subprocess\nsubprocess.call(x, shell=True)\n");
        var baseline = Path.Combine(repo.Path, "baseline.json");
        Assert.Equal(0, Run("baseline", "create", "-o", baseline, repo.Path).Code);
        var (code, stdout, _) = Run("scan", Path.Combine(repo.Path, "app"), "--baseline", baseline, "--no-progress");
        Assert.Equal(0, code);
        Assert.Contains("1 baseline", stdout);
    }

    [Fact]
    public void Sarif_results_are_capped_with_a_notification()
    {
        using var repo = Repository();
        repo.Write("a.py", "open('/tmp/a'); open('/tmp/b'); open('/tmp/c')\n");
        var output = Path.Combine(repo.Path, "out.sarif");
        var (_, _, err) = Run("scan", repo.Path, "-f", "sarif", "-o", output, "--sarif-max-results", "2", "--no-progress");
        Assert.Contains("limited to the first 2", err);
        using var doc = JsonDocument.Parse(File.ReadAllText(output));
        var run = SarifRun(doc);
        Assert.Equal(2, run.GetProperty("results").GetArrayLength());
        Assert.Contains(run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray(),
            n => n.GetProperty("message").GetProperty("text").GetString()!.Contains("1 of 3 results left out"));
    }

    // ---- Bandit and Ruff habits -------------------------------------------------------------------------------

    const string RandomAndUrlopen = """
        import random
        import urllib.request

        def make():
            token = random.choice("abc"){0}
            return urllib.request.urlopen(token){1}
        """;

    [Theory]
    [InlineData("  # nosec B311", "  # nosec B310")]
    [InlineData("  # noqa: S311", "  # noqa: S310")]
    [InlineData("  # nosec", "  # noqa")]
    public void Parent_suppressions_cover_the_default_profile_variants(string onRandom, string onUrlopen)
    {
        using var repo = Repository();
        repo.Write("a.py", string.Format(RandomAndUrlopen, "", ""));
        var before = Run("scan", repo.Path, "--no-posture", "--no-progress").Out;
        Assert.Contains("BW311", before);
        Assert.Contains("BW310", before);
        repo.Write("a.py", string.Format(RandomAndUrlopen, onRandom, onUrlopen));
        var (code, after, _) = Run("scan", repo.Path, "--no-posture", "--no-progress");
        Assert.Equal(0, code);
        Assert.Contains("No findings.", after);
    }

    [Fact]
    public void Ignoring_the_bandit_id_ignores_its_variant_and_selecting_the_ruff_code_picks_the_variant()
    {
        using var repo = Repository();
        repo.Write("a.py", string.Format(RandomAndUrlopen, "", ""));
        var ignored = Run("scan", repo.Path, "--ignore", "B311,B310", "--no-posture", "--no-progress").Out;
        Assert.DoesNotContain("BW311", ignored);
        Assert.DoesNotContain("BW310", ignored);
        var selected = Run("scan", repo.Path, "--select", "S311", "--no-posture", "--no-progress").Out;
        Assert.Contains("BW311", selected);
        Assert.DoesNotContain("B311 ", selected);
    }

    [Theory]
    [InlineData("S608", "BW608", "B608")]
    [InlineData("S105", "BW105", "B105")]
    public void A_ruff_code_selects_one_variant_not_both(string code, string expected, string absent)
    {
        using var repo = Repository();
        repo.Write("a.py", "password = \"hunter2-secret-value\"\ndef q(cur, name):\n    cur.execute(\"SELECT * FROM users WHERE name = '%s'\" % name)\n");
        var (_, output, _) = Run("scan", repo.Path, "--select", code, "--no-posture", "--no-progress", "-f", "json");
        using var doc = JsonDocument.Parse(output);
        var ids = doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ToList();
        Assert.Contains(expected, ids);
        Assert.DoesNotContain(absent, ids);
    }

    [Theory]
    [InlineData("# ruff: noqa: S602\n", true)]
    [InlineData("# flake8: noqa\n", true)]
    [InlineData("# ruff: noqa\n", true)]
    [InlineData("# bulwark: skip-file\n", true)]
    [InlineData("# ruff: noqa: S101\n", false)]
    [InlineData("x = 1  # ruff: noqa\n", false)] // file-level directives stand on a line of their own
    public void File_level_suppressions(string header, bool suppressed)
    {
        using var repo = Repository();
        repo.Write("a.py", header + "import subprocess\nsubprocess.call(cmd, shell=True)\n");
        var output = Run("scan", repo.Path, "--select", "B602", "--no-posture", "--no-progress").Out;
        Assert.Equal(!suppressed, output.Contains("B602"));
    }

    [Fact]
    public void Bandit_settings_in_pyproject_are_read_when_there_is_no_bulwark_table()
    {
        using var repo = Repository();
        repo.Write("pyproject.toml", """
            [project]
            name = "app"

            [tool.bandit]
            skips = ["B602"]
            exclude_dirs = ["./legacy"]

            [tool.bandit.hardcoded_tmp_directory]
            tmp_dirs = ["/scratch"]
            """);
        repo.Write("app/a.py", "import subprocess\nsubprocess.call(cmd, shell=True)\nopen('/tmp/x'); open('/scratch/y')\n");
        repo.Write("legacy/b.py", "import pickle\npickle.loads(data)\n");
        var (_, output, err) = Run("scan", Path.Combine(repo.Path, "app"), "-v", "--no-posture", "--no-progress");
        Assert.DoesNotContain("B602", output);
        Assert.Contains("app/a.py:3:22", output);       // `/scratch` is the configured temporary directory
        Assert.DoesNotContain("app/a.py:3:6", output);  // `/tmp` no longer is
        Assert.Contains("Configuration: " + Path.Combine(repo.Path, "pyproject.toml") + " (Bandit settings)", output);
        Assert.Contains("configuration: " + Path.Combine(repo.Path, "pyproject.toml"), err);
        var all = Run("scan", repo.Path, "--no-posture", "--no-progress").Out;
        Assert.DoesNotContain("legacy/b.py", all);
    }

    [Fact]
    public void Bandit_ini_and_yaml_files_are_read()
    {
        using var dir = new TempDir();
        var ini = dir.Write(".bandit", "[bandit]\nskips = B101,B311\nexclude = /tests,./build\n");
        var fromIni = ForeignConfig.FromBanditIni(ini);
        Assert.Equal(["B101", "B311"], fromIni.Ignore);
        Assert.Equal(["tests", "build"], fromIni.Exclude);

        var yaml = dir.Write("bandit.yaml", "skips: [B101]\ntests: [B602, B311]\nexclude_dirs: ['tests/']\nhardcoded_tmp_directory:\n  tmp_dirs: ['/scratch']\nshell_injection:\n  no_shell: []\n");
        var fromYaml = ConfigFile.LoadExplicit(yaml);
        Assert.Equal("Bandit", fromYaml.Origin);
        Assert.Equal(["B101"], fromYaml.Ignore);
        Assert.Equal(["B602", "B311"], fromYaml.Select);
        Assert.Equal(["tests"], fromYaml.Exclude);
        Assert.Equal(["/scratch"], (IReadOnlyList<string>)fromYaml.RuleOptions!["B108"]["tmp_dirs"]);

        var bad = dir.Write("bad.yaml", "skips: [B999X]\n");
        Assert.Contains("unknown Bandit test 'B999X'", Assert.Throws<Bulwark.Core.ConfigException>(() => ConfigFile.LoadExplicit(bad)).Message);
    }

    [Fact]
    public void Ruff_per_file_ignores_of_S_codes_apply_relative_to_the_config_file()
    {
        using var repo = Repository();
        repo.Write("pyproject.toml", """
            [tool.ruff.lint.per-file-ignores]
            "tests/**" = ["S101", "E501"]
            [tool.ruff.lint.extend-per-file-ignores]
            "scripts/*.py" = ["S6"]
            """);
        repo.Write("tests/test_a.py", "assert 1\n");
        repo.Write("scripts/run.py", "import subprocess\nsubprocess.call(c, shell=True)\n");
        repo.Write("app.py", "assert 1\n");
        var config = ConfigFile.Discover(repo.Path, repo.Path)!;
        Assert.Equal("Ruff", config.Origin);
        var (_, output, _) = Run("scan", Path.Combine(repo.Path, "tests"), "--no-posture", "--no-progress", "--select", "B101,B602");
        Assert.Contains("No findings.", output);
        var whole = Run("scan", repo.Path, "--no-posture", "--no-progress", "--select", "B101,B602").Out;
        Assert.Contains("app.py:1:1", whole);
        Assert.DoesNotContain("scripts/run.py", whole);
    }

    [Fact]
    public void Configuration_above_the_repository_is_never_read()
    {
        using var outer = new TempDir();
        outer.Write("bulwark.toml", "select = [\"B602\"]\n");       // a parent workspace's, or /tmp's
        Directory.CreateDirectory(Path.Combine(outer.Path, "repo", ".git"));
        outer.Write("repo/app/a.py", "assert 1\n");
        Assert.Null(ConfigFile.Discover(Path.Combine(outer.Path, "repo", "app"), RepositoryRoot.For([Path.Combine(outer.Path, "repo", "app")])));
        var (_, output, _) = Run("scan", Path.Combine(outer.Path, "repo"), "--no-posture", "--no-progress");
        Assert.Contains("B101", output);
        Assert.DoesNotContain("Configuration:", output);

        // Without a repository, only the scanned directory itself counts.
        outer.Write("plain/a.py", "assert 1\n");
        Assert.Null(ConfigFile.Discover(Path.Combine(outer.Path, "plain")));
    }

    [Fact]
    public void Excludes_in_the_root_config_apply_to_a_scan_of_the_excluded_folder_s_contents_by_path()
    {
        using var repo = Repository();
        repo.Write("bulwark.toml", "exclude = [\"tests/fixtures/\"]\nper-file-ignores = { \"tests/*.py\" = [\"B101\"] }\n");
        repo.Write("tests/test_a.py", "assert 1\n");
        repo.Write("tests/fixtures/bad.py", "import pickle\npickle.loads(x)\n");
        var (_, output, _) = Run("scan", Path.Combine(repo.Path, "tests"), "--no-posture", "--no-progress");
        Assert.DoesNotContain("bad.py", output);
        Assert.DoesNotContain("B101", output);
    }

    [Fact]
    public void Named_files_honour_excludes_only_with_force_exclude()
    {
        using var repo = Repository();
        repo.Write("bulwark.toml", "exclude = [\"generated/\"]\n");
        var file = repo.Write("generated/a.py", "assert 1\n");
        Assert.Contains("B101", Run("scan", file, "--no-progress").Out);
        Assert.DoesNotContain("B101", Run("scan", file, "--force-exclude", "--no-progress").Out);
    }

    [Fact]
    public void A_scan_whose_files_the_default_excludes_all_skipped_says_so()
    {
        using var dir = new TempDir();
        dir.Write("dist-packages/pkg/a.py", "assert 1\n");
        var (_, output, _) = Run("scan", dir.Path, "--no-progress");
        Assert.Contains("nothing scanned: the default excludes skipped 1 directory", output);
        Assert.Contains("B101", Run("scan", Path.Combine(dir.Path, "dist-packages"), "--no-progress").Out);
    }

    [Fact]
    public void Severity_overrides_and_fail_on()
    {
        using var repo = Repository();
        repo.Write("bulwark.toml", "[severity-overrides]\nB101 = \"high\"\n");
        repo.Write("a.py", "assert 1\nopen('/tmp/x')\n");
        var (code, output, _) = Run("scan", repo.Path, "--no-posture", "--no-progress");
        Assert.Equal(1, code);
        Assert.Contains("B101 [high/", output);
        Assert.Equal(1, Run("scan", repo.Path, "--fail-on", "high", "--no-progress").Code);
        var (critical, reported, _) = Run("scan", repo.Path, "--fail-on", "critical", "--no-progress");
        Assert.Equal(0, critical);                 // nothing critical: passes
        Assert.Contains("B108", reported);          // but everything is still reported
        Assert.Equal(2, Run("scan", repo.Path, "--fail-on", "urgent").Code);
    }

    // ---- the CLI ----------------------------------------------------------------------------------------------

    [Fact]
    public void Statistics_show_source_and_quiet()
    {
        using var repo = Repository();
        repo.Write("a.py", "assert 1\nassert 2\nopen('/tmp/x')\n");
        var stats = Run("scan", repo.Path, "--statistics", "--no-posture", "--no-progress").Out;
        Assert.Matches(@"(?m)^2  B101  \[low\] assert-used$", stats);
        Assert.Matches(@"(?m)^1  B108  \[medium\] hardcoded-tmp-directory$", stats);
        Assert.Contains("^^^", Run("scan", repo.Path, "--show-source", "--no-progress").Out);
        Assert.DoesNotContain("^^^", Run("scan", repo.Path, "--no-show-source", "--no-progress").Out);
        var quiet = Run("scan", repo.Path, "-q");
        Assert.DoesNotContain("Found ", quiet.Out);
        Assert.Contains("B101", quiet.Out);
        Assert.Equal("", quiet.Err);
    }

    [Fact]
    public void Extend_select_adds_rules_outside_the_profile()
    {
        using var repo = Repository();
        repo.Write("a.py", "import pickle\n");
        Assert.DoesNotContain("B403", Run("scan", repo.Path, "--no-progress").Out);
        Assert.Contains("B403", Run("scan", repo.Path, "--extend-select", "B403", "--no-progress").Out);
    }

    [Fact]
    public void Stdin_is_scanned_under_the_stdin_filename()
    {
        using var repo = Repository();
        repo.Write("bulwark.toml", "ignore = [\"B108\"]\n");
        var (code, output, _) = RunWithStdin("assert 1\nopen('/tmp/x')\n"u8.ToArray(),
            "scan", "-", "--stdin-filename", Path.Combine(repo.Path, "pkg", "mod.py"), "--no-progress");
        Assert.Equal(1, code);
        Assert.Contains("pkg/mod.py:1:1  B101", output);
        Assert.DoesNotContain("B108", output); // the repository's configuration applies
        Assert.Equal(2, Run("scan", repo.Path, "--stdin-filename", "x.py").Code);
    }

    /// <summary>Serialised: standard input is one per process.</summary>
    static readonly object StdinLock = new();

    internal static (int Code, string Out, string Err) RunWithStdin(byte[] input, params string[] args)
    {
        lock (StdinLock)
        {
            var old = Bulwark.Cli.Commands.StdinInput.OpenInput;
            try
            {
                Bulwark.Cli.Commands.StdinInput.OpenInput = () => new MemoryStream(input);
                return Run(args);
            }
            finally { Bulwark.Cli.Commands.StdinInput.OpenInput = old; }
        }
    }

    [Fact]
    public void Stdin_honours_a_pep_263_coding_cookie_exactly_as_a_file_does()
    {
        using var repo = Repository();
        // Latin-1 bytes: "café" is 63 61 66 E9, which is not UTF-8.
        var bytes = System.Text.Encoding.Latin1.GetBytes("# -*- coding: latin-1 -*-\nassert name == \"café\"\n");
        Assert.Throws<System.Text.DecoderFallbackException>(() => new System.Text.UTF8Encoding(false, true).GetString(bytes));
        var path = Path.Combine(repo.Path, "pkg", "mod.py");
        repo.Write("pkg/mod.py", "");
        File.WriteAllBytes(path, bytes);

        var fromFile = Run("scan", path, "--no-progress");
        var fromStdin = RunWithStdin(bytes, "scan", "-", "--stdin-filename", path, "--no-progress");
        Assert.Equal(1, fromStdin.Code);
        Assert.Contains("assert name == \"café\"", fromStdin.Out);
        Assert.DoesNotContain("BW004", fromStdin.Out); // decoded, not reported as undecodable
        Assert.Equal(fromFile.Out, fromStdin.Out);
        Assert.Equal(fromFile.Code, fromStdin.Code);

        // A UTF-8 byte-order mark is honoured the same way.
        var bom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes("assert name == \"café\"\n")).ToArray();
        File.WriteAllBytes(path, bom);
        Assert.Equal(Run("scan", path, "--no-progress").Out, RunWithStdin(bom, "scan", "-", "--stdin-filename", path, "--no-progress").Out);
    }

    [Fact]
    public void Comma_separated_excludes_are_accepted()
    {
        using var repo = Repository();
        repo.Write("a/x.py", "assert 1\n");
        repo.Write("b/y.py", "assert 1\n");
        repo.Write("c/z.py", "assert 1\n");
        var output = Run("scan", repo.Path, "--exclude", "a/,b/", "--no-progress").Out;
        Assert.DoesNotContain("a/x.py", output);
        Assert.DoesNotContain("b/y.py", output);
        Assert.Contains("c/z.py", output);
    }

    [Theory]
    [InlineData("sacn", "scan")]
    [InlineData("baselin", "baseline")]
    [InlineData("explian", "explain")]
    public void Unknown_commands_suggest_the_closest(string typo, string suggestion)
    {
        var (code, _, err) = Run(typo);
        Assert.Equal(2, code);
        Assert.Equal($"bulwark: error: unknown command '{typo}' (did you mean `bulwark {suggestion}`?) (see `bulwark --help`)", err.Trim());
        Assert.DoesNotContain("did you mean", Run("frobnicate").Err);
    }

    [Fact]
    public void Short_version_flag_prints_the_one_version()
    {
        var (code, output, _) = Run("-V");
        Assert.Equal(0, code);
        Assert.Equal(Run("version").Out, output);
        Assert.Equal(Run("--version").Out, output);
    }

    [Fact]
    public void Output_to_a_file_says_where_it_wrote_in_every_format()
    {
        using var repo = Repository();
        repo.Write("a.py", "assert 1\n");
        foreach (var format in new[] { "text", "markdown", "junit" })
        {
            var file = Path.Combine(repo.Path, "report." + format);
            var (_, stdout, err) = Run("scan", repo.Path, "-f", format, "-o", file, "--no-progress");
            Assert.Equal("", stdout);
            Assert.Contains("report written to " + file, err);
            Assert.True(File.Exists(file));
        }
    }
}
