using System.CommandLine;
using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Reports;

namespace Bulwark.Cli.Commands;

/// <summary>`bulwark report compliance [PATH...]`: scans and prints the compliance matrix alone.</summary>
public static class ReportCommand
{
    static readonly string[] Formats = ["text", "markdown", "json"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var report = new Command("report", "Views of a scan other than the findings list.");
        report.Subcommands.Add(Compliance(stdout, stderr));
        return report;
    }

    static Command Compliance(TextWriter stdout, TextWriter stderr)
    {
        var options = new ScanOptions();
        var framework = new Option<string?>("--framework")
        {
            Description = "Only this view: " + string.Join(", ", ComplianceMatrix.Frameworks.Select(f => f.Name())) + " (default: all).",
        };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text, markdown or json.", DefaultValueFactory = _ => "text" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the matrix to this file instead of standard output." };
        var command = new Command("compliance",
            "Scan, then print which security principles, OWASP Top 10 (2021) categories, CWE Top 25 entries and GDPR, HIPAA, " +
            "CCPA or PCI DSS controls were checked, and which findings bear on each. Exit 0 whatever was found.");
        options.AddTo(command);
        command.Options.Add(framework);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(r =>
        {
            try
            {
                var fmt = r.GetValue(format)!;
                if (!Formats.Contains(fmt)) throw new ConfigException($"unknown format '{fmt}' (choose from {string.Join(", ", Formats)})");
                ComplianceFramework? only = null;
                if (r.GetValue(framework) is { } name)
                {
                    if (!ComplianceNames.TryParseFramework(name, out var fw))
                        throw new ConfigException($"--framework must be one of {string.Join(", ", ComplianceMatrix.Frameworks.Select(f => f.Name()))} (got '{name}')");
                    only = fw;
                }
                var settings = options.Settings(r);
                var result = new Scanner(settings).Scan(new ScanRequest(options.PathsFrom(r)));
                var areas = ComplianceMatrix.Build(result, only);
                void Render(TextWriter w)
                {
                    if (fmt == "json") ComplianceMatrix.WriteJsonDocument(w, areas);
                    else w.Write(ComplianceMatrix.Render(areas, markdown: fmt == "markdown"));
                }
                if (r.GetValue(output) is { } path)
                    ReportOutput.WriteAtomically(path, s => { using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false)); Render(w); });
                else Render(stdout);
                return ExitCodes.Clean;
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
