namespace Bulwark.Core;

/// <summary>The immutable, merged configuration of one scan (defaults ← config file ← command line).</summary>
public sealed record ScanSettings
{
    public RuleProfile Profile { get; init; } = RuleProfile.Default;
    /// <summary>Rule ids, aliases or family names; empty selects every rule of the profile.</summary>
    public IReadOnlyList<string> Select { get; init; } = [];
    /// <summary>Rules added on top of the selection, even from outside the profile.</summary>
    public IReadOnlyList<string> ExtendSelect { get; init; } = [];
    public IReadOnlyList<string> Ignore { get; init; } = [];
    public Severity MinSeverity { get; init; } = Severity.Low;
    public Confidence MinConfidence { get; init; } = Confidence.Low;
    public IReadOnlyList<string> Exclude { get; init; } = [];
    public IReadOnlyList<string> Include { get; init; } = [];
    /// <summary>Glob → rule ids (or families) ignored in matching files.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> PerFileIgnores { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>> RuleOptions { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, object>>();
    public bool IgnoreNosec { get; init; }
    public bool RespectGitignore { get; init; } = true;
    public int Jobs { get; init; } = Environment.ProcessorCount;
    /// <summary>An advisory database to use instead of the cached store (`--vuln-db`).</summary>
    public string? VulnDbPath { get; init; }
    /// <summary>Warn when the advisory database is older than this many days.</summary>
    public int VulnDbMaxAgeDays { get; init; } = 7;
    /// <summary>
    /// `--strict`: a dependency requirement that cannot be read or resolved (an unparsable line, a missing `-r`
    /// include, a manifest format Bulwark does not read, an application requirement neither pinned nor locked) makes
    /// the scan incomplete (an error, exit 2) instead of a warning.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>
    /// Where configuration asks every scan to be recorded (`history = true` → `.bulwark/history.db` under the
    /// repository root, or `history = "path"` relative to the configuration file); null: not recorded.
    /// </summary>
    public string? HistoryPath { get; init; }
    /// <summary>The history database configuration's `history = true` means, relative to the repository root.</summary>
    public static readonly string DefaultHistoryRelativePath = Path.Combine(".bulwark", "history.db");

    /// <summary>Taint models from the configuration (`[tool.bulwark.taint]` rows), with where they were written.</summary>
    public IReadOnlyList<(string Origin, string Toml)> TaintModels { get; init; } = [];
    /// <summary>Source kinds the injection rules report besides their own (`taint.report-sources`); null: the rules' defaults.</summary>
    public IReadOnlyList<string>? TaintSources { get; init; }
    /// <summary>Wall-clock budget of the taint analysis's project phase.</summary>
    public int TaintBudgetSeconds { get; init; } = 60;
    /// <summary>
    /// Test code the taint analysis leaves out (`taint.test-paths`): globs over the path relative to the scanned root,
    /// one without '/' matching any path component. Such files get every other rule; their flows are not followed.
    /// </summary>
    public IReadOnlyList<string> TaintTestPaths { get; init; } = DefaultTaintTestPaths;

    /// <summary>
    /// Where tests live by the conventions of unittest, pytest and Django: a `test` or `tests` directory, `test_*.py`,
    /// `*_test.py`, `*_tests.py`, `tests.py`, `conftest.py`. Narrower than the secrets rules' test paths: examples and
    /// samples are code a reader copies, and stay analysed.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultTaintTestPaths =
        ["test", "tests", "test_*.py", "*_test.py", "*_tests.py", "tests.py", "conftest.py"];

    /// <summary>Whether the taint analysis leaves this file (path relative to the scanned root) out as test code.</summary>
    public bool IsTaintTestPath(string relativePath)
    {
        foreach (var g in TaintTestPaths) if (Glob.IsMatch(g, relativePath)) return true;
        return false;
    }
    /// <summary>`[secrets]`: allowlists, test paths and credential types switched off.</summary>
    public SecretsSettings Secrets { get; init; } = SecretsSettings.Default;

    /// <summary>
    /// The directory `exclude`, `include` and `per-file-ignores` globs are relative to: the configuration file's
    /// directory, else the repository root. Null: the scanned directory.
    /// </summary>
    public string? GlobBase { get; init; }
    /// <summary>The configuration file this scan read (bulwark.toml, pyproject.toml, .bandit, a Bandit YAML…), if any.</summary>
    public string? ConfigPath { get; init; }
    /// <summary>Apply excludes to files named explicitly on the command line too (Ruff's `--force-exclude`).</summary>
    public bool ForceExclude { get; init; }
    /// <summary>Rule id (or alias) → the severity its findings are reported with (`[tool.bulwark.severity-overrides]`).</summary>
    public IReadOnlyDictionary<string, Severity> SeverityOverrides { get; init; } = new Dictionary<string, Severity>();

    /// <summary>The path globs are matched against: relative to <see cref="GlobBase"/> when the file is inside it, else <paramref name="relativePath"/>.</summary>
    public string GlobPath(string fullPath, string relativePath)
    {
        if (GlobBase is not { } b) return relativePath;
        var rel = System.IO.Path.GetRelativePath(b, fullPath).Replace('\\', '/');
        return rel.StartsWith("../", StringComparison.Ordinal) || rel == ".." || System.IO.Path.IsPathRooted(rel) ? relativePath : rel;
    }

    public IReadOnlyDictionary<string, object>? RuleOptionsFor(string ruleId) =>
        RuleOptions.TryGetValue(ruleId, out var o) ? o : null;
}
