using System.CommandLine;
using Bulwark.Core;
using Bulwark.Dependencies;
using Bulwark.Dependencies.Advisories;

namespace Bulwark.Cli.Commands;

/// <summary>`bulwark fix deps [PATH] [--dry-run]`: rewrite vulnerable pins to the smallest fixing versions.</summary>
public static class FixDepsCommand
{
    /// <summary>Where edits go; tests replace it with one that fails part-way.</summary>
    internal static IFileSystem FileSystem { get; set; } = PhysicalFileSystem.Instance;

    /// <summary>Every edit planned first, then written as one: a failure part-way puts back what was written, or names it.</summary>
    internal static int Write(PlannedChanges planned, string root, IFileSystem fs, List<PinEdit> edits, TextWriter stdout, TextWriter stderr)
    {
        if (planned.Error is { } planError) { stderr.WriteLine($"bulwark: error: {planError}; nothing was changed"); return ExitCodes.Error; }
        var result = FileTransaction.Commit(planned.Changes, root, fs);
        if (!result.Ok)
        {
            var detail = result.LeftChanged.Count > 0
                ? $"; left changed (could not restore): {string.Join(", ", result.LeftChanged)}"
                : result.Restored.Count > 0 ? $"; restored: {string.Join(", ", result.Restored)}; no file was left changed" : "";
            stderr.WriteLine($"bulwark: error: {result.Error}{detail}");
            return ExitCodes.Error;
        }
        foreach (var e in edits) stdout.WriteLine($"{e.Manifest.RelativePath}: {e.Dependency.Name} {e.OldText} -> {e.NewText}");
        return ExitCodes.Clean;
    }

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("PATH") { Description = "Project directory or manifest file.", DefaultValueFactory = _ => "." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print a unified diff instead of writing files." };
        var db = new Option<string?>("--vuln-db") { Description = "Advisory database to use instead of the cached one." };
        var deps = new Command("deps", "Rewrite vulnerable pins in requirements files and pyproject.toml to the smallest fixing versions. " +
            "An upgrade that poetry.lock shows cannot be installed with the other pins is reported (exit 1) instead of written; " +
            "a major-version upgrade is written with a warning.") { path, dryRun, db };
        deps.SetAction(r =>
        {
            var target = r.GetValue(path)!;
            if (!Directory.Exists(target) && !File.Exists(target)) { stderr.WriteLine($"bulwark: error: '{target}' does not exist"); return ExitCodes.Error; }
            AdvisoryStore? store;
            try { store = AdvisoryStore.Open(r.GetValue(db)); }
            catch (Exception ex) when (ex is IOException or InvalidDataException) { stderr.WriteLine($"bulwark: error: {ex.Message}"); return ExitCodes.Error; }
            if (store is null) { stderr.WriteLine("bulwark: error: no advisory database: run `bulwark db import` or `bulwark db update`"); return ExitCodes.Error; }
            var set = ProjectManifests.Load(target);
            foreach (var p in set.Problems) stderr.WriteLine($"bulwark: warning: {p}");
            var planned = DependencyFixer.Plan(set, store);
            if (planned.Count == 0) { stdout.WriteLine("no vulnerable pins with a known fix"); return ExitCodes.Clean; }
            // Pins that cannot be installed together are reported, not written; the rest still are.
            var checkedPlan = PinCompatibility.Check(set, planned);
            foreach (var c in checkedPlan.Conflicts)
                stderr.WriteLine($"bulwark: conflict: {c.Edit.Manifest.RelativePath}: {c.Edit.Dependency.Name} left at {c.Edit.From}: " +
                                 (c.Certain ? "" : "probably ") + c.Message);
            foreach (var w in checkedPlan.Warnings) stderr.WriteLine($"bulwark: warning: {w}");
            var edits = checkedPlan.Kept.ToList();
            // Vulnerable pins left unchanged are not a clean result.
            int done = checkedPlan.Conflicts.Count > 0 ? ExitCodes.Findings : ExitCodes.Clean;
            if (edits.Count == 0) { stdout.WriteLine("no pin changed: every fix conflicts with other pins"); return done; }
            var root = ProjectManifests.RootOf(target);
            if (r.GetValue(dryRun))
            {
                foreach (var (manifest, text) in DependencyFixer.Apply(edits))
                    stdout.Write(DependencyFixer.UnifiedDiff(manifest.RelativePath, manifest.Text.Text, text));
                foreach (var e in edits) stderr.WriteLine($"{e.Manifest.RelativePath}: {e.Dependency.Name} {e.OldText} -> {e.NewText}");
                return done;
            }
            int written = Write(DependencyFixer.Plan(edits, FileSystem), root, FileSystem, edits, stdout, stderr);
            return written == ExitCodes.Clean ? done : written;
        });
        var fix = new Command("fix", "Apply automatic fixes.");
        fix.Subcommands.Add(deps);
        return fix;
    }
}
