namespace Bulwark.Core;

/// <summary>Where a path really leads, and whether that is inside the project: what a repository names is followed only inside it.</summary>
public static class ProjectPath
{
    const int MaxLinks = 40; // as Linux's ELOOP limit

    /// <summary>The absolute path with every symbolic link resolved (a missing tail is kept as written).</summary>
    public static string Real(string path)
    {
        var pending = new Stack<string>();
        var full = Path.GetFullPath(path);
        foreach (var part in Components(full, reverse: true)) pending.Push(part);
        var current = Path.GetPathRoot(full) ?? "/";
        int links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".") continue;
            if (part == "..") { current = Path.GetDirectoryName(current) ?? current; continue; }
            var next = Path.Combine(current, part);
            if (links < MaxLinks && FileTypes.Of(next, followLinks: false) == FileType.SymbolicLink)
            {
                string? target = null;
                try { target = new FileInfo(next).LinkTarget; }
                catch (IOException) { }
                if (target is not null)
                {
                    links++;
                    if (Path.IsPathRooted(target)) current = Path.GetPathRoot(target) ?? "/";
                    foreach (var t in Components(target, reverse: true)) pending.Push(t);
                    continue;
                }
            }
            current = next;
        }
        return current;
    }

    static IEnumerable<string> Components(string path, bool reverse)
    {
        var parts = path.Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        if (reverse) Array.Reverse(parts);
        return parts;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or below it (both absolute, compared as written).</summary>
    public static bool IsInside(string path, string root)
    {
        root = root.Length > 1 ? root.TrimEnd('/', Path.DirectorySeparatorChar) : root;
        if (path == root) return true;
        var prefix = root.EndsWith('/') || root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>True when <paramref name="path"/>, links and `..` resolved, stays inside <paramref name="root"/> (links resolved too).</summary>
    public static bool ResolvesInside(string path, string root) => IsInside(Real(path), Real(root));
}
