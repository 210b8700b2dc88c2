using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Rules;

/// <summary>
/// The pattern rules that taint findings supersede in the default profile (B301, B602, B604, B605, B307, B102, B608) report
/// under `--profile bandit` exactly what Bandit does: their fixtures run in that profile must match snapshots taken
/// before the default profile learned to skip commands, code and queries built only from constants.
/// Set BULWARK_UPDATE_SNAPSHOTS=1 to (re)write them, then review the diff.
/// </summary>
public class BanditProfileSnapshotTests
{
    static string FixtureDir => Path.Combine(AppContext.BaseDirectory, "Rules", "Fixtures");
    static string SnapshotDir => Path.Combine(RepoPaths.TestSource, "Rules", "Fixtures", "bandit-profile");

    [Theory]
    [InlineData("B301")]
    [InlineData("B602")]
    [InlineData("B604")]
    [InlineData("B605")]
    [InlineData("B307")]
    [InlineData("B102")]
    [InlineData("B608")]
    public void Bandit_profile_findings_are_unchanged(string ruleId)
    {
        var settings = new ScanSettings { Select = [ruleId], Profile = RuleProfile.Bandit };
        var actual = RuleFixtureTests.Run(ruleId, Path.Combine(FixtureDir, ruleId + ".py"), settings);
        Snapshot.Match(Path.Combine(SnapshotDir, ruleId + ".expected"), actual);
    }
}
