using System.CommandLine;
using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Reports;

namespace Bulwark.Cli.Commands;

/// <summary>`bulwark scan [PATH...]`: the main job.</summary>
public static class ScanCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var options = new ScanOptions();
        var format = new Option<string>("--format", "-f") { Description = "Report format: " + string.Join(", ", ReportOutput.Formats) + ".", DefaultValueFactory = _ => "text" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var exitZero = new Option<bool>("--exit-zero") { Description = "Exit with 0 even when there are findings." };
        var baseline = new Option<string?>("--baseline") { Description = "Report only findings absent from this baseline (see `bulwark baseline create`)." };
        var color = new Option<string>("--color") { Description = "Colour in the text report: auto, always, never.", DefaultValueFactory = _ => "auto" };
        var noProgress = new Option<bool>("--no-progress") { Description = "Never show the progress bar." };
        var timing = new Option<bool>("--timing") { Description = "Include the elapsed time in the report (off by default, so the same input gives byte-identical reports)." };
        var history = new Option<bool>("--history") { Description = "Also scan the git history for secrets committed earlier, including ones since removed (needs git)." };
        var since = new Option<string?>("--since") { Description = "With --history: only commits after this revision (a commit, tag or branch)." };
        var changedSince = new Option<string?>("--changed-since")
        {
            Description = "Scan only files changed since this git revision (a commit, tag or branch; compared from its merge base " +
                "with HEAD): committed since, staged, unstaged, and untracked files not ignored. Dependency rules still read every " +
                "manifest, and injection flows still pass through the unchanged Python files (reported when they touch a changed one). Needs git.",
            HelpName = "REF",
        };
        var noPosture = new Option<bool>("--no-posture") { Description = "Leave out the security-posture scorecard (added when one directory is scanned)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but the report (no progress, no `report written to` line); with the text format, only the findings." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also say, on standard error, which configuration file was read and where the repository root is." };
        var statistics = new Option<bool>("--statistics") { Description = "Add the number of findings per rule to the text report." };
        var showSource = new Option<bool>("--show-source") { Description = "Show the source lines under each finding in the text report (the default)." };
        var noShowSource = new Option<bool>("--no-show-source") { Description = "Leave the source lines out of the text report." };
        var failOn = new Option<string?>("--fail-on") { Description = "Exit with 1 only for findings at or above this severity (low, medium, high, critical); what is reported stays as --severity sets it." };
        var sarifMax = new Option<int?>("--sarif-max-results") { Description = $"At most this many SARIF results (default {SarifReporter.GitHubMaxResults}, GitHub code scanning's limit per run); the rest are counted in a notification." };
        var desc = new Option<string?>("--desc")
        {
            Description = "Advisory descriptions for vulnerable dependencies: on, off or auto (the default: in json, sarif and html " +
                "only). `--desc` alone means on; in the text report each description is printed under its advisory's row.",
            Arity = ArgumentArity.ZeroOrOne,
            HelpName = "on|off|auto",
        };
        desc.AcceptOnlyFromAmong("on", "off", "auto");
        var record = new Option<string?>("--record")
        {
            Description = "Record this scan in the scan-history database (SQLite; default: `history` from the configuration, else " +
                ".bulwark/history.db at the repository root) and show new and fixed findings since the previous recorded scan of " +
                "the same branch and paths. Write --record=FILE to name the file. A database that cannot be used is an error " +
                "after the report is written (exit 2). `history = true` in the configuration records every scan.",
            Arity = ArgumentArity.ZeroOrOne,
            HelpName = "FILE",
        };
        var noRecord = new Option<bool>("--no-record") { Description = "Do not record this scan, even when the configuration sets `history`." };
        var stdinFilename = new Option<string?>("--stdin-filename") { Description = "With `scan -`: the path the code read from standard input has (for rules, configuration and the report)." };

        var command = new Command("scan", "Scan Python code, leaked secrets in every text file (and, with --history, the git history), dependency manifests and lockfiles, and CI/CD pipelines (GitHub Actions, GitLab CI, Jenkins, pre-commit).");
        options.AddTo(command);
        foreach (var o in new Option[] { format, output, exitZero, baseline, color, noProgress, history, since, changedSince, noPosture, timing, quiet,
                     verbose, statistics, showSource, noShowSource, failOn, sarifMax, record, noRecord, stdinFilename, desc }) command.Options.Add(o);

        command.SetAction(r =>
        {
            try
            {
                var fmt = r.GetValue(format)!.ToLowerInvariant();
                if (!ReportOutput.Formats.Contains(fmt))
                    throw new ConfigException($"unknown format '{fmt}' (choose from {string.Join(", ", ReportOutput.Formats)})");
                if (!ColorPolicy.TryParse(r.GetValue(color)!, out var colorMode))
                    throw new ConfigException($"--color must be auto, always or never (got '{r.GetValue(color)}')");
                var paths = options.PathsFrom(r);
                using var stdin = StdinInput.From(paths, r.GetValue(stdinFilename));
                if (stdin is not null) paths = [stdin.Path];
                var settings = options.Settings(r, stdin is null ? paths : [stdin.DisplayPath]);
                var repository = RepositoryRoot.For(stdin is null ? paths : [stdin.DisplayPath]);
                foreach (var w in options.Warnings) stderr.WriteLine($"bulwark: warning: {w}");
                var known = r.GetValue(baseline) is { } b ? Baseline.Read(b) : null;
                var outPath = r.GetValue(output);
                ReportOutput.CheckDestination(outPath);
                if (r.GetValue(since) is not null && !r.GetValue(history)) throw new ConfigException("--since needs --history");
                var gitHistory = r.GetValue(history) ? new Bulwark.Engine.GitHistory(r.GetValue(since)) : null;
                Severity? failThreshold = r.GetValue(failOn) is { } fo ? (EnumNames.TryParseSeverity(fo, out var fs) ? fs
                    : throw new ConfigException($"--fail-on must be low, medium, high or critical (got '{fo}')")) : null;
                if (r.GetValue(showSource) && r.GetValue(noShowSource)) throw new ConfigException("--show-source and --no-show-source contradict each other");
                int sarifLimit = r.GetValue(sarifMax) is { } sm ? (sm >= 0 ? sm : throw new ConfigException("--sarif-max-results must be 0 or more")) : SarifReporter.GitHubMaxResults;
                bool isQuiet = r.GetValue(quiet);
                if (r.GetValue(verbose))
                {
                    stderr.WriteLine($"bulwark: repository root: {repository}");
                    stderr.WriteLine($"bulwark: configuration: {settings.ConfigPath ?? "none (defaults)"}");
                }

                var recordPath = RecordPath(r, record, noRecord, settings, repository, stdin is not null, changed: r.GetValue(changedSince) is not null);
                using var progress = isQuiet ? null : ProgressBar.CreateIfInteractive(stderr, enabled: !r.GetValue(noProgress));
                var changed = r.GetValue(changedSince);
                if (changed is not null && stdin is not null) throw new ConfigException("--changed-since cannot be used with `scan -`");
                // The scorecard reads the whole project's findings: a scan of the changed files alone would misstate it.
                bool posture = stdin is null && changed is null && !r.GetValue(noPosture) && paths.Count == 1 && Directory.Exists(paths[0]);
                var result = new Scanner(settings).Scan(new ScanRequest(paths)
                {
                    Baseline = known, Progress = progress is null ? null : progress.Update, History = gitHistory, Posture = posture,
                    Root = stdin?.Root ?? repository, ChangedSince = changed,
                });
                progress?.Dispose();

                // History: compared before the report (which shows new and fixed findings), recorded after it, so a
                // database that cannot be used never costs the scan's own output.
                using var recording = new ScanRecording();
                if (recordPath is not null) result = recording.Compare(recordPath, result, stdin is null ? paths : [stdin.DisplayPath]);

                bool useColor = outPath is null && ColorPolicy.UseColor(colorMode, !Console.IsOutputRedirected && ReferenceEquals(stdout, Program.ConsoleOut), Environment.GetEnvironmentVariable);
                var reportOptions = new ReportOptions
                {
                    Color = useColor, Timing = r.GetValue(timing), ShowSource = !r.GetValue(noShowSource), Statistics = r.GetValue(statistics),
                    SarifMaxResults = sarifLimit, Quiet = isQuiet, Descriptions = DescriptionOption(r, desc),
                };
                ReportOutput.Write(result, fmt, outPath, stdout, reportOptions);
                if (outPath is not null && !isQuiet) stderr.WriteLine(ReportOutput.OneLineSummary(result, outPath));
                recording.Record(result);
                if (recording.Error is { } historyError)
                    stderr.WriteLine($"bulwark: error: scan history not recorded: {historyError}");
                if (fmt == "sarif" && result.Findings.Count > sarifLimit && !isQuiet)
                    stderr.WriteLine($"bulwark: warning: {result.Findings.Count} findings, SARIF report limited to the first {sarifLimit} (--sarif-max-results)");
                if (result.Errors.Count > 0)
                {
                    // Fail closed: an audit that could not read what it needed is not a clean result.
                    stderr.WriteLine($"bulwark: error: scan incomplete: {result.Errors[0]}{(result.Errors.Count > 1 ? $" (and {result.Errors.Count - 1} more)" : "")}");
                    return ExitCodes.Error;
                }
                if (recording.Error is not null) return ExitCodes.Error;
                bool fails = failThreshold is { } t ? result.Findings.Any(f => f.Severity >= t) : result.Findings.Count > 0;
                return r.GetValue(exitZero) || !fails ? ExitCodes.Clean : ExitCodes.Findings;
            }
            catch (ConfigException ex)
            {
                stderr.WriteLine($"bulwark: error: {ex.Message}");
                return ExitCodes.Error;
            }
        });
        return command;
    }

    /// <summary>`--desc` absent: auto; alone: on; else its value.</summary>
    internal static DescriptionMode DescriptionOption(ParseResult r, Option<string?> desc)
    {
        if (r.GetResult(desc) is not { } given) return DescriptionMode.Auto;
        return (given.Tokens.Count == 0 ? "on" : r.GetValue(desc)) switch
        {
            "on" => DescriptionMode.On,
            "off" => DescriptionMode.Off,
            _ => DescriptionMode.Auto,
        };
    }

    /// <summary>
    /// Where this scan is recorded: `--record=FILE`, or `--record` / configuration `history` (its path, else
    /// `.bulwark/history.db` at the repository root); null when not recorded. A partial scan (`--changed-since`,
    /// `scan -`) is never recorded: every file it did not read would count as fixed.
    /// </summary>
    static string? RecordPath(System.CommandLine.ParseResult r, Option<string?> record, Option<bool> noRecord, ScanSettings settings,
        string repository, bool stdin, bool changed)
    {
        bool asked = r.GetResult(record) is not null;
        if (asked && r.GetValue(noRecord)) throw new ConfigException("--record and --no-record contradict each other");
        if (!asked) return r.GetValue(noRecord) || stdin || changed ? null : settings.HistoryPath;
        if (stdin) throw new ConfigException("--record cannot be used with `scan -` (only whole scans are recorded)");
        if (changed) throw new ConfigException("--record cannot be used with --changed-since (only whole scans are recorded)");
        if (r.GetValue(record) is { } file) return string.IsNullOrWhiteSpace(file) ? throw new ConfigException("--record: empty path") : file;
        if (settings.HistoryPath is { } configured) return configured;
        var path = Path.Combine(repository, Bulwark.History.ScanHistory.DefaultRelativePath);
        return ScanOptions.ThroughLink(path, repository)
            ? throw new ConfigException($"--record: {Bulwark.History.ScanHistory.DefaultRelativePath} in the repository goes through a symbolic link; name the file with --record=FILE")
            : path;
    }
}

public static class Terminal
{
    public static bool StderrIsInteractive => !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null && Environment.GetEnvironmentVariable("TERM") != "dumb";
}
