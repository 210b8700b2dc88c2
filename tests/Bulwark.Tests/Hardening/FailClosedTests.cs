using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Rules;
using Bulwark.Tests.Support;
using static Bulwark.Tests.Cli.ExitCodeTests;

namespace Bulwark.Tests.Hardening;

/// <summary>The dependency audit fails closed: what it could not check is an error (exit 2), never "No findings" with exit 0.</summary>
public class FailClosedTests
{
    sealed class ThrowingProjectRule : ProjectRule
    {
        public override RuleInfo Info { get; } = new("XT1", "throws", Family.Dependencies, Severity.High, Confidence.High, null,
            "w", "y", "e", "f", []);
        public override void Check(ProjectContext context) => throw new InvalidOperationException("boom\u001b[31m");
    }

    [Fact]
    public void A_project_rule_that_throws_makes_the_scan_incomplete()
    {
        using var dir = new TempDir();
        dir.Write("a.py", "x = 1\n");
        var result = new Scanner(new ScanSettings(), [new ThrowingProjectRule()]).Scan(new ScanRequest([dir.Path]));
        var error = Assert.Single(result.Errors);
        Assert.Contains("XT1", error);
        Assert.DoesNotContain("\u001b", error);
        Assert.Empty(result.Findings);
    }

    [Theory]
    [InlineData("poetry.lock", "[[package]\nname = \"flask\"\n")]
    [InlineData("Pipfile.lock", "{\"default\": ")]
    [InlineData("uv.lock", "version = 1\n[[package]]\nname = [1, 2]\n")]
    [InlineData("poetry.lock", "[[package]]\nversion = \"1.0\"\n")]
    [InlineData("poetry.lock", "package = \"flask\"\n")]
    [InlineData("pylock.toml", "lock-version = \"1.0\"\n[[packages]]\nname = 3\n")]
    [InlineData("Pipfile.lock", "{\"default\": {\"flask\": \"==0.12.2\"}}")]
    public void An_unreadable_lockfile_is_exit_2_not_no_findings(string name, string content)
    {
        using var dir = new TempDir();
        dir.Write(name, content);
        var (code, output, err) = Run("scan", dir.Path, "--isolated", "--select", "dependencies");
        Assert.Equal(2, code);
        Assert.Contains(name, err);
        Assert.DoesNotContain("internal error", err);
        Assert.DoesNotContain("No findings.", output);
        Assert.Contains("scan is incomplete", output);
    }
}

/// <summary>A committed file that a .gitignore also matches is part of the repository: leaving it out is never silent.</summary>
public class IgnoredButTrackedTests
{
    static void Git(string dir, params string[] args)
    {
        var env = new[] { "-c", "user.email=dev@example.org", "-c", "user.name=Dev", "-c", "commit.gpgsign=false" };
        Assert.NotNull(Bulwark.Secrets.GitCli.Run(dir, env.Concat(args)));
    }

    [Fact]
    public void Tracked_files_a_gitignore_hides_are_listed_by_reason()
    {
        Assert.True(Bulwark.Secrets.GitCli.Run(Path.GetTempPath(), ["--version"]) is not null, "git is required for this test");
        using var dir = new TempDir();
        var repo = Path.Combine(dir.Path, "repo");
        Directory.CreateDirectory(repo);
        Git(repo, "init", "-q");
        File.WriteAllText(Path.Combine(repo, "hidden.py"), "eval(input())\n");
        Directory.CreateDirectory(Path.Combine(repo, "sub", "gen"));
        File.WriteAllText(Path.Combine(repo, "sub", "gen", "x.py"), "eval(input())\n");
        File.WriteAllText(Path.Combine(repo, "a.py"), "x = 1\n");
        Git(repo, "add", "-A");
        Git(repo, "commit", "-q", "-m", "init");
        File.WriteAllText(Path.Combine(repo, ".gitignore"), "hidden.py\nuntracked.py\n");
        File.WriteAllText(Path.Combine(repo, "sub", ".gitignore"), "gen/\n");
        File.WriteAllText(Path.Combine(repo, "untracked.py"), "eval(input())\n");

        var result = new Scanner(new ScanSettings()).Scan(new ScanRequest([repo]));
        var listed = result.Skipped.Where(s => s.Reason == SkipReasons.IgnoredButTracked).Select(s => s.Path).Order(StringComparer.Ordinal);
        Assert.Equal(["hidden.py", "sub/gen/x.py"], listed);
        Assert.Empty(result.Findings);

        // Scanned with a second root, the paths are named from the common directory.
        var other = Path.Combine(dir.Path, "other");
        Directory.CreateDirectory(other);
        var both = new Scanner(new ScanSettings()).Scan(new ScanRequest([repo, other]));
        Assert.Contains(both.Skipped, s => s is { Path: "repo/hidden.py", Reason: SkipReasons.IgnoredButTracked });
    }
}
