using System.CommandLine;
using Bulwark.Core;
using Bulwark.Engine;

namespace Bulwark.Cli.Commands;

/// <summary>`bulwark baseline create -o FILE [PATH...]`: records today's findings so later scans report only new ones.</summary>
public static class BaselineCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var options = new ScanOptions();
        var output = new Option<string>("--output", "-o") { Description = "Baseline file to write.", Required = true };
        var create = new Command("create", "Scan and record every current finding in a baseline file.");
        options.AddTo(create);
        create.Options.Add(output);
        create.SetAction(r =>
        {
            try
            {
                var settings = options.Settings(r);
                foreach (var w in options.Warnings) stderr.WriteLine($"bulwark: warning: {w}");
                var path = r.GetValue(output)!;
                ReportOutput.CheckDestination(path);
                var result = new Scanner(settings).Scan(new ScanRequest(options.PathsFrom(r)));
                ReportOutput.WriteAtomically(path, s => Baseline.Write(result, s));
                stdout.WriteLine($"Baseline with {result.Findings.Count} finding(s) written to {path}.");
                return ExitCodes.Clean;
            }
            catch (ConfigException ex)
            {
                stderr.WriteLine($"bulwark: error: {ex.Message}");
                return ExitCodes.Error;
            }
        });
        var command = new Command("baseline", "Manage baselines of accepted findings.");
        command.Subcommands.Add(create);
        return command;
    }
}
