using Bulwark.Tests.Support;
using static Bulwark.Tests.Cli.ExitCodeTests;

namespace Bulwark.Tests.Hardening;

public class DeterminismTests
{
    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("html")]
    public void The_same_input_gives_byte_identical_reports(string format)
    {
        using var dir = new TempDir();
        dir.Write("app/a.py", "import subprocess, pickle\nsubprocess.call(x, shell=True)\npickle.loads(y)\nassert z\n");
        dir.Write("app/b.py", "eval(input())\n");
        dir.Write("requirements.txt", "flask\n");
        var outputs = new List<byte[]>();
        for (int i = 0; i < 2; i++)
        {
            var file = Path.Combine(dir.Path, $"report{i}.{format}");
            Run("scan", Path.Combine(dir.Path, "app"), Path.Combine(dir.Path, "requirements.txt"), "--format", format, "-o", file, "--isolated");
            outputs.Add(File.ReadAllBytes(file));
        }
        Assert.True(outputs[0].Length > 0);
        Assert.Equal(outputs[0], outputs[1]);
    }

    [Fact]
    public void Timing_is_reported_only_when_asked()
    {
        using var dir = new TempDir();
        dir.Write("a.py", "x = 1\n");
        Assert.DoesNotContain("elapsedMs", Run("scan", dir.Path, "--format", "json", "--isolated").Out);
        Assert.Contains("elapsedMs", Run("scan", dir.Path, "--format", "json", "--isolated", "--timing").Out);
    }
}
