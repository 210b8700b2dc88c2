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
    public Option<string[]> Select { get; } = List("--select", "Only these rules: ids (B602), Ruff codes (S602), id prefixes (B6), families (code, injection, secrets, dependencies, configuration, ci) or ALL.");
    public Option<string[]> ExtendSelect { get; } = List("--extend-select", "Rules to run on top of the selection (ids, Ruff codes, prefixes, families).");
    public Option<string[]> Ignore { get; } = List("--ignore", "Skip these rules (ids, Ruff codes, prefixes or families); comma-separated or repeated.");
    public Option<string[]> Exclude { get; } = List("--exclude", "Skip paths matching these globs (gitignore syntax, relative to the configuration file's directory); comma-separated or repeated.");
    public Option<string[]> Include { get; } = List("--include", "Scan only files matching these globs; comma-separated or repeated.");
    public Option<bool> ForceExclude { get; } = new("--force-exclude") { Description = "Apply excludes to files named on the command line too (as Ruff's --force-exclude; pre-commit hooks want it)." };
    public Option<string?> Severity { get; } = new("--severity") { Description = "Report only findings at or above: low, medium, high, critical." };
    public Option<string?> Confidence { get; } = new("--confidence") { Description = "Report only findings at or above: low, medium, high." };
    public Option<string?> Profile { get; } = new("--profile") { Description = "Rule set: default (Bulwark's), or bandit (exactly Bandit's checks and defaults)." };
    public Option<bool> IgnoreNosec { get; } = new("--ignore-nosec") { Description = "Ignore inline suppressions (# nosec, # noqa, # bulwark: ignore)." };
    public Option<bool> NoGitignore { get; } = new("--no-gitignore") { Description = "Scan files that .gitignore excludes." };
    public Option<string?> Config { get; } = new("--config", "-c") { Description = "Configuration file: bulwark.toml, pyproject.toml, a Bandit .bandit or YAML file, or ruff.toml (default: bulwark.toml or [tool.bulwark] found upwards from the scanned path to the repository root, else [tool.bandit], .bandit or Ruff's per-file-ignores there)." };
    public Option<bool> Isolated { get; } = new("--isolated") { Description = "Ignore every configuration file." };
    public Option<int?> Jobs { get; } = new("--jobs", "-j") { Description = "Files analysed in parallel (default: all cores)." };
    public Option<string?> VulnDb { get; } = new("--vuln-db") { Description = "Advisory database to use instead of the cached one (a store file or a directory of OSV records)." };
    public Option<bool> Strict { get; } = new("--strict")
    {
        Description = "Fail (exit 2) when a dependency requirement cannot be read or resolved: an unparsable line, a missing -r/-c include, " +
            "a manifest format Bulwark does not read (pdm.lock, environment.yml…), or a requirements-file or Pipfile entry neither pinned " +
            "nor settled by a lockfile or constraints file. Without it each is a warning.",
    };

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
        foreach (var o in new Option[] { Select, ExtendSelect, Ignore, Exclude, Include, ForceExclude, Severity, Confidence, Profile, IgnoreNosec, NoGitignore, Config, Isolated, Jobs, VulnDb, Strict })
            command.Options.Add(o);
    }

    public IReadOnlyList<string> PathsFrom(ParseResult r)
    {
        var paths = r.GetValue(Paths) is { Length: > 0 } p ? p : ["."];
        foreach (var path in paths)
            if (string.IsNullOrWhiteSpace(path)) throw new ConfigException("empty path argument");
            else if (path != "-" && path.StartsWith('-') && !File.Exists(path) && !Directory.Exists(path))
                throw new ConfigException($"unknown option '{path}' (see `bulwark {r.CommandResult.Command.Name} --help`)");
        return paths;
    }

    /// <summary>Merges the configuration file (discovered or given) with the command line. Throws <see cref="ConfigException"/>.</summary>
    /// <param name="paths">The paths scanned (for `scan -`, the `--stdin-filename` path): configuration is searched
    /// from the first up to the repository root.</param>
    public ScanSettings Settings(ParseResult r, IReadOnlyList<string>? paths = null)
    {
        paths ??= PathsFrom(r);
        var repository = Bulwark.Engine.RepositoryRoot.For(paths);
        ConfigFile? file = null;
        if (!r.GetValue(Isolated))
        {
            if (r.GetValue(Config) is { } explicitPath) file = ConfigFile.LoadExplicit(explicitPath);
            else
            {
                file = ConfigFile.Discover(paths[0], repository);
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
            ExtendSelect = Split(r.GetValue(ExtendSelect)),
            Exclude = Split(r.GetValue(Exclude)),
            Include = Split(r.GetValue(Include)),
            ForceExclude = r.GetValue(ForceExclude) ? true : null,
            RepositoryRoot = repository,
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
            Strict = r.GetValue(Strict) ? true : null,
        };
        var settings = SettingsBuilder.Build(file, cli);
        // Like vuln-db: a configuration found in the scanned tree is untrusted, so it may record history only inside
        // the repository (never make a scan write a database over some other file of the user's).
        if (settings.HistoryPath is { } history && r.GetValue(Config) is null && !IsInside(history, repository))
        {
            Warnings.Add($"{settings.ConfigPath}: history path outside the repository ignored in a configuration found in the scanned tree; pass --record=FILE or --config");
            settings = settings with { HistoryPath = null };
        }
        if (settings.HistoryPath is { } linked && r.GetValue(Config) is null && ThroughLink(linked, repository))
        {
            Warnings.Add($"{settings.ConfigPath}: history path reached through a symbolic link in the repository ignored; pass --record=FILE or --config");
            settings = settings with { HistoryPath = null };
        }
        return settings;
    }

    /// <summary>
    /// Some part of a path below the repository, the file included, is a symbolic link: a repository could point its
    /// `.bulwark` anywhere, and a scan would then create or write a database outside it.
    /// </summary>
    internal static bool ThroughLink(string path, string repository)
    {
        var current = Path.GetFullPath(repository);
        var relative = Path.GetRelativePath(current, Path.GetFullPath(path));
        if (relative == "." || Path.IsPathRooted(relative)) return false;
        foreach (var part in relative.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            if (new FileInfo(current).LinkTarget is not null) return true;
            if (!File.Exists(current) && !Directory.Exists(current)) break;
        }
        return false;
    }

    static bool IsInside(string path, string directory)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(directory), Path.GetFullPath(path));
        return relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    /// <summary>`--select B602,B607 --select dependencies` → [B602, B607, dependencies].</summary>
    static IReadOnlyList<string>? Split(string[]? values)
    {
        if (values is null || values.Length == 0) return null;
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
    }
}
