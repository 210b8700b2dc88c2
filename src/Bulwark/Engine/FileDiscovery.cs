using Bulwark.Core;

namespace Bulwark.Engine;

/// <summary>
/// Walks the scan roots: honours `.gitignore`, default and configured excludes and includes, never follows a
/// symbolic link out of the scan root, visits each real directory once, and returns files in a stable order.
/// </summary>
public sealed class FileDiscovery(ScanSettings settings)
{
    /// <summary>Directory names never worth scanning: VCS data, virtualenvs, caches, installed packages and build outputs.</summary>
    public static readonly string[] DefaultExcludes =
    [
        ".git", ".hg", ".svn", ".bzr", ".tox", ".nox", ".venv", "venv", ".virtualenv", "__pypackages__", "site-packages",
        "dist-packages", "node_modules", "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".hypothesis",
        ".eggs", "*.egg-info", "build", "dist", ".idea", ".vscode",
    ];

    static readonly string[] PythonExtensions = [".py", ".pyw"];

    public List<string> Warnings { get; } = [];

    public static bool IsPythonPath(string path) =>
        PythonExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>Files under <paramref name="root"/> (a directory). Paths are relative to it.</summary>
    public List<DiscoveredFile> Discover(string root)
    {
        root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        if (root.Length == 0) root = "/";
        var realRoot = RealPath(root);
        var files = new List<DiscoveredFile>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var ignore = settings.RespectGitignore ? Gitignore.ForRoot(root) : Gitignore.Empty;
        Walk(root, "", realRoot, ignore, visited, files);
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    void Walk(string dir, string rel, string realRoot, Gitignore ignore, HashSet<string> visited, List<DiscoveredFile> files)
    {
        var realDir = RealPath(dir);
        if (!visited.Add(realDir)) return; // a link back to a directory already walked
        if (settings.RespectGitignore && rel.Length > 0) ignore = ignore.WithDirectory(dir);

        IEnumerable<FileSystemInfo> entries;
        try { entries = new DirectoryInfo(dir).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Warnings.Add($"{(rel.Length == 0 ? "." : rel)}: cannot list directory: {ex.Message}");
            return;
        }

        foreach (var entry in entries)
        {
            var childRel = rel.Length == 0 ? entry.Name : rel + "/" + entry.Name;
            bool isLink = entry.LinkTarget is not null;
            bool isDir = entry is DirectoryInfo;
            if (isLink)
            {
                // Follow a link only when its target stays inside the scan root.
                FileSystemInfo? target;
                try { target = entry.ResolveLinkTarget(returnFinalTarget: true); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { target = null; }
                if (target is null || !target.Exists) continue;
                var real = RealPath(target.FullName);
                if (!IsInside(real, realRoot)) continue;
                isDir = target is DirectoryInfo;
            }

            if (isDir)
            {
                if (IsDefaultExcluded(entry.FullName, entry.Name) || IsVirtualenv(entry.FullName)) continue;
                if (Excluded(childRel) || ignore.IsIgnored(entry.FullName, isDirectory: true)) continue;
                Walk(entry.FullName, childRel, realRoot, ignore, visited, files);
            }
            else
            {
                if (Excluded(childRel) || ignore.IsIgnored(entry.FullName, isDirectory: false)) continue;
                if (settings.Include.Count > 0 && !settings.Include.Any(g => Glob.IsMatch(g, childRel))) continue;
                long length;
                try { length = new FileInfo(entry.FullName).Length; } catch (IOException) { continue; }
                files.Add(new DiscoveredFile(entry.FullName, childRel, IsPythonPath(entry.Name), length));
            }
        }
    }

    bool Excluded(string rel)
    {
        foreach (var g in settings.Exclude) if (Glob.IsMatch(g, rel)) return true;
        return false;
    }

    /// <summary>Generic names that a Python package may also have (`pip/_internal/operations/build`, the stdlib's `venv`).</summary>
    static readonly string[] PackageNames = ["build", "dist", "venv"];

    static bool IsDefaultExcluded(string fullPath, string name)
    {
        foreach (var g in DefaultExcludes)
        {
            if (!Glob.Match(g.AsSpan(), name.AsSpan())) continue;
            // A package named like a build output is source code, not an output: keep it.
            if (PackageNames.Contains(name) && File.Exists(Path.Combine(fullPath, "__init__.py"))) return false;
            return true;
        }
        return false;
    }

    // A virtual environment under any name: it holds a pyvenv.cfg.
    static bool IsVirtualenv(string dir) => File.Exists(Path.Combine(dir, "pyvenv.cfg"));

    static bool IsInside(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);

    /// <summary>The path with every symbolic link in it resolved.</summary>
    public static string RealPath(string path) => RealPath(path, 0);

    static string RealPath(string path, int depth)
    {
        var full = Path.GetFullPath(path);
        var parts = full.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = "/";
        for (int i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } target && depth < 40)
            {
                var resolved = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target));
                var rest = string.Join('/', parts[(i + 1)..]);
                return RealPath(rest.Length > 0 ? Path.Combine(resolved, rest) : resolved, depth + 1);
            }
            current = next;
        }
        return current;
    }
}
