using System.Text.RegularExpressions;
using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Reports;
using Bulwark.Tests.Support;
using static Bulwark.Tests.Reports.ReportFixtures;

namespace Bulwark.Tests.Engine;

/// <summary>
/// The README quotes what `bulwark scan samples/insecure-app` prints. When the sample or a rule changes, the
/// quote must change with it: every paragraph of the README's excerpt must appear verbatim in a real scan.
/// </summary>
public class SampleAppTests
{
    static readonly Regex Timing = new(@"in [0-9.]+s\.", RegexOptions.NonBacktracking);
    // The advisory-database warning depends on the machine's cache, so warnings are not compared.
    static readonly Regex Warnings = new(@"\nWarnings?:(\n  - [^\n]*)*", RegexOptions.NonBacktracking);

    static string Normalise(string text) => Warnings.Replace(Timing.Replace(text.ReplaceLineEndings("\n"), "in Ts."), "");

    static string ScanSampleAsText()
    {
        using var tmp = new TempDir();
        // A database path that does not exist, so the dependency findings do not depend on the machine's cache.
        var settings = new ScanSettings { VulnDbPath = Path.Combine(tmp.Path, "no-advisories.bwdb") };
        // as `bulwark scan DIR` does: one directory scanned gets the posture summary
        var result = new Scanner(settings).Scan(new ScanRequest([Path.Combine(RepoPaths.RepoRoot, "samples", "insecure-app")]) { Posture = true });
        return Normalise(Render(ReportFormat.Text, result));
    }

    /// <summary>The ```text block that follows "scan samples/insecure-app" in the README, split into paragraphs.</summary>
    static List<string> ReadmeExcerpt()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "README.md")).ReplaceLineEndings("\n");
        var command = readme.IndexOf("-- scan samples/insecure-app", StringComparison.Ordinal);
        Assert.True(command >= 0, "README no longer shows a scan of samples/insecure-app");
        var start = readme.IndexOf("```text\n", command, StringComparison.Ordinal) + "```text\n".Length;
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);
        return Normalise(readme[start..end])
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
    }

    [Fact]
    public void Every_paragraph_of_the_readme_excerpt_appears_in_a_scan_of_the_sample()
    {
        var report = ScanSampleAsText();
        var paragraphs = ReadmeExcerpt();
        Assert.True(paragraphs.Count >= 3, "the README excerpt is missing");
        Assert.Contains(paragraphs, p => p.StartsWith("Found ", StringComparison.Ordinal));
        foreach (var paragraph in paragraphs)
            Assert.True(report.Contains(paragraph, StringComparison.Ordinal),
                $"README excerpt paragraph not in the scan output:\n{paragraph}\n--- scan output ---\n{report}");
    }
}
