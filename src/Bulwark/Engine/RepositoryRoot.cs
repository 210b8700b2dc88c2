namespace Bulwark.Engine;

/// <summary>
/// The directory report paths are relative to, and where configuration discovery stops: the enclosing git work tree
/// (a directory holding `.git`, a folder or a worktree's file), else the current directory when the scanned paths
/// are inside it, else the scanned paths' common directory.
/// </summary>
public static class RepositoryRoot
{
    /// <summary>The repository root for these scan paths (absolute, without a trailing separator).</summary>
    public static string For(IReadOnlyList<string> paths, string? currentDirectory = null)
    {
        if (paths.Count == 0) paths = ["."];
        var full = paths.Select(p => Trim(Path.GetFullPath(p))).ToList();
        var common = CommonDirectory(full);
        if (GitWorkTree(common) is { } git) return git;
        var cwd = Trim(Path.GetFullPath(currentDirectory ?? Directory.GetCurrentDirectory()));
        return IsInside(common, cwd) ? cwd : common;
    }

    /// <summary>The nearest directory at or above <paramref name="directory"/> that holds `.git`; null when there is none.</summary>
    public static string? GitWorkTree(string directory)
    {
        for (var d = new DirectoryInfo(directory); d is not null; d = d.Parent)
        {
            var git = Path.Combine(d.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git)) return Trim(d.FullName);
        }
        return null;
    }

    /// <summary>The deepest directory that contains every path (a file counts by its directory).</summary>
    public static string CommonDirectory(IReadOnlyList<string> fullPaths)
    {
        // The deepest path that holds or is every path, found from the strings alone. A path strictly inside it has its
        // directory inside it too, so only when some path is that very path does it matter whether it is a directory:
        // one check, not one per path (a response file names tens of thousands).
        var common = fullPaths[0];
        foreach (var p in fullPaths)
            while (!IsInside(p, common))
                common = Path.GetDirectoryName(common) ?? "/";
        foreach (var p in fullPaths)
            if (p == common) return Directory.Exists(p) ? common : Path.GetDirectoryName(common) ?? "/";
        return common;
    }

    public static bool IsInside(string path, string directory) =>
        path == directory || directory == "/" || path.StartsWith(directory.TrimEnd('/') + "/", StringComparison.Ordinal);

    static string Trim(string p) => p.Length > 1 ? p.TrimEnd('/') : p;
}
