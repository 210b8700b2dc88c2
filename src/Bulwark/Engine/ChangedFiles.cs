using System.Text;
using Bulwark.Core;
using Bulwark.Secrets;

namespace Bulwark.Engine;

/// <summary>
/// `scan --changed-since REF`: the files of a scan root that differ from a git revision — changed by commits since
/// the merge base of REF and HEAD, staged, unstaged, or untracked and not ignored. Asks git without a shell.
/// </summary>
public static class ChangedFiles
{
    /// <summary>
    /// Paths relative to <paramref name="root"/> (forward slashes) of the files under it that changed since
    /// <paramref name="revision"/>. Throws <see cref="ConfigException"/> when the root is not in a git work tree,
    /// the revision is unknown, or git fails.
    /// </summary>
    public static HashSet<string> Since(string root, string revision)
    {
        if (revision.Length == 0 || revision.StartsWith('-') || revision.Any(char.IsControl))
            throw new ConfigException($"--changed-since: '{Printable(revision)}' is not a revision");
        if (!Directory.Exists(root)) throw new ConfigException($"--changed-since: {root} is not a directory");
        // `--show-prefix` is where the root sits inside the work tree; it fails outside one (and in a bare repository).
        var prefix = GitCli.Run(root, ["rev-parse", "--is-inside-work-tree", "--show-prefix"]) is { } answer
            && answer.Split('\n') is [ "true", var p, .. ] ? p : null;
        if (prefix is null)
            throw new ConfigException($"--changed-since: {root} is not inside a git work tree (or git is not installed)");
        if (GitCli.Run(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"])?.Trim() is not { Length: > 0 } commit)
            throw new ConfigException($"--changed-since: unknown revision '{Printable(revision)}'");
        // Changes on this branch only: diff against the merge base, so commits made on REF's side since are not ours.
        // An unborn HEAD (no commit yet) or unrelated histories have none: then against REF itself.
        var since = GitCli.Run(root, ["merge-base", "--end-of-options", commit, "HEAD"])?.Trim() is { Length: > 0 } b ? b : commit;

        // `git diff <commit>` compares the commit with the work tree: committed, staged and unstaged changes alike.
        // Comparing with the work tree re-hashes changed files through the clean/process filters that the repository's
        // own .git/config names (`filter.x.clean = any command`): each one is emptied on the command line, which wins.
        var diff = GitCli.Run(root, [.. FilterOverrides(root), "diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", "--no-textconv",
            "--diff-filter=d", "--end-of-options", since, "--", "."], timeoutMs: 120_000)
            ?? throw new ConfigException("--changed-since: git diff failed");
        var untracked = GitCli.Run(root, ["ls-files", "-z", "--others", "--exclude-standard", "--", "."], timeoutMs: 120_000)
            ?? throw new ConfigException("--changed-since: git ls-files failed");

        // Both list paths from the top of the work tree (`diff`) or from the current directory (`ls-files`).
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in diff.Split('\0', StringSplitOptions.RemoveEmptyEntries))
            if (path.StartsWith(prefix, StringComparison.Ordinal)) changed.Add(path[prefix.Length..]);
        foreach (var path in untracked.Split('\0', StringSplitOptions.RemoveEmptyEntries))
            changed.Add(path);
        return changed;
    }

    /// <summary>`-c filter.NAME.clean= -c filter.NAME.smudge= -c filter.NAME.process= -c filter.NAME.required=false` for every filter driver configured.</summary>
    static List<string> FilterOverrides(string root)
    {
        var args = new List<string>();
        var keys = GitCli.Run(root, ["config", "-z", "--name-only", "--get-regexp", "^filter\\."]) ?? "";
        var drivers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // filter.<driver>.<setting>; the driver name may itself contain dots.
            int last = key.LastIndexOf('.');
            if (last > "filter.".Length) drivers.Add(key["filter.".Length..last]);
        }
        foreach (var d in drivers)
            foreach (var setting in (string[])["clean=", "smudge=", "process=", "required=false"])
            {
                args.Add("-c");
                args.Add($"filter.{d}.{setting}");
            }
        return args;
    }

    static string Printable(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Length > 80 ? s[..80] : s) sb.Append(char.IsControl(c) ? '?' : c);
        return sb.ToString();
    }
}
