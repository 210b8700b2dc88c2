using Bulwark.Cli;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Cli;

public class ExitCodeTests
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Scan_of_an_empty_directory_exits_zero()
    {
        using var dir = new TempDir();
        var (code, _, err) = Run("scan", dir.Path);
        Assert.Equal(0, code);
        Assert.Equal("", err);
    }

    [Fact]
    public void Scan_of_a_missing_path_is_one_line_and_exit_two()
    {
        var (code, _, err) = Run("scan", "/definitely/not/here");
        Assert.Equal(2, code);
        Assert.Equal("bulwark: error: /definitely/not/here: no such file or directory", err.Trim());
    }

    [Theory]
    [InlineData("scan", "--severity", "urgent")]
    [InlineData("scan", "--format", "pdf")]
    [InlineData("scan", "--bogus-option")]
    [InlineData("scan", "--select", "NOPE1")]
    [InlineData("explain", "NOPE1")]
    [InlineData("no-such-command")]
    public void Usage_errors_exit_two_with_one_line(params string[] args)
    {
        using var dir = new TempDir();
        var (code, _, err) = Run(args);
        Assert.Equal(2, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.StartsWith("bulwark: error:", err);
    }

    [Fact]
    public void A_broken_configuration_file_is_exit_two_with_file_and_line()
    {
        using var dir = new TempDir();
        dir.Write("bulwark.toml", "select = [\"B602\"]\nseverity = 3\n");
        var (code, _, err) = Run("scan", dir.Path);
        Assert.Equal(2, code);
        Assert.Contains("bulwark.toml:2:", err);
    }

    [Fact]
    public void Missing_baseline_file_is_exit_two()
    {
        using var dir = new TempDir();
        var (code, _, err) = Run("scan", dir.Path, "--baseline", Path.Combine(dir.Path, "nope.json"));
        Assert.Equal(2, code);
        Assert.Contains("cannot read baseline", err);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var (code, output, _) = Run("version");
        Assert.Equal(0, code);
        Assert.StartsWith("bulwark ", output);
    }
}
