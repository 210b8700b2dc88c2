using System.CommandLine;
using Bulwark.Config;
using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.History;
using Bulwark.Reports;

namespace Bulwark.Cli.Commands;

/// <summary>`bulwark history [--db FILE]` lists recorded scans; `bulwark history diff A B` compares two.</summary>
public static class HistoryCommand
{
    static readonly string[] Formats = ["text", "json"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = DbOption();
        var format = FormatOption();
        var branch = new Option<string?>("--branch") { Description = "Only scans of this git branch." };
        var limit = new Option<int?>("--limit", "-n") { Description = "At most this many scans, newest first (default: all)." };
        var command = new Command("history",
            "List the scans recorded with `scan --record` (or `history = true` in the configuration), newest first: id, time, " +
            "git branch and commit, tool version and finding counts.");
        foreach (var o in new Option[] { db, format, branch, limit }) command.Options.Add(o);
        command.Subcommands.Add(Diff(stdout, stderr));
        command.SetAction(r => Run(stderr, () =>
        {
            var fmt = CheckFormat(r.GetValue(format)!);
            int n = r.GetValue(limit) is { } l ? (l > 0 ? l : throw new ConfigException("--limit must be at least 1")) : int.MaxValue;
            using var history = ScanHistory.OpenForReading(DatabasePath(r.GetValue(db)));
            var scans = history.Scans(r.GetValue(branch), n);
            if (fmt == "json") HistoryReport.WriteListJson(stdout, history.Path, scans);
            else if (scans.Count == 0) stdout.WriteLine($"No scans recorded in {history.Path}.");
            else foreach (var s in scans) stdout.WriteLine(Line(s));
        }));
        return command;
    }

    static Command Diff(TextWriter stdout, TextWriter stderr)
    {
        var db = DbOption();
        var format = FormatOption();
        var from = new Argument<long>("A") { Description = "The earlier scan's id (see `bulwark history`)." };
        var to = new Argument<long>("B") { Description = "The later scan's id." };
        var command = new Command("diff", "Compare two recorded scans by finding fingerprint: findings new in B, fixed since A, and unchanged.");
        command.Arguments.Add(from);
        command.Arguments.Add(to);
        command.Options.Add(db);
        command.Options.Add(format);
        command.SetAction(r => Run(stderr, () =>
        {
            var fmt = CheckFormat(r.GetValue(format)!);
            using var history = ScanHistory.OpenForReading(DatabasePath(r.GetValue(db)));
            var diff = history.Diff(r.GetValue(from), r.GetValue(to));
            if (fmt == "json") HistoryReport.WriteDiffJson(stdout, diff);
            else HistoryReport.WriteDiffText(stdout, diff);
        }));
        return command;
    }

    static string Line(HistoryScan s) => HistoryReport.Line(s);

    static Option<string?> DbOption() => new("--db")
    {
        Description = "The history database (default: `history` from the configuration, else .bulwark/history.db at the repository root).",
        HelpName = "FILE",
    };

    static Option<string> FormatOption() => new("--format", "-f") { Description = "Output format: text or json.", DefaultValueFactory = _ => "text" };

    static string CheckFormat(string fmt) =>
        Formats.Contains(fmt.ToLowerInvariant()) ? fmt.ToLowerInvariant() : throw new ConfigException($"unknown format '{fmt}' (choose from text, json)");

    /// <summary>--db, else the configuration's `history` path, else the default under the current repository's root.</summary>
    static string DatabasePath(string? explicitPath)
    {
        if (explicitPath is not null) return explicitPath;
        var repository = RepositoryRoot.For(["."]);
        var settings = SettingsBuilder.Build(ConfigFile.Discover(".", repository), new CommandLineOptions { RepositoryRoot = repository });
        return settings.HistoryPath ?? Path.Combine(repository, ScanHistory.DefaultRelativePath);
    }

    static int Run(TextWriter stderr, Action action)
    {
        try
        {
            action();
            return ExitCodes.Clean;
        }
        catch (Exception ex) when (ex is ConfigException or HistoryException)
        {
            stderr.WriteLine($"bulwark: error: {ex.Message}");
            return ExitCodes.Error;
        }
    }
}

/// <summary>`scan --record`: where the scan is recorded, the comparison before the report, and the write after it.</summary>
public sealed class ScanRecording : IDisposable
{
    ScanHistory? _history;
    HistoryScan? _scan;

    /// <summary>The one-line error to print once the report is written (the scan's output is never lost to it).</summary>
    public string? Error { get; private set; }

    /// <summary>Opens the database and compares the scan with the previous one of its branch and paths.</summary>
    public ScanResult Compare(string path, ScanResult result, IReadOnlyList<string> scannedPaths)
    {
        var relative = new List<string>();
        foreach (var p in scannedPaths)
        {
            var rel = Path.GetRelativePath(result.Root, Path.GetFullPath(p)).Replace('\\', '/');
            relative.Add(rel);
        }
        try
        {
            _history = ScanHistory.OpenForRecording(path);
            _scan = ScanHistory.Describe(result, relative);
            return result with { History = _history.Compare(_scan, result.Findings) };
        }
        catch (HistoryException ex)
        {
            Error = ex.Message;
            Dispose();
            return result;
        }
    }

    /// <summary>Records the scan (after the report is written); an incomplete scan is not recorded.</summary>
    public void Record(ScanResult result)
    {
        if (_history is null || _scan is null) return;
        if (result.Errors.Count > 0) { Error = $"{_history.Path}: an incomplete scan is not recorded"; return; }
        try { _history.Record(_scan, result.Findings, result.Root); }
        catch (HistoryException ex) { Error = ex.Message; }
    }

    public void Dispose()
    {
        _history?.Dispose();
        _history = null;
    }
}
