using System.Globalization;
using System.Text;
using Bulwark.Core;

namespace Bulwark.Engine;

/// <summary>
/// What exactly was checked, so an auditor can tell one scan's evidence from another's: tool version, rule set,
/// configuration, advisory database, the scanned files' contents and the git revision. Deterministic for the
/// same input (no clock).
/// </summary>
public sealed record ScanEvidence
{
    /// <summary>SHA-256 over the sorted rule ids that ran, one per line.</summary>
    public required string RuleSetDigest { get; init; }
    public required int RuleCount { get; init; }
    /// <summary>SHA-256 over a canonical text of the effective settings (configuration file and command line merged).</summary>
    public required string ConfigurationDigest { get; init; }
    /// <summary>
    /// SHA-256 over the manifest of the files read, sorted by path: one `sha256-of-content  relative/path` line each
    /// (the `sha256sum` format), so it can be reproduced with standard tools.
    /// </summary>
    public required string FilesDigest { get; init; }
    public required int FilesHashed { get; init; }
    /// <summary>Null when no dependency rule opened the advisory database.</summary>
    public AdvisoryDatabaseInfo? AdvisoryDatabase { get; init; }
    public string? GitCommit { get; init; }
    public string? GitBranch { get; init; }

    public static readonly ScanEvidence Empty = new()
    {
        RuleSetDigest = Sha256Hex(""), RuleCount = 0, ConfigurationDigest = Sha256Hex(""), FilesDigest = Sha256Hex(""), FilesHashed = 0,
    };

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(Sha256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string RuleSetDigestOf(IEnumerable<string> ruleIds)
    {
        var ids = new List<string>(ruleIds);
        ids.Sort(StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var id in ids) sb.Append(id).Append('\n');
        return Sha256Hex(sb.ToString());
    }

    /// <summary>The `sha256sum`-style manifest of (path, content digest) pairs, sorted by path, and its digest.</summary>
    public static (string Digest, int Count) FilesDigestOf(IEnumerable<(string Path, byte[] Sha256)> files)
    {
        var list = new List<(string Path, byte[] Sha256)>(files);
        list.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var sb = new StringBuilder();
        foreach (var (path, sha) in list) sb.Append(Convert.ToHexStringLower(sha)).Append("  ").Append(path).Append('\n');
        return (Sha256Hex(sb.ToString()), list.Count);
    }

    /// <summary>A canonical, order-independent text of the settings that change what a scan reports.</summary>
    public static string ConfigurationDigestOf(ScanSettings s)
    {
        var sb = new StringBuilder();
        void Line(string key, string value) => sb.Append(key).Append('=').Append(value).Append('\n');
        static string List(IEnumerable<string> items) => string.Join(",", items);
        Line("profile", s.Profile.ToString());
        Line("select", List(s.Select));
        Line("extend-select", List(s.ExtendSelect));
        Line("ignore", List(s.Ignore));
        Line("severity", s.MinSeverity.Name());
        Line("confidence", s.MinConfidence.Name());
        Line("exclude", List(s.Exclude));
        Line("include", List(s.Include));
        foreach (var (glob, ids) in s.PerFileIgnores) Line("per-file-ignores." + glob, List(ids));
        var ruleIds = new List<string>(s.RuleOptions.Keys);
        ruleIds.Sort(StringComparer.Ordinal);
        foreach (var id in ruleIds)
        {
            var keys = new List<string>(s.RuleOptions[id].Keys);
            keys.Sort(StringComparer.Ordinal);
            foreach (var k in keys) Line($"rule-options.{id}.{k}", ValueText(s.RuleOptions[id][k]));
        }
        Line("ignore-nosec", s.IgnoreNosec ? "true" : "false");
        Line("respect-gitignore", s.RespectGitignore ? "true" : "false");
        // Only when changed: the digests of scans configured as before stay what they were.
        if (!s.TaintTestPaths.SequenceEqual(ScanSettings.DefaultTaintTestPaths)) Line("taint.test-paths", List(s.TaintTestPaths));
        return Sha256Hex(sb.ToString());
    }

    static string ValueText(object value) => value switch
    {
        string str => str,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable e => string.Join(",", e.Cast<object>().Select(ValueText)),
        _ => value.ToString() ?? "",
    };

    /// <summary>The commit and branch of the git work tree containing <paramref name="root"/>, read from `.git` without running git.</summary>
    public static (string? Commit, string? Branch) GitRevision(string root)
    {
        try
        {
            for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            {
                var dotGit = Path.Combine(dir.FullName, ".git");
                string gitDir;
                if (Directory.Exists(dotGit)) gitDir = dotGit;
                else if (File.Exists(dotGit))
                {
                    // A worktree or submodule: "gitdir: PATH".
                    var line = ReadSmall(dotGit)?.Trim() ?? "";
                    if (!line.StartsWith("gitdir:", StringComparison.Ordinal)) return (null, null);
                    gitDir = Path.GetFullPath(Path.Combine(dir.FullName, line[7..].Trim()));
                }
                else continue;
                var head = ReadSmall(Path.Combine(gitDir, "HEAD"))?.Trim() ?? "";
                if (!head.StartsWith("ref:", StringComparison.Ordinal)) return (IsSha(head) ? head : null, null);
                var reference = head[4..].Trim();
                // Only a branch-like name under refs/: never a rooted path or `..` that would lead out of the git directory.
                if (!IsSafeReference(reference)) return (null, null);
                var branch = reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference["refs/heads/".Length..] : reference;
                var common = gitDir;
                var commonFile = Path.Combine(gitDir, "commondir");
                if (ReadSmall(commonFile)?.Trim() is { Length: > 0 } commonDir) common = Path.GetFullPath(Path.Combine(gitDir, commonDir));
                foreach (var d in new[] { gitDir, common })
                {
                    var loose = Path.Combine(d, reference);
                    if (ReadSmall(loose)?.Trim() is { } sha && IsSha(sha)) return (sha, branch);
                }
                var packed = Path.Combine(common, "packed-refs");
                if (BoundedFile.ReadText(packed, MaxPackedRefsBytes, out _) is { } packedText)
                    foreach (var line in packedText.Split('\n'))
                        if (line.Length > 41 && line[40] == ' ' && line[41..] == reference && IsSha(line[..40])) return (line[..40], branch);
                return (null, branch);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException) { }
        return (null, null);
    }

    // The scanned repository's `.git` is untrusted like the rest of it: every file is read only when it is a regular
    // file (a FIFO never blocks the scan) and only up to a bound (`ref: /dev/zero` is not read at all).
    const long MaxGitFileBytes = 4096, MaxPackedRefsBytes = 64L * 1024 * 1024;

    static string? ReadSmall(string path) => BoundedFile.ReadText(path, MaxGitFileBytes, out _);

    static bool IsSafeReference(string reference)
    {
        if (!reference.StartsWith("refs/", StringComparison.Ordinal) || Path.IsPathRooted(reference)) return false;
        foreach (var part in reference.Split('/'))
            if (part is "" or "." or "..") return false;
        foreach (var c in reference) if (char.IsControl(c) || c == '\\') return false;
        return true;
    }

    static bool IsSha(string s)
    {
        if (s.Length is not (40 or 64)) return false;
        foreach (var c in s) if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c)) return false;
        return true;
    }
}
