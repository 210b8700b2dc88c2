using Bulwark.Core;
using Bulwark.Dependencies.Manifests;

namespace Bulwark.Dependencies;

/// <summary>Finds and parses the manifests under a directory for commands that run outside a scan (fix, sbom).</summary>
public static class ProjectManifests
{
    static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", "node_modules", ".venv", "venv", "env", ".tox", ".nox", "__pycache__", "site-packages", ".mypy_cache", "build", "dist",
    };

    /// <summary>The project directory for <paramref name="target"/>: itself, or a manifest file's directory.</summary>
    public static string RootOf(string target)
    {
        var full = Path.GetFullPath(target);
        return File.Exists(full) ? Path.GetDirectoryName(full)! : full;
    }

    public static ManifestSet Load(string root)
    {
        root = Path.GetFullPath(root);
        var files = new List<(string, string)>();
        if (File.Exists(root))
        {
            var dir = Path.GetDirectoryName(root)!;
            return ManifestSet.Load(dir, [(root, Path.GetFileName(root))], Read);
        }
        Walk(root, root, files);
        files.Sort((a, b) => string.CompareOrdinal(a.Item2, b.Item2));
        return ManifestSet.Load(root, files, Read);
    }

    static void Walk(string root, string dir, List<(string, string)> files)
    {
        foreach (var f in Directory.EnumerateFiles(dir))
        {
            // Only regular files of the project: a link (in or out) or a FIFO named like a manifest is neither read nor edited.
            if (FileTypes.Of(f, followLinks: false) != FileType.Regular) continue;
            var rel = Path.GetRelativePath(root, f).Replace('\\', '/');
            if (ManifestParsers.KindOf(rel) is not null) files.Add((f, rel));
        }
        foreach (var d in Directory.EnumerateDirectories(dir))
        {
            var info = new DirectoryInfo(d);
            if (SkippedDirectories.Contains(info.Name) || info.LinkTarget is not null) continue;
            Walk(root, d, files);
        }
    }

    static string? Read(string path) => BoundedFile.ReadText(path, BoundedFile.MaxManifestBytes, out _);
}
