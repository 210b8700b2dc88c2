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

/// <summary>Nothing silently unanalysed: every report format lists the paths not analysed, by reason.</summary>
public class NotAnalysedReportTests
{
    [Theory]
    [InlineData(Bulwark.Reports.ReportFormat.Text)]
    [InlineData(Bulwark.Reports.ReportFormat.Json)]
    [InlineData(Bulwark.Reports.ReportFormat.Sarif)]
    [InlineData(Bulwark.Reports.ReportFormat.Html)]
    public void Every_format_lists_skipped_paths_with_their_reason(Bulwark.Reports.ReportFormat format)
    {
        var result = Bulwark.Tests.Reports.ReportFixtures.Sample() with
        {
            Skipped =
            [
                new Bulwark.Core.SkippedFile("pipe.py", Bulwark.Core.SkipReasons.SpecialFile, "FIFO"),
                new Bulwark.Core.SkippedFile("venv", Bulwark.Core.SkipReasons.Virtualenv),
                new Bulwark.Core.SkippedFile("huge.py", Bulwark.Core.SkipReasons.TooLarge, "larger than 64 MB"),
            ],
        };
        var report = Bulwark.Tests.Reports.ReportFixtures.Render(format, result);
        foreach (var (path, reason) in new[] { ("pipe.py", "special-file"), ("venv", "virtualenv"), ("huge.py", "too-large") })
        {
            Assert.Contains(path, report);
            Assert.Contains(reason, report);
        }
    }
}
