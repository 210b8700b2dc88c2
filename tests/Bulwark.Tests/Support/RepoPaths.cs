namespace Bulwark.Tests.Support;

/// <summary>Locates the repository, and the test project's source folder.</summary>
public static class RepoPaths
{
    public static string RepoRoot { get; } = FindUp(AppContext.BaseDirectory, d => File.Exists(Path.Combine(d, "Bulwark.slnx")))
        ?? throw new InvalidOperationException("cannot find the repository root (Bulwark.slnx) above " + AppContext.BaseDirectory);

    public static string TestSource => Path.Combine(RepoRoot, "tests", "Bulwark.Tests");

    static string? FindUp(string start, Func<string, bool> found)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            if (found(d.FullName)) return d.FullName;
        return null;
    }
}
