using System.CommandLine;
using Bulwark.Engine;
using Bulwark.Core;
using Bulwark.Reports;

namespace Bulwark.Cli.Commands;

/// <summary>`bulwark posture [PATH]`: the scorecard of the project's security practices.</summary>
public static class PostureCommand
{
    static readonly string[] Formats = ["text", "json", "markdown"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("PATH") { Description = "The project's root directory (default: the current directory).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text, json or markdown.", DefaultValueFactory = _ => "text" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the scorecard to this file instead of standard output." };
        var minScore = new Option<int?>("--min-score") { Description = "Exit with 1 when the score (out of 100) is below this." };
        var config = new Option<string?>("--config") { Description = "Configuration file (default: found upwards from PATH); its excludes and rule options apply." };
        var isolated = new Option<bool>("--isolated") { Description = "Ignore every configuration file." };
        var command = new Command("posture",
            "Score the project's security practices — tests, security linting, dependency audit, update automation and pinning in CI; " +
            "secret scanning; type checking and linting; SECURITY.md; logging; CI workflows passing the CI audits — with the evidence for each " +
            "(file and line) or what is missing and how to add it.")
        { path, format, output, minScore, config, isolated };
        command.SetAction(r =>
        {
            try
            {
                var fmt = r.GetValue(format)!;
                if (!Formats.Contains(fmt)) throw new ConfigException($"unknown format '{fmt}' (choose from {string.Join(", ", Formats)})");
                var root = r.GetValue(path)!;
                if (!Directory.Exists(root)) throw new ConfigException($"{root}: not a directory");
                var settings = Settings(root, r.GetValue(config), r.GetValue(isolated));
                var result = new Scanner(settings).Scan(new ScanRequest([root]) { Posture = true });
                var posture = result.Posture!;
                void Render(TextWriter w)
                {
                    switch (fmt)
                    {
                        case "json": PostureReporter.WriteJsonDocument(posture, result.Root, result.ToolVersion, w); break;
                        case "markdown": PostureReporter.WriteMarkdown(posture, root, w); break;
                        default: PostureReporter.WriteText(posture, root, w); break;
                    }
                }
                var outPath = r.GetValue(output);
                if (outPath is null) Render(stdout);
                else
                {
                    ReportOutput.WriteAtomically(outPath, stream =>
                    {
                        using var w = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
                        Render(w);
                    });
                    stderr.WriteLine($"security posture {posture.Percent}/100; written to {outPath}");
                }
                foreach (var warning in result.Warnings) stderr.WriteLine("bulwark: warning: " + warning);
                return r.GetValue(minScore) is { } min && posture.Percent < min ? ExitCodes.Findings : ExitCodes.Clean;
            }
            catch (ConfigException ex)
            {
                stderr.WriteLine($"bulwark: error: {ex.Message}");
                return ExitCodes.Error;
            }
        });
        return command;
    }

    /// <summary>The project's configuration (excludes, rule options), running only the CI rules: posture needs their findings, not the code rules'.</summary>
    static ScanSettings Settings(string root, string? configPath, bool isolated)
    {
        Config.ConfigFile? file = null;
        if (!isolated)
        {
            if (configPath is not null)
            {
                if (!File.Exists(configPath)) throw new ConfigException($"{configPath}: configuration file not found");
                file = Config.ConfigFile.LoadExplicit(configPath);
            }
            else file = Config.ConfigFile.Discover(root, Bulwark.Engine.RepositoryRoot.For([root]));
        }
        var settings = Config.SettingsBuilder.Build(file, new Config.CommandLineOptions());
        return settings with { Select = [Family.Ci.Name()], ExtendSelect = [], MinSeverity = Severity.Low, MinConfidence = Confidence.Low };
    }
}
