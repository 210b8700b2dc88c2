namespace Bulwark.Documents.GitHubActions;

public enum UsesKind { Repository, Local, Docker }

/// <summary>
/// A parsed `uses:` value: `owner/repo[/path]@ref` (an action or reusable workflow in a repository),
/// `./path` (in this repository) or `docker://image[:tag][@digest]`.
/// </summary>
public sealed record UsesRef(string Raw, UsesKind Kind, string Owner, string Repo, string Path, string? Ref, string? Image)
{
    /// <summary>`owner/repo`, lower-cased, for comparisons.</summary>
    public string Slug => (Owner + "/" + Repo).ToLowerInvariant();

    /// <summary>Pinned to a full 40-hex commit SHA.</summary>
    public bool IsCommitSha => Ref is { Length: 40 } r && IsHex(r);

    /// <summary>True for `owner/repo` (any path, any ref), compared case-insensitively; `owner/*` matches every repository of the owner.</summary>
    public bool Is(string ownerRepo)
    {
        if (Kind != UsesKind.Repository) return false;
        int slash = ownerRepo.IndexOf('/');
        var owner = ownerRepo[..slash];
        var repo = ownerRepo[(slash + 1)..];
        int path = repo.IndexOf('/');
        if (path >= 0)
            return Owner.Equals(owner, StringComparison.OrdinalIgnoreCase) &&
                   (Repo + "/" + Path).Equals(repo, StringComparison.OrdinalIgnoreCase);
        return Owner.Equals(owner, StringComparison.OrdinalIgnoreCase) && (repo == "*" || Repo.Equals(repo, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Exactly `owner/repo` or `owner/repo/path` (no other sub-action of the repository), case-insensitively.</summary>
    public bool IsExactly(string action)
    {
        if (Kind != UsesKind.Repository) return false;
        var name = Path.Length > 0 ? $"{Owner}/{Repo}/{Path}" : $"{Owner}/{Repo}";
        return name.Equals(action, StringComparison.OrdinalIgnoreCase);
    }

    public static UsesRef Parse(string raw)
    {
        var s = raw.Trim();
        if (s.StartsWith("docker://", StringComparison.OrdinalIgnoreCase))
            return new UsesRef(raw, UsesKind.Docker, "", "", "", null, s["docker://".Length..]);
        if (s.StartsWith("./", StringComparison.Ordinal) || s.StartsWith(".\\", StringComparison.Ordinal) || s == ".")
            return new UsesRef(raw, UsesKind.Local, "", "", s, null, null);
        string? gitRef = null;
        int at = s.LastIndexOf('@');
        if (at >= 0) { gitRef = s[(at + 1)..]; s = s[..at]; }
        var parts = s.Split('/', 3);
        return new UsesRef(raw, UsesKind.Repository, parts[0], parts.Length > 1 ? parts[1] : "", parts.Length > 2 ? parts[2] : "",
            string.IsNullOrEmpty(gitRef) ? null : gitRef, null);
    }

    static bool IsHex(string s)
    {
        foreach (var c in s) if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }
}

/// <summary>A container image reference: `registry/name[:tag][@sha256:digest]`.</summary>
public sealed record ImageRef(string Raw, string Name, string? Tag, string? Digest)
{
    public static ImageRef Parse(string raw)
    {
        var s = raw.Trim();
        if (s.StartsWith("docker://", StringComparison.OrdinalIgnoreCase)) s = s["docker://".Length..];
        string? digest = null;
        int at = s.IndexOf('@');
        if (at >= 0) { digest = s[(at + 1)..]; s = s[..at]; }
        string? tag = null;
        int colon = s.LastIndexOf(':');
        // A colon before the last '/' belongs to a registry port (`localhost:5000/app`), not a tag.
        if (colon > s.LastIndexOf('/')) { tag = s[(colon + 1)..]; s = s[..colon]; }
        return new ImageRef(raw, s, string.IsNullOrEmpty(tag) ? null : tag, string.IsNullOrEmpty(digest) ? null : digest);
    }
}
