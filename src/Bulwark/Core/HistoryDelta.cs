namespace Bulwark.Core;

/// <summary>One recorded scan, as `bulwark history` lists it.</summary>
public sealed record HistoryScan
{
    public required long Id { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public string? Branch { get; init; }
    public string? Commit { get; init; }
    /// <summary>The scanned paths relative to the scan's root, one per line (scans of different paths are not compared).</summary>
    public required string Paths { get; init; }
    public required string ToolVersion { get; init; }
    /// <summary>The advisory database's content digest and import date, when a dependency rule opened it.</summary>
    public string? AdvisoryDatabase { get; init; }
    public DateTimeOffset? AdvisoryDatabaseDate { get; init; }
    public required string ConfigurationDigest { get; init; }
    public required string RuleSetDigest { get; init; }
    public required string FilesDigest { get; init; }
    public required int Files { get; init; }
    public required int Findings { get; init; }
    /// <summary>Findings by severity, indexed by <see cref="Severity"/>.</summary>
    public required int[] BySeverity { get; init; }
}

/// <summary>A finding as the history keeps it: its fingerprint and what is needed to show it (never its message or code).</summary>
public sealed record HistoryFinding(string Fingerprint, string RuleId, Severity Severity, string Path, int Line);

/// <summary>
/// What changed since the previous recorded scan of the same branch and paths: findings new in this scan (by
/// fingerprint), findings fixed since, and the earlier scans for a trend. <see cref="Previous"/> is null for the
/// first recorded scan, and then nothing is counted as new or fixed.
/// </summary>
public sealed record HistoryDelta
{
    public string? Branch { get; init; }
    public HistoryScan? Previous { get; init; }
    /// <summary>Fingerprints of this scan's findings that the previous scan did not have.</summary>
    public IReadOnlySet<string> NewFingerprints { get; init; } = new HashSet<string>();
    /// <summary>The previous scan's findings this scan no longer has, sorted by path, line, rule.</summary>
    public IReadOnlyList<HistoryFinding> Fixed { get; init; } = [];
    public int Unchanged { get; init; }
    /// <summary>Earlier scans of the same branch and paths, oldest first (at most 30).</summary>
    public IReadOnlyList<HistoryScan> Trend { get; init; } = [];

    public int New => NewFingerprints.Count;
    public bool IsNew(Finding f) => Previous is not null && NewFingerprints.Contains(f.Fingerprint);
}

/// <summary>The two sides of `bulwark history diff A B`.</summary>
public sealed record HistoryDiff(HistoryScan From, HistoryScan To, IReadOnlyList<HistoryFinding> New, IReadOnlyList<HistoryFinding> Fixed, IReadOnlyList<HistoryFinding> Unchanged);
