using System.CommandLine;
using Bulwark.Core;
using Bulwark.Dependencies;
using Bulwark.Dependencies.Advisories;
using Bulwark.Dependencies.Sbom;

namespace Bulwark.Cli.Commands;

/// <summary>`bulwark sbom PATH [-o FILE]`: a CycloneDX 1.6 JSON SBOM of the resolved dependencies and their vulnerabilities.</summary>
public static class SbomCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("PATH") { Description = "Project directory or manifest file.", DefaultValueFactory = _ => "." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the SBOM to this file instead of standard output." };
        var db = new Option<string?>("--vuln-db") { Description = "Advisory database to use instead of the cached one." };
        var cmd = new Command("sbom", "Write a CycloneDX 1.6 JSON SBOM of the locked and pinned dependencies, with known vulnerabilities.") { path, output, db };
        cmd.SetAction(r =>
        {
            var target = r.GetValue(path)!;
            if (!Directory.Exists(target) && !File.Exists(target)) { stderr.WriteLine($"bulwark: error: '{target}' does not exist"); return ExitCodes.Error; }
            var file = r.GetValue(output);
            if (file is not null && OutputFile.Problem(file) is { } problem) { stderr.WriteLine($"bulwark: error: {problem}"); return ExitCodes.Error; }
            AdvisoryStore? store = null;
            try { store = AdvisoryStore.Open(r.GetValue(db)); }
            catch (Exception ex) when (ex is IOException or InvalidDataException) { stderr.WriteLine($"bulwark: error: {ex.Message}"); return ExitCodes.Error; }
            if (store is null) stderr.WriteLine("bulwark: warning: no advisory database: the SBOM lists no vulnerabilities (run `bulwark db import` or `bulwark db update`)");
            var set = ProjectManifests.Load(target);
            var name = Path.GetFileName(Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar));
            var ms = new MemoryStream();
            CycloneDxWriter.Write(ms, name, set, store, DateTimeOffset.UtcNow, Guid.NewGuid());
            try
            {
                if (file is null)
                {
                    stdout.Write(System.Text.Encoding.UTF8.GetString(ms.ToArray()));
                    stdout.WriteLine();
                }
                else
                {
                    OutputFile.Write(file, s => ms.WriteTo(s));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"bulwark: error: cannot write {file}: {ex.Message}");
                return ExitCodes.Error;
            }
            return ExitCodes.Clean;
        });
        return cmd;
    }
}
