using Bulwark.Core;

namespace Bulwark.Config;

/// <summary>Command-line choices; null means "not given", so the configuration file or the default applies.</summary>
public sealed record CommandLineOptions
{
    public IReadOnlyList<string>? Select { get; init; }
    public IReadOnlyList<string>? Ignore { get; init; }
    public IReadOnlyList<string>? Exclude { get; init; }
    public IReadOnlyList<string>? Include { get; init; }
    public Severity? Severity { get; init; }
    public Confidence? Confidence { get; init; }
    public RuleProfile? Profile { get; init; }
    public bool? IgnoreNosec { get; init; }
    public bool? RespectGitignore { get; init; }
    public int? Jobs { get; init; }
    public string? VulnDb { get; init; }
    public bool? Strict { get; init; }
    public IReadOnlyList<string>? ExtendSelect { get; init; }
    public bool? ForceExclude { get; init; }
    /// <summary>The repository root: globs are relative to it when there is no configuration file.</summary>
    public string? RepositoryRoot { get; init; }
}

/// <summary>Merges defaults ← configuration file ← command line into the scan's immutable settings.</summary>
public static class SettingsBuilder
{
    public static ScanSettings Build(ConfigFile? file, CommandLineOptions cli)
    {
        var s = new ScanSettings { GlobBase = cli.RepositoryRoot };
        if (file is not null)
        {
            var baseDir = Path.GetDirectoryName(Path.GetFullPath(file.Path))!;
            s = s with
            {
                Select = file.Select ?? [],
                ExtendSelect = file.ExtendSelect ?? [],
                Ignore = file.Ignore ?? [],
                Exclude = Concat(file.Exclude ?? [], file.ExtendExclude),
                Include = file.Include ?? [],
                PerFileIgnores = file.PerFileIgnores ?? [],
                MinSeverity = file.Severity ?? s.MinSeverity,
                MinConfidence = file.Confidence ?? s.MinConfidence,
                Profile = file.Profile ?? s.Profile,
                RespectGitignore = file.RespectGitignore ?? s.RespectGitignore,
                IgnoreNosec = file.IgnoreNosec ?? s.IgnoreNosec,
                VulnDbPath = file.VulnDb is { } db ? Path.GetFullPath(Path.Combine(baseDir, db)) : null,
                VulnDbMaxAgeDays = file.VulnDbMaxAgeDays ?? s.VulnDbMaxAgeDays,
                HistoryPath = file.History != true ? null
                    : file.HistoryPath is { } hp ? Path.GetFullPath(Path.Combine(baseDir, hp))
                    : Path.Combine(cli.RepositoryRoot ?? baseDir, ScanSettings.DefaultHistoryRelativePath),
                RuleOptions = file.RuleOptions ?? s.RuleOptions,
                Secrets = file.Secrets ?? s.Secrets,
                SeverityOverrides = file.SeverityOverrides ?? s.SeverityOverrides,
                GlobBase = baseDir,
                ConfigPath = file.Describe(),
                TaintModels = file.TaintModels ?? s.TaintModels,
                TaintBudgetSeconds = file.TaintBudgetSeconds ?? s.TaintBudgetSeconds,
                TaintSources = file.TaintReportSources ?? s.TaintSources,
                TaintTestPaths = file.TaintTestPaths ?? s.TaintTestPaths,
            };
        }
        s = s with
        {
            Select = cli.Select ?? s.Select,
            ExtendSelect = cli.ExtendSelect is null ? s.ExtendSelect : Concat(s.ExtendSelect, cli.ExtendSelect),
            ForceExclude = cli.ForceExclude ?? s.ForceExclude,
            Ignore = cli.Ignore is null ? s.Ignore : Concat(s.Ignore, cli.Ignore),
            Exclude = cli.Exclude is null ? s.Exclude : Concat(s.Exclude, cli.Exclude),
            Include = cli.Include ?? s.Include,
            MinSeverity = cli.Severity ?? s.MinSeverity,
            MinConfidence = cli.Confidence ?? s.MinConfidence,
            Profile = cli.Profile ?? s.Profile,
            IgnoreNosec = cli.IgnoreNosec ?? s.IgnoreNosec,
            RespectGitignore = cli.RespectGitignore ?? s.RespectGitignore,
            Jobs = cli.Jobs is > 0 ? cli.Jobs.Value : s.Jobs,
            VulnDbPath = cli.VulnDb is { } v ? Path.GetFullPath(v) : s.VulnDbPath,
            Strict = cli.Strict ?? s.Strict,
        };
        return s;
    }

    static IReadOnlyList<string> Concat(IReadOnlyList<string> a, IReadOnlyList<string>? b) =>
        b is null || b.Count == 0 ? a : a.Concat(b).ToArray();
}
