using System.IO.Enumeration;
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
        "dist-packages", "node_modules", "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".hypothesis", ".bulwark",
        ".eggs", "*.egg-info", "build", "dist", ".idea", ".vscode",
    ];

    static readonly string[] PythonExtensions = [".py", ".pyw"];

    public List<string> Warnings { get; } = [];

    /// <summary>What was not analysed and why (special files, dangling links, virtual environments…).</summary>
    public List<SkippedFile> Skipped { get; } = [];

    /// <summary>Directories the default excludes (virtualenvs, site-packages, build outputs…) skipped.</summary>
    public int DefaultExcluded { get; private set; }
    /// <summary>The first few paths the default excludes skipped, for the "nothing scanned" note.</summary>
    public List<string> DefaultExcludedExamples { get; } = [];

    public static bool IsPythonPath(string path) =>
        PythonExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>Files under <paramref name="root"/> (a directory). Paths are relative to it.</summary>
    public List<DiscoveredFile> Discover(string root)
    {
        var files = new List<DiscoveredFile>();
        Discover(root, files.Add);
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    /// <summary>
    /// Walks <paramref name="root"/> and hands each file to <paramref name="found"/> as it is met (directory by
    /// directory, each directory's entries in ordinal order), so that a scan can analyse files while the walk goes on.
    /// </summary>
    public void Discover(string root, Action<DiscoveredFile> found)
    {
        root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        if (root.Length == 0) root = "/";
        var realRoot = RealPath(root);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var ignore = settings.RespectGitignore ? Gitignore.ForRoot(root) : Gitignore.Empty;
        _ignored.Clear();
        _globPrefix = GlobPrefix(root);
        Walk(root, "", realRoot, realRoot, ignore, visited, found);
        if (_ignored.Count > 0) ListIgnoredButTracked(root);
    }

    // realDir is carried down the walk (a child's real path is its parent's plus its name unless it is a link), so a
    // directory 1,000 levels deep costs one lstat per entry, not a resolution of its whole path.
    void Walk(string dir, string rel, string realDir, string realRoot, Gitignore ignore, HashSet<string> visited, Action<DiscoveredFile> found)
    {
        if (!visited.Add(realDir)) return; // a link back to a directory already walked
        if (settings.RespectGitignore && rel.Length > 0) ignore = ignore.WithDirectory(dir);

        // Names only: what each entry is comes from one lstat below (a FileSystemInfo costs a stat of its own).
        List<(string Name, string FullName)> entries;
        try { entries = new FileSystemEnumerable<(string, string)>(dir, (ref FileSystemEntry e) => (e.FileName.ToString(), e.ToFullPath()), ListingOptions)
                  .OrderBy(e => e.Item1, StringComparer.Ordinal).ToList(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Warnings.Add($"{(rel.Length == 0 ? "." : Untrusted.Visible(rel))}: cannot list directory: {ex.Message}");
            return;
        }

        foreach (var entry in entries)
        {
            var childRel = rel.Length == 0 ? entry.Name : rel + "/" + entry.Name;
            var kind = FileTypes.Of(entry.FullName, followLinks: false, out long size);
            string childReal = realDir == "/" ? "/" + entry.Name : realDir + "/" + entry.Name;
            if (kind == FileType.Missing)
            {
                // Listed by the directory but not found by its name: a name .NET could not decode (not UTF-8).
                Skip(childRel, entry.Name.Contains('\uFFFD') ? SkipReasons.UndecodableName : SkipReasons.Unreadable);
                continue;
            }
            if (kind == FileType.SymbolicLink)
            {
                // Follow a link only when its target stays inside the scan root.
                childReal = ProjectPath.Real(entry.FullName);
                kind = FileTypes.Of(childReal, followLinks: false, out size);
                if (kind is FileType.Missing or FileType.SymbolicLink)
                {
                    if (!Excluded(childRel)) Skip(childRel, SkipReasons.DanglingSymlink);
                    continue;
                }
                if (!ProjectPath.IsInside(childReal, realRoot))
                {
                    if (!Excluded(childRel)) Skip(childRel, SkipReasons.LinkOutsideRoot);
                    continue;
                }
            }

            if (kind == FileType.Directory)
            {
                if (IsDefaultExcluded(entry.FullName, entry.Name))
                {
                    DefaultExcluded++;
                    if (DefaultExcludedExamples.Count < 3) DefaultExcludedExamples.Add(entry.FullName);
                    continue;
                }
                if (Excluded(childRel)) continue;
                if (ignore.IsIgnored(entry.FullName, isDirectory: true)) { _ignored.Add(childRel + "/"); continue; }
                if (IsVirtualenv(entry.FullName))
                {
                    DefaultExcluded++;
                    if (DefaultExcludedExamples.Count < 3) DefaultExcludedExamples.Add(entry.FullName);
                    Skip(childRel, SkipReasons.Virtualenv, "holds pyvenv.cfg");
                    continue;
                }
                Walk(entry.FullName, childRel, childReal, realRoot, ignore, visited, found);
            }
            else
            {
                if (Excluded(childRel)) continue;
                if (ignore.IsIgnored(entry.FullName, isDirectory: false)) { _ignored.Add(childRel); continue; }
                if (settings.Include.Count > 0 && !settings.Include.Any(g => Glob.IsMatch(g, _globPrefix + childRel))) continue;
                if (kind != FileType.Regular) { Skip(childRel, SkipReasons.SpecialFile, FileTypes.Describe(kind)); continue; }
                found(new DiscoveredFile(entry.FullName, childRel, IsPythonPath(entry.Name), size));
            }
        }
    }

    // Every entry, hidden ones included; a directory that cannot be read is an error, reported as a warning.
    static readonly EnumerationOptions ListingOptions = new()
    {
        AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false, ReturnSpecialDirectories = false,
    };

    void Skip(string rel, string reason, string? detail = null) => Skipped.Add(new SkippedFile(rel, reason, detail));

    // Paths left out by a .gitignore in this walk (directories end in '/'): a committed file that a .gitignore
    // also matches is part of the repository, so leaving it out must not be silent.
    readonly List<string> _ignored = [];

    /// <summary>
    /// Lists, as `gitignored-but-tracked`, the files git tracks that the walk left out because of a `.gitignore`
    /// (one `git ls-files` call, only when something was ignored; nothing when git or a repository is absent).
    /// </summary>
    void ListIgnoredButTracked(string root)
    {
        var output = Secrets.GitCli.Run(root, ["ls-files", "-z", "--cached", "--ignored", "--exclude-standard", "--", "."]);
        if (string.IsNullOrEmpty(output)) return;
        var ignoredFiles = new HashSet<string>(StringComparer.Ordinal);
        var ignoredDirs = new List<string>();
        foreach (var i in _ignored) if (i.EndsWith('/')) ignoredDirs.Add(i); else ignoredFiles.Add(i);
        foreach (var tracked in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            bool ours = ignoredFiles.Contains(tracked);
            for (int k = 0; !ours && k < ignoredDirs.Count; k++) ours = tracked.StartsWith(ignoredDirs[k], StringComparison.Ordinal);
            // Git may also honour patterns this walk does not read (info/exclude, a global excludes file).
            if (ours) Skip(tracked, SkipReasons.IgnoredButTracked, "matched by a .gitignore");
        }
    }

    // Globs are relative to the configuration's directory (ScanSettings.GlobBase): a walk of `tests` under it matches
    // `tests/x.py` against them, not `x.py`.
    string _globPrefix = "";

    string GlobPrefix(string root)
    {
        if (settings.GlobBase is null) return "";
        var p = settings.GlobPath(root, "");
        return p.Length == 0 || p == "." ? "" : p + "/";
    }

    bool Excluded(string rel)
    {
        foreach (var g in settings.Exclude) if (Glob.IsMatch(g, _globPrefix + rel)) return true;
        return false;
    }

    /// <summary>
    /// Whether a file named on the command line is excluded (used only with `--force-exclude`): a configured exclude
    /// matches its path, or a directory on its way from the glob base is a default exclude.
    /// </summary>
    public bool IsExcludedFile(string fullPath)
    {
        var rel = settings.GlobPath(fullPath, Path.GetFileName(fullPath));
        foreach (var g in settings.Exclude) if (Glob.IsMatch(g, rel)) return true;
        var parts = rel.Split('/');
        for (int i = 0; i < parts.Length - 1; i++)
            foreach (var g in DefaultExcludes)
                if (Glob.Match(g.AsSpan(), parts[i].AsSpan())) return true;
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

    /// <summary>The path with every symbolic link in it resolved.</summary>
    public static string RealPath(string path) => ProjectPath.Real(path);
}
