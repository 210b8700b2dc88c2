using System.CommandLine;
using Bulwark.Config;
using Bulwark.Core;

namespace Bulwark.Cli.Commands;

/// <summary>The options shared by `scan` and `baseline create`: what to scan, which rules, which thresholds.</summary>
public sealed class ScanOptions
{
    public Argument<string[]> Paths { get; } = new("PATH")
    {
        Description = "Files or directories to scan (default: the current directory).",
        Arity = ArgumentArity.ZeroOrMore,
    };
    public Option<string[]> Select { get; } = List("--select", "Only these rules: ids (B602), Ruff codes (S602), id prefixes (B6), families (code, secrets, dependencies) or ALL.");
    public Option<string[]> Ignore { get; } = List("--ignore", "Skip these rules (ids, prefixes or families).");
    public Option<string[]> Exclude { get; } = List("--exclude", "Skip paths matching this glob (gitignore syntax); repeatable.");
    public Option<string[]> Include { get; } = List("--include", "Scan only files matching this glob; repeatable.");
    public Option<string?> Severity { get; } = new("--severity") { Description = "Report only findings at or above: low, medium, high, critical." };
    public Option<string?> Confidence { get; } = new("--confidence") { Description = "Report only findings at or above: low, medium, high." };
    public Option<string?> Profile { get; } = new("--profile") { Description = "Rule set: default (Bulwark's), or bandit (exactly Bandit's checks and defaults)." };
    public Option<bool> IgnoreNosec { get; } = new("--ignore-nosec") { Description = "Ignore inline suppressions (# nosec, # noqa, # bulwark: ignore)." };
    public Option<bool> NoGitignore { get; } = new("--no-gitignore") { Description = "Scan files that .gitignore excludes." };
    public Option<string?> Config { get; } = new("--config") { Description = "Configuration file (default: bulwark.toml or [tool.bulwark] in pyproject.toml, found upwards from the scanned path)." };
    public Option<bool> Isolated { get; } = new("--isolated") { Description = "Ignore every configuration file." };
    public Option<int?> Jobs { get; } = new("--jobs", "-j") { Description = "Files analysed in parallel (default: all cores)." };
    public Option<string?> VulnDb { get; } = new("--vuln-db") { Description = "Advisory database to use instead of the cached one (a store file or a directory of OSV records)." };

    /// <summary>Notes about the configuration, for stderr (set by <c>Settings</c>).</summary>
    public List<string> Warnings { get; } = [];

    static Option<string[]> List(string name, string description) => new(name)
    {
        Description = description,
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        foreach (var o in new Option[] { Select, Ignore, Exclude, Include, Severity, Confidence, Profile, IgnoreNosec, NoGitignore, Config, Isolated, Jobs, VulnDb })
            command.Options.Add(o);
    }

    public IReadOnlyList<string> PathsFrom(ParseResult r)
    {
        var paths = r.GetValue(Paths) is { Length: > 0 } p ? p : ["."];
        foreach (var path in paths)
            if (string.IsNullOrWhiteSpace(path)) throw new ConfigException("empty path argument");
            else if (path.StartsWith('-') && !File.Exists(path) && !Directory.Exists(path))
                throw new ConfigException($"unknown option '{path}' (see `bulwark {r.CommandResult.Command.Name} --help`)");
        return paths;
    }

    /// <summary>Merges the configuration file (discovered or given) with the command line. Throws <see cref="ConfigException"/>.</summary>
    public ScanSettings Settings(ParseResult r)
    {
        ConfigFile? file = null;
        if (!r.GetValue(Isolated))
        {
            if (r.GetValue(Config) is { } explicitPath)
            {
                if (!File.Exists(explicitPath)) throw new ConfigException($"{explicitPath}: configuration file not found");
                file = ConfigFile.Load(explicitPath)
                    ?? throw new ConfigException($"{explicitPath}: no [tool.bulwark] table in this pyproject.toml");
            }
            else
            {
                file = ConfigFile.Discover(PathsFrom(r)[0]);
                // The advisory database is trusted input; a configuration found in the scanned repository is not
                // (a pull request could plant a crafted store and point vuln-db at it). Only --vuln-db or an
                // explicit --config may choose it.
                if (file?.VulnDb is not null)
                {
                    Warnings.Add($"{file.Path}: vuln-db ignored in a configuration found in the scanned tree; pass --vuln-db or --config");
                    file = file with { VulnDb = null };
                }
            }
        }
        var cli = new CommandLineOptions
        {
            Select = Split(r.GetValue(Select)),
            Ignore = Split(r.GetValue(Ignore)),
            Exclude = NullIfEmpty(r.GetValue(Exclude)),
            Include = NullIfEmpty(r.GetValue(Include)),
            Severity = r.GetValue(Severity) is { } s ? (EnumNames.TryParseSeverity(s, out var sev) ? sev
                : throw new ConfigException($"--severity must be low, medium, high or critical (got '{s}')")) : null,
            Confidence = r.GetValue(Confidence) is { } c ? (EnumNames.TryParseConfidence(c, out var conf) ? conf
                : throw new ConfigException($"--confidence must be low, medium or high (got '{c}')")) : null,
            Profile = r.GetValue(Profile) is { } p ? (ConfigFile.ParseProfile(p)
                ?? throw new ConfigException($"--profile must be default or bandit (got '{p}')")) : null,
            IgnoreNosec = r.GetValue(IgnoreNosec) ? true : null,
            RespectGitignore = r.GetValue(NoGitignore) ? false : null,
            Jobs = r.GetValue(Jobs) is { } j ? (j > 0 ? j : throw new ConfigException("--jobs must be at least 1")) : null,
            VulnDb = r.GetValue(VulnDb),
        };
        return SettingsBuilder.Build(file, cli);
    }

    /// <summary>`--select B602,B607 --select dependencies` → [B602, B607, dependencies].</summary>
    static IReadOnlyList<string>? Split(string[]? values)
    {
        if (values is null || values.Length == 0) return null;
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
    }

    static IReadOnlyList<string>? NullIfEmpty(string[]? values) => values is { Length: > 0 } ? values : null;
}
