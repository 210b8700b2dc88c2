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
