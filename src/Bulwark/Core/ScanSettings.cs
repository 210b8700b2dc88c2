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

    /// <summary>Taint models from the configuration (`[tool.bulwark.taint]` rows), with where they were written.</summary>
    public IReadOnlyList<(string Origin, string Toml)> TaintModels { get; init; } = [];
    /// <summary>Source kinds the injection rules report besides their own (`taint.report-sources`); null: the rules' defaults.</summary>
    public IReadOnlyList<string>? TaintSources { get; init; }
    /// <summary>Wall-clock budget of the taint analysis's project phase.</summary>
    public int TaintBudgetSeconds { get; init; } = 60;
    /// <summary>`[secrets]`: allowlists, test paths and credential types switched off.</summary>
    public SecretsSettings Secrets { get; init; } = SecretsSettings.Default;

    public IReadOnlyDictionary<string, object>? RuleOptionsFor(string ruleId) =>
        RuleOptions.TryGetValue(ruleId, out var o) ? o : null;
}
