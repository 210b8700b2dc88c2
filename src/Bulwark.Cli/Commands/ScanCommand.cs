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
        var noPosture = new Option<bool>("--no-posture") { Description = "Leave out the security-posture scorecard (added when one directory is scanned)." };

        var command = new Command("scan", "Scan Python code, leaked secrets in every text file (and, with --history, the git history), dependency manifests and lockfiles, and CI/CD pipelines (GitHub Actions, GitLab CI, Jenkins, pre-commit).");
        options.AddTo(command);
        foreach (var o in new Option[] { format, output, exitZero, baseline, color, noProgress, history, since, noPosture, timing }) command.Options.Add(o);

        command.SetAction(r =>
        {
            try
            {
                var fmt = r.GetValue(format)!;
                if (!ReportOutput.Formats.Contains(fmt))
                    throw new ConfigException($"unknown format '{fmt}' (choose from {string.Join(", ", ReportOutput.Formats)})");
                if (!ColorPolicy.TryParse(r.GetValue(color)!, out var colorMode))
                    throw new ConfigException($"--color must be auto, always or never (got '{r.GetValue(color)}')");
                var settings = options.Settings(r);
                foreach (var w in options.Warnings) stderr.WriteLine($"bulwark: warning: {w}");
                var known = r.GetValue(baseline) is { } b ? Baseline.Read(b) : null;
                var outPath = r.GetValue(output);
                ReportOutput.CheckDestination(outPath);
                if (r.GetValue(since) is not null && !r.GetValue(history)) throw new ConfigException("--since needs --history");
                var gitHistory = r.GetValue(history) ? new Bulwark.Engine.GitHistory(r.GetValue(since)) : null;

                using var progress = ProgressBar.CreateIfInteractive(stderr, enabled: !r.GetValue(noProgress));
                var paths = options.PathsFrom(r);
                bool posture = !r.GetValue(noPosture) && paths.Count == 1 && Directory.Exists(paths[0]);
                var result = new Scanner(settings).Scan(new ScanRequest(paths) { Baseline = known, Progress = progress is null ? null : progress.Update, History = gitHistory, Posture = posture });
                progress?.Dispose();

                bool useColor = outPath is null && ColorPolicy.UseColor(colorMode, !Console.IsOutputRedirected && ReferenceEquals(stdout, Program.ConsoleOut), Environment.GetEnvironmentVariable);
                ReportOutput.Write(result, fmt, outPath, stdout, useColor, r.GetValue(timing));
                if (outPath is not null && fmt != "text") stderr.WriteLine(ReportOutput.OneLineSummary(result, outPath));
                if (result.Errors.Count > 0)
                {
                    // Fail closed: an audit that could not read what it needed is not a clean result.
                    stderr.WriteLine($"bulwark: error: scan incomplete: {result.Errors[0]}{(result.Errors.Count > 1 ? $" (and {result.Errors.Count - 1} more)" : "")}");
                    return ExitCodes.Error;
                }
                return r.GetValue(exitZero) || result.Findings.Count == 0 ? ExitCodes.Clean : ExitCodes.Findings;
            }
            catch (ConfigException ex)
            {
                stderr.WriteLine($"bulwark: error: {ex.Message}");
                return ExitCodes.Error;
            }
        });
        return command;
    }
}

public static class Terminal
{
    public static bool StderrIsInteractive => !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null && Environment.GetEnvironmentVariable("TERM") != "dumb";
}
