namespace Bulwark.Tests.Support;

/// <summary>Expected-output files beside the fixtures: compared, or (re)written with BULWARK_UPDATE_SNAPSHOTS=1 for review.</summary>
public static class Snapshot
{
    public static void Match(string expectedPath, string actual)
    {
        if (Environment.GetEnvironmentVariable("BULWARK_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(expectedPath, actual);
            return;
        }
        Assert.True(File.Exists(expectedPath), $"missing snapshot {expectedPath}; run with BULWARK_UPDATE_SNAPSHOTS=1 and review it");
        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), actual);
    }
}
