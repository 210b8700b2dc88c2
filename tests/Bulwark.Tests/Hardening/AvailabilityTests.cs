using System.Diagnostics;
using System.IO.Compression;
using Bulwark.Config;
using Bulwark.Core;
using Bulwark.Dependencies.Advisories;
using Bulwark.Dependencies.Manifests;
using Bulwark.Engine;
using Bulwark.Tests.Support;
using static Bulwark.Tests.Cli.ExitCodeTests;

namespace Bulwark.Tests.Hardening;

/// <summary>Bounded time and memory on hostile input. Bounds here are generous; bench/hardening/run.sh prints the real figures.</summary>
public class AvailabilityTests
{
    [Fact]
    public void Fifos_named_like_code_manifests_and_gitignore_are_skipped_with_a_note_not_read()
    {
        if (!HostileFiles.CanMakeSpecialFiles) return;
        using var dir = new TempDir();
        dir.Write("a.py", "import subprocess\nsubprocess.call('x', shell=True)\n");
        foreach (var name in new[] { "t.py", "requirements.txt", ".gitignore", "sub/.gitignore", "poetry.lock" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir.Path, name))!);
            HostileFiles.Fifo(Path.Combine(dir.Path, name));
        }
        bool device = HostileFiles.ZeroDevice(Path.Combine(dir.Path, "z.py"));
        var (code, json, err) = HostileFiles.WithinSeconds(60, () => Run("scan", dir.Path, "--format", "json", "--isolated"));
        Assert.Equal(1, code);
        Assert.DoesNotContain("internal error", err);
        foreach (var name in new[] { "t.py", "requirements.txt", ".gitignore", "sub/.gitignore", "poetry.lock" })
            Assert.Contains($"\"path\": \"{name}\",\n      \"reason\": \"special-file\"", json);
        if (device) Assert.Contains("\"path\": \"z.py\",\n      \"reason\": \"special-file\",\n      \"detail\": \"character device\"", json);
        Assert.Contains("\"B602\"", json);
    }

    [Fact]
    public void A_fifo_configuration_file_is_a_one_line_error_not_a_hang()
    {
        if (!HostileFiles.CanMakeSpecialFiles) return;
        foreach (var name in new[] { "bulwark.toml", "pyproject.toml" })
        {
            using var dir = new TempDir();
            dir.Write("a.py", "x = 1\n");
            HostileFiles.Fifo(Path.Combine(dir.Path, name));
            var (code, _, err) = HostileFiles.WithinSeconds(60, () => Run("scan", dir.Path));
            Assert.Equal(2, code);
            Assert.Contains("not a regular file (FIFO)", err);
            Assert.Single(err.Trim().Split('\n'));
        }
    }

    [Fact]
    public void A_file_named_on_the_command_line_that_is_a_fifo_is_not_opened()
    {
        if (!HostileFiles.CanMakeSpecialFiles) return;
        using var dir = new TempDir();
        var fifo = Path.Combine(dir.Path, "t.py");
        HostileFiles.Fifo(fifo);
        var (code, output, _) = HostileFiles.WithinSeconds(60, () => Run("scan", fifo, "--isolated"));
        Assert.Equal(0, code);
        Assert.Contains("t.py: special-file (FIFO)", output);
    }

    [Fact]
    public void Dangling_links_links_out_and_virtualenvs_are_listed_by_reason()
    {
        if (OperatingSystem.IsWindows()) return;
        using var outside = new TempDir();
        outside.Write("evil.py", "eval(input())\n");
        using var dir = new TempDir();
        dir.Write("a.py", "x = 1\n");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "gone.py"), Path.Combine(dir.Path, "nowhere.py"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "out.py"), Path.Combine(outside.Path, "evil.py"));
        dir.Write("env/pyvenv.cfg", "home = /usr\n");
        dir.Write("env/lib/x.py", "eval(input())\n");
        var result = new Scanner(new ScanSettings()).Scan(new ScanRequest([dir.Path]));
        Assert.Contains(result.Skipped, s => s is { Path: "gone.py", Reason: SkipReasons.DanglingSymlink });
        Assert.Contains(result.Skipped, s => s is { Path: "out.py", Reason: SkipReasons.LinkOutsideRoot });
        Assert.Contains(result.Skipped, s => s is { Path: "env", Reason: SkipReasons.Virtualenv });
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void A_gitignore_line_of_many_double_star_segments_matches_in_linear_time()
    {
        var pattern = string.Concat(Enumerable.Repeat("**/", 24)) + "x";
        var path = string.Join('/', Enumerable.Repeat("abcdefgh", 40)) + "/y";
        var clock = Stopwatch.StartNew();
        Assert.False(Glob.Match(pattern, path, segments: true));
        Assert.True(Glob.Match(pattern, path[..^1] + "x", segments: true));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), clock.Elapsed.ToString());
    }

    [Theory]
    [InlineData("**/a", "a", true)]
    [InlineData("**/a", "x/y/a", true)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("a/*/b", "a/x/y/b", false)]
    [InlineData("a/**", "a/x/y", true)]
    [InlineData("*.py", "d/x.py", false)]
    [InlineData("[!a]b", "cb", true)]
    [InlineData("\\*x", "*x", true)]
    [InlineData("a?c", "a/c", false)]
    public void Segment_globs_keep_their_meaning(string pattern, string path, bool expected) =>
        Assert.Equal(expected, Glob.Match(pattern, path, segments: true));

    [Fact]
    public void A_thousand_nested_directories_are_walked_quickly()
    {
        using var dir = new TempDir();
        var deep = dir.Path;
        for (int i = 0; i < 1000; i++) deep = Path.Combine(deep, "d");
        Directory.CreateDirectory(deep);
        File.WriteAllText(Path.Combine(deep, "x.py"), "eval(input())\n");
        var clock = Stopwatch.StartNew();
        var files = new FileDiscovery(new ScanSettings()).Discover(dir.Path);
        Assert.Single(files);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
    }

    [Fact]
    public void A_long_poetry_constraint_is_refused_quickly()
    {
        var constraint = string.Join(' ', Enumerable.Range(0, 4000).Select(i => $"^1.{i}"));
        var clock = Stopwatch.StartNew();
        Assert.False(PoetryConstraint.TryParse(constraint, out _, out var error));
        Assert.Contains("more than 256 clauses", error);
        // Repeated clauses are one clause.
        Assert.True(PoetryConstraint.TryParse(string.Join(' ', Enumerable.Repeat("^1.0", 4000)), out var alternatives, out _));
        Assert.Equal(2, Assert.Single(alternatives).Clauses.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), clock.Elapsed.ToString());
    }

    [Fact]
    public void Deep_toml_is_an_error_naming_the_line_not_a_stack_overflow()
    {
        var deep = "[project]\ndependencies = " + new string('[', 100_000) + "\n";
        Assert.Null(TomlTree.Parse(deep, out var error));
        Assert.Contains("nested deeper than", error);
        var ex = Assert.Throws<ConfigException>(() => ConfigFile.Parse("select = " + new string('[', 100_000), "bulwark.toml", []));
        Assert.Contains("bulwark.toml", ex.Message);
        // Deep but unrelated to Bulwark in a pyproject.toml: not Bulwark's configuration, no error.
        Assert.Null(ConfigFile.Parse(deep, "pyproject.toml", ["tool", "bulwark"]));
    }

    [Fact]
    public void A_broken_unrelated_pyproject_section_does_not_stop_the_scan()
    {
        using var dir = new TempDir();
        dir.Write("pyproject.toml", "[project]\nname = \"x\"\ndependencies = [\n");
        dir.Write("a.py", "import subprocess\nsubprocess.call('x', shell=True)\n");
        var (code, output, err) = Run("scan", dir.Path, "--format", "json");
        Assert.Contains("\"B602\"", output);
        Assert.Contains("pyproject.toml: invalid TOML", output);
        // The dependency audit could not read it: fail closed, after the report.
        Assert.Equal(2, code);
        Assert.Contains("scan incomplete", err);
    }

    [Theory]
    [InlineData("poetry.lock", "package = \"not a table\"\n")]
    [InlineData("poetry.lock", "[[package]]\nname = 5\nversion = [1]\n")]
    [InlineData("uv.lock", "package = 3\n")]
    [InlineData("pylock.toml", "packages = \"x\"\n")]
    [InlineData("Pipfile.lock", "{\"default\": [1, 2], \"develop\": \"x\"}")]
    [InlineData("Pipfile.lock", "[]")]
    [InlineData("pyproject.toml", "[project]\ndependencies = \"requests\"\n[tool.poetry]\ndependencies = 4\n")]
    [InlineData("Pipfile", "packages = [1]\n")]
    public void Type_wrong_lockfiles_never_crash(string name, string content)
    {
        using var dir = new TempDir();
        dir.Write(name, content);
        var (code, _, err) = Run("scan", dir.Path, "--isolated");
        Assert.DoesNotContain("internal error", err);
        Assert.DoesNotContain("   at ", err);
        Assert.InRange(code, 0, 2);
    }

    [Theory]
    [InlineData("scan", "")]
    [InlineData("debug", "ast", "")]
    [InlineData("sbom", "")]
    [InlineData("fix", "deps", "")]
    [InlineData("scan", "--baseline", "", ".")]
    [InlineData("scan", "-o", "", ".")]
    [InlineData("scan", "--config", "", ".")]
    [InlineData("db", "import", "")]
    [InlineData("explain", "")]
    public void Empty_string_arguments_give_one_line_errors(params string[] args)
    {
        var (code, _, err) = Run(args);
        Assert.Equal(2, code);
        Assert.DoesNotContain("internal error", err);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void Crafted_advisory_stores_are_one_line_errors()
    {
        using var dir = new TempDir();
        var random = dir.WriteBytes("random.bwdb", Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray());
        var truncated = Path.Combine(dir.Path, "truncated.bwdb");
        using (var fs = File.Create(truncated))
        using (var br = new BrotliStream(fs, CompressionLevel.Fastest))
        using (var w = new BinaryWriter(br))
        {
            w.Write(0x42574442u); w.Write(1); w.Write("src"); w.Write(0L); w.Write(""); w.Write(int.MaxValue);
        }
        foreach (var store in new[] { random, truncated })
        {
            Assert.Throws<InvalidDataException>(() => AdvisoryStore.Load(store));
            dir.Write("requirements.txt", "flask==0.12.2\n");
            var (code, _, err) = Run("scan", dir.Path, "--vuln-db", store, "--isolated");
            Assert.Equal(2, code);
            Assert.DoesNotContain("internal error", err);
            Assert.Contains("scan incomplete", err);
        }
        var (missing, _, missingErr) = Run("scan", dir.Path, "--vuln-db", Path.Combine(dir.Path, "none.bwdb"), "--isolated");
        Assert.Equal(2, missing);
        Assert.Contains("advisory database unusable", missingErr);
    }

    [Fact]
    public void A_zip_bomb_entry_is_refused_without_inflating_it_whole()
    {
        using var dir = new TempDir();
        var zip = Path.Combine(dir.Path, "osv.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using (var s = archive.CreateEntry("PYSEC-0000-1.json", CompressionLevel.SmallestSize).Open())
            {
                var zeros = new byte[1 << 20];
                for (int i = 0; i < 24; i++) s.Write(zeros);
            }
            using (var w = new StreamWriter(archive.CreateEntry("PYSEC-0000-2.json").Open()))
                w.Write("{\"id\": \"PYSEC-0000-2\", \"modified\": \"2024-01-01T00:00:00Z\", \"affected\": []}");
        }
        var problems = new List<string>();
        var store = AdvisoryStore.Import(zip, problems);
        Assert.Equal(1, store.Count);
        Assert.Contains(problems, p => p.Contains("inflates to more than", StringComparison.Ordinal));
    }
}

/// <summary>Inputs the fuzzer (bench/fuzz/run.sh) found crashing, kept as regression tests.</summary>
public class FuzzRegressionTests
{
    [Theory]
    [InlineData("a = \"\\uD800\"\n")]
    [InlineData("a = \"\\UFFFFFFFF\"\n")]
    [InlineData("[tool.bulwark]\nselect = [\"\\uDFFF\"]\n")]
    public void Toml_escapes_that_are_not_characters_are_an_error_not_a_crash(string text)
    {
        Assert.Throws<ConfigException>(() => ConfigFile.Parse(text, "bulwark.toml", []));
        Assert.Null(TomlTree.Parse(text, out var error));
        Assert.NotNull(error);
    }

    static IEnumerable<string> CrashInputs(string target) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Hardening", "Fixtures", "fuzz-crashes", target)).Order(StringComparer.Ordinal);

    /// <summary>The inputs AFL++ saved as crashes of the `config` target (bench/fuzz), replayed the way the harness runs them.</summary>
    [Fact]
    public void Config_fuzz_crashes_are_config_errors()
    {
        var files = CrashInputs("config").ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var data = File.ReadAllBytes(file);
            var text = System.Text.Encoding.UTF8.GetString(data.AsSpan(1));
            var ex = Record.Exception(() =>
            {
                if (data[0] % 2 == 0) ConfigFile.Parse(text, "bulwark.toml", []);
                else ConfigFile.Parse(text, "pyproject.toml", ["tool", "bulwark"]);
            });
            Assert.True(ex is null or ConfigException, $"{Path.GetFileName(file)}: {ex?.GetType().Name}: {ex?.Message}");
        }
    }

    /// <summary>The inputs AFL++ saved as crashes of the `python` target (bench/fuzz): decoder, parser and AST dump.</summary>
    [Fact]
    public void Python_fuzz_crashes_are_syntax_errors()
    {
        var files = CrashInputs("python").ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var decoded = Bulwark.Python.SourceDecoder.Decode(File.ReadAllBytes(file));
            if (!decoded.Ok) continue;
            var result = Bulwark.Python.PythonParser.Parse(decoded.Text!);
            Assert.False(result.Ok, Path.GetFileName(file));
            Assert.NotEmpty(Bulwark.Python.AstDump.Dump(result.Module, result.Text));
        }
    }

    /// <summary>The inputs AFL++ saved as crashes of the `requirements` target (bench/fuzz).</summary>
    [Fact]
    public void Requirements_fuzz_crashes_parse()
    {
        var files = CrashInputs("requirements").ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var includes = new List<RequirementsParser.Include>();
            var m = RequirementsParser.Parse("/fuzz/requirements.txt", "requirements.txt", File.ReadAllText(file), false, includes);
            foreach (var d in m.Dependencies)
                if (d.Version is { } v) Assert.Equal(v.GetHashCode(), Bulwark.Dependencies.Versions.PackageVersion.Parse(v.ToString()).GetHashCode());
            foreach (var p in m.Problems) Assert.DoesNotContain('\n', Untrusted.Message(p));
        }
    }

    [Theory]
    [InlineData("rsts==555555+5555555555555555555555555555\n")]
    [InlineData("x==1.0+00000000000000000000000000000000000001\n")]
    public void Huge_numeric_local_version_labels_parse_without_overflow(string line)
    {
        var m = RequirementsParser.Parse("/x/requirements.txt", "requirements.txt", line, false);
        var dep = Assert.Single(m.Dependencies);
        Assert.NotNull(dep.Version);
        Assert.Equal(dep.Version, dep.Version);
        Assert.Equal(dep.Version!.GetHashCode(), Bulwark.Dependencies.Versions.PackageVersion.Parse(dep.Version.ToString()).GetHashCode());
    }

    [Fact]
    public void Local_labels_compare_as_numbers_of_any_length()
    {
        var small = Bulwark.Dependencies.Versions.PackageVersion.Parse("1.0+99999999999999999999");
        var large = Bulwark.Dependencies.Versions.PackageVersion.Parse("1.0+100000000000000000000");
        Assert.True(small < large);
        Assert.Equal(Bulwark.Dependencies.Versions.PackageVersion.Parse("1.0+007"), Bulwark.Dependencies.Versions.PackageVersion.Parse("1.0+7"));
    }
}
