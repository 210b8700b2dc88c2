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
