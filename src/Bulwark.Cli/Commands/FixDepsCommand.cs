using System.CommandLine;
using Bulwark.Dependencies;
using Bulwark.Dependencies.Advisories;

namespace Bulwark.Cli.Commands;

/// <summary>`bulwark fix deps [PATH] [--dry-run]`: rewrite vulnerable pins to the smallest fixing versions.</summary>
public static class FixDepsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("PATH") { Description = "Project directory or manifest file.", DefaultValueFactory = _ => "." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print a unified diff instead of writing files." };
        var db = new Option<string?>("--vuln-db") { Description = "Advisory database to use instead of the cached one." };
        var deps = new Command("deps", "Rewrite vulnerable pins in requirements files and pyproject.toml to the smallest fixing versions.") { path, dryRun, db };
        deps.SetAction(r =>
        {
            var target = r.GetValue(path)!;
            if (!Directory.Exists(target) && !File.Exists(target)) { stderr.WriteLine($"bulwark: error: '{target}' does not exist"); return ExitCodes.Error; }
            AdvisoryStore? store;
            try { store = AdvisoryStore.Open(r.GetValue(db)); }
            catch (Exception ex) when (ex is IOException or InvalidDataException) { stderr.WriteLine($"bulwark: error: {ex.Message}"); return ExitCodes.Error; }
            if (store is null) { stderr.WriteLine("bulwark: error: no advisory database: run `bulwark db import` or `bulwark db update`"); return ExitCodes.Error; }
            var set = ProjectManifests.Load(target);
            var edits = DependencyFixer.Plan(set, store);
            if (edits.Count == 0) { stdout.WriteLine("no vulnerable pins with a known fix"); return ExitCodes.Clean; }
            foreach (var (manifest, text) in DependencyFixer.Apply(edits))
            {
                if (r.GetValue(dryRun)) stdout.Write(DependencyFixer.UnifiedDiff(manifest.RelativePath, manifest.Text.Text, text));
                else
                {
                    try { File.WriteAllText(manifest.FullPath, text); }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { stderr.WriteLine($"bulwark: error: cannot write {manifest.RelativePath}: {ex.Message}"); return ExitCodes.Error; }
                }
            }
            foreach (var e in edits)
                (r.GetValue(dryRun) ? stderr : stdout).WriteLine($"{e.Manifest.RelativePath}: {e.Dependency.Name} {e.OldText} -> {e.NewText}");
            return ExitCodes.Clean;
        });
        var fix = new Command("fix", "Apply automatic fixes.");
        fix.Subcommands.Add(deps);
        return fix;
    }
}
