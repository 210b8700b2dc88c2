namespace Bulwark.Tests.Support;

/// <summary>Locates the repository, the test project's source folder, and the shared data folder beside the repository.</summary>
public static class RepoPaths
{
    public static string RepoRoot { get; } = FindUp(AppContext.BaseDirectory, d => File.Exists(Path.Combine(d, "Bulwark.slnx")))
        ?? throw new InvalidOperationException("cannot find the repository root (Bulwark.slnx) above " + AppContext.BaseDirectory);

    public static string TestSource => Path.Combine(RepoRoot, "tests", "Bulwark.Tests");

    /// <summary>`shared/` beside the repository (CI clones the repository with a copy of shared/ next to it).</summary>
    public static string Shared => FindUp(RepoRoot, d => Directory.Exists(Path.Combine(d, "shared", "advisory-db"))) is { } d
        ? Path.Combine(d, "shared")
        : throw new InvalidOperationException("cannot find shared/advisory-db above " + RepoRoot);

    static string? FindUp(string start, Func<string, bool> found)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            if (found(d.FullName)) return d.FullName;
        return null;
    }
}
