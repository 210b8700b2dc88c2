
namespace Bulwark.Core;

/// <summary>
/// The `.gitignore` rules that apply inside one directory: its own file's patterns plus every ancestor's,
/// in order, the last matching pattern deciding (`!pattern` re-includes).
/// </summary>
public sealed class Gitignore
{
    readonly record struct Pattern(string BaseDir, string Glob, bool Negate, bool DirOnly, bool Anchored);

    readonly Pattern[] _patterns;

    Gitignore(Pattern[] patterns) => _patterns = patterns;

    public static readonly Gitignore Empty = new([]);

    /// <summary>Rules in force above the scan root: `.gitignore` files from the repository root (the directory holding `.git`) down to <paramref name="root"/>.</summary>
    public static Gitignore ForRoot(string root)
    {
        root = Path.GetFullPath(root);
        var chain = new List<string>();
        string? repository = null;
        for (var d = new DirectoryInfo(root); d is not null; d = d.Parent)
        {
            chain.Add(d.FullName);
            if (Directory.Exists(Path.Combine(d.FullName, ".git")) || File.Exists(Path.Combine(d.FullName, ".git")))
            {
                repository = d.FullName;
                break;
            }
        }
        if (repository is null) chain = [root]; // not in a repository: only the root's own file
        chain.Reverse();
        var result = Empty;
        foreach (var dir in chain)
        {
            if (dir == repository && FileTypes.Of(Path.Combine(dir, ".git", "info", "exclude")) == FileType.Regular)
                result = result.WithFile(Path.Combine(dir, ".git", "info", "exclude"), dir);
            result = result.WithDirectory(dir);
        }
        return result;
    }

    /// <summary>Adds the `.gitignore` of <paramref name="dir"/>, if it has one.</summary>
    public Gitignore WithDirectory(string dir)
    {
        var file = Path.Combine(dir, ".gitignore");
        return FileTypes.Of(file, followLinks: false) == FileType.Regular ? WithFile(file, dir) : this;
    }

    Gitignore WithFile(string file, string baseDir)
    {
        // Only a regular file, read with a size cap: a FIFO named `.gitignore` must not hang the scan.
        var text = BoundedFile.ReadText(file, BoundedFile.MaxConfigBytes, out _);
        if (text is null) return this;
        var lines = text.Split('\n');
        var added = new List<Pattern>(_patterns);
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            // Trailing spaces are ignored unless escaped.
            while (line.EndsWith(' ') && !line.EndsWith("\\ ")) line = line[..^1];
            if (line.Length == 0 || line[0] == '#') continue;
            bool negate = line[0] == '!';
            if (negate) line = line[1..];
            if (line.StartsWith("\\#") || line.StartsWith("\\!")) line = line[1..];
            bool dirOnly = line.EndsWith('/');
            line = line.TrimEnd('/');
            if (line.Length == 0) continue;
            bool anchored = line.Contains('/');
            line = line.TrimStart('/');
            if (line.StartsWith("**/")) { anchored = true; }
            added.Add(new Pattern(baseDir, line, negate, dirOnly, anchored));
        }
        return new Gitignore(added.ToArray());
    }

    public bool IsIgnored(string fullPath, bool isDirectory)
    {
        bool ignored = false;
        // The path below a pattern's directory, worked out once per directory (patterns of one file share it).
        string? baseDir = null;
        ReadOnlySpan<char> rel = default, name = default;
        foreach (var p in _patterns)
        {
            if (ignored != p.Negate) continue; // this pattern cannot change the outcome
            if (p.DirOnly && !isDirectory) continue;
            if (!ReferenceEquals(p.BaseDir, baseDir))
            {
                baseDir = p.BaseDir;
                rel = fullPath.Length > baseDir.Length + 1 && fullPath.StartsWith(baseDir, StringComparison.Ordinal)
                    ? fullPath.AsSpan(baseDir.Length + 1) : default;
                if (rel.Contains('\\')) rel = rel.ToString().Replace('\\', '/');
                name = Path.GetFileName(rel);
            }
            if (rel.Length == 0) continue;
            bool match = p.Anchored
                ? Glob.Match(p.Glob.AsSpan(), rel, segments: true)
                : Glob.Match(p.Glob.AsSpan(), name);
            if (match) ignored = !p.Negate;
        }
        return ignored;
    }
}
