using Bulwark.Core;

namespace Bulwark.Engine;

/// <summary>How many findings each mechanism hid from the report.</summary>
public sealed record SuppressionCounts(int Nosec, int Inline, int Baseline, int Config)
{
    public static readonly SuppressionCounts None = new(0, 0, 0, 0);
    public int Total => Nosec + Inline + Baseline + Config;
}

/// <summary>Everything a reporter needs; reporters know nothing about Python or rules' internals.</summary>
public sealed record ScanResult
{
    /// <summary>Absolute path that relative finding paths are relative to (%SRCROOT% in SARIF).</summary>
    public required string Root { get; init; }
    /// <summary>Sorted by path, line, column, rule id.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }
    /// <summary>Every rule that ran, sorted by id (SARIF rule descriptors).</summary>
    public required IReadOnlyList<RuleInfo> Rules { get; init; }
    public int FilesScanned { get; init; }
    /// <summary>Binary, too large or unreadable files that were skipped.</summary>
    public int FilesSkipped { get; init; }
    /// <summary>Files and directories not analysed, with the reason (special files, dangling links, size…), sorted by path.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; init; } = [];
    /// <summary>
    /// What the scan needed and could not read (the advisory database, a lockfile) or a project rule that failed:
    /// the result is incomplete, and the CLI exits with 2 after writing the report. Each is also in <see cref="Warnings"/>.
    /// </summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
    /// <summary>What `--baseline` did (null without one): findings hidden, stale and mismatched entries.</summary>
    public BaselineOutcome? Baseline { get; init; }
    public SuppressionCounts Suppressed { get; init; } = SuppressionCounts.None;
    /// <summary>One-line notes for the user (stale advisory database, unreadable file…).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>The security-practice scorecard, when the scan was asked for it (`bulwark posture`, `scan` of a directory).</summary>
    public Posture.PostureReport? Posture { get; init; }
    public TimeSpan Elapsed { get; init; }
    /// <summary>The configuration file the scan read (with whose format it is), or null when it read none.</summary>
    public string? ConfigPath { get; init; }
    /// <summary>What exactly was checked: rule set, configuration, advisory database and file digests, git revision.</summary>
    public ScanEvidence Evidence { get; init; } = ScanEvidence.Empty;
    /// <summary>When the scan started; reports show it only when asked (`--timing`), so the same input gives the same bytes.</summary>
    public DateTimeOffset StartedAt { get; init; }
    public string ToolVersion { get; init; } = BulwarkVersion.Current;
    /// <summary>
    /// New and fixed findings since the previous recorded scan of the same branch and paths, and the trend; null
    /// unless the scan is recorded (`scan --record`, or `history` in the configuration).
    /// </summary>
    public HistoryDelta? History { get; init; }
}
