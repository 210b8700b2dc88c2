using Bulwark.Core;
using Bulwark.Dependencies.Advisories;
using Bulwark.Dependencies.Manifests;
using Bulwark.Dependencies.Requirements;

namespace Bulwark.Rules.Dependencies;

/// <summary>Per-scan state shared by the dependency rules: manifests parsed once, the advisory store loaded once.</summary>
public static class DependencyAnalysis
{
    sealed class StoreHolder(AdvisoryStore? store) { public AdvisoryStore? Store { get; } = store; }

    public static ManifestSet Manifests(ProjectContext ctx) => ctx.Shared("deps.manifests", c =>
    {
        var byPath = new Dictionary<string, ProjectFile>(StringComparer.Ordinal);
        foreach (var f in c.Files) byPath[f.FullPath] = f;
        var set = ManifestSet.Load(c.Root, c.Files.Select(f => (f.FullPath, f.RelativePath)), full =>
        {
            if (byPath.TryGetValue(full, out var pf)) return pf.Load()?.Text.Text;
            // Included files outside the discovered set (an unusual name, an excluded directory) are read directly,
            // bounded, and only when regular files (ManifestSet has already refused anything outside the root).
            return BoundedFile.ReadText(full, BoundedFile.MaxManifestBytes, out _);
        });
        // A manifest that cannot be parsed at all fails the scan; a line, an include or a format that cannot be read is
        // a warning, or an error under --strict (pip-audit's --strict: dependency collection must not skip anything).
        foreach (var p in set.Problems) if (!set.Unreadable.Contains(p)) Problem(c, p);
        foreach (var u in set.Unreadable) c.Fail(u);
        foreach (var f in c.Files)
            if (UnsupportedFormat(f.RelativePath) is { } format)
                Problem(c, $"{Untrusted.Visible(f.RelativePath)}: {format} is not a format Bulwark reads; its dependencies are not audited");
        var unresolved = Unresolved(set);
        if (c.Settings.Strict)
            foreach (var (m, d, why) in unresolved)
            {
                var (line, _, _, _) = m.Span(d.Start, d.End);
                c.Fail($"{Untrusted.Visible(m.RelativePath)}:{line}: {Untrusted.Visible(d.Name)} cannot be resolved to one version: {why}");
            }
        else if (unresolved.Count > 0)
            c.Warn($"{(unresolved.Count == 1 ? "1 requirement is" : $"{unresolved.Count} requirements are")} neither pinned nor locked " +
                   "(audited by range only; --strict makes this an error)");
        return set;
    });

    static void Problem(ProjectContext c, string message)
    {
        if (c.Settings.Strict) c.Fail(message);
        else c.Warn(message);
    }

    /// <summary>Dependency files of other tools that Bulwark does not parse (by file name), with what they are.</summary>
    internal static string? UnsupportedFormat(string relativePath) => Path.GetFileName(relativePath).ToLowerInvariant() switch
    {
        "pdm.lock" => "pdm.lock (PDM's lockfile)",
        "environment.yml" or "environment.yaml" => "a conda environment file",
        "conda-lock.yml" or "conda-lock.yaml" => "a conda lockfile",
        "pixi.lock" => "pixi.lock",
        "hatch.lock" => "hatch.lock",
        _ => null,
    };

    /// <summary>
    /// Application requirements (requirements files, Pipfile) whose installed version cannot be known offline: no exact
    /// pin, no version in a URL, and no lockfile beside the manifest or constraints-file pin settling it.
    /// </summary>
    public static List<(Manifest Manifest, Dependency Dependency, string Why)> Unresolved(ManifestSet set)
    {
        var result = new List<(Manifest, Dependency, string)>();
        HashSet<string>? constrained = null;
        foreach (var m in set.Manifests)
        {
            if (m.Kind is not (ManifestKind.Requirements or ManifestKind.Pipfile)) continue;
            HashSet<string>? locked = null;
            foreach (var d in m.Dependencies)
            {
                if (d.Role != DependencyRole.Direct || d.Version is not null || d.RawVersion is not null) continue;
                if (d.Editable) continue; // the project's own code, installed from the working tree
                if (constrained is null)
                {
                    constrained = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var c in set.OfKind(ManifestKind.Constraints))
                        foreach (var cd in c.Dependencies) if (cd.Version is not null) constrained.Add(cd.NormalizedName);
                }
                if (constrained.Contains(d.NormalizedName)) continue;
                if (locked is null)
                {
                    locked = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var l in LocksBeside(set, m)) foreach (var ld in l.Dependencies) locked.Add(ld.NormalizedName);
                }
                if (locked.Contains(d.NormalizedName)) continue;
                var why = d.Url is not null ? "a URL or path without a version, and no lockfile pins it"
                    : d.IsUnconstrained ? "no version given, and no lockfile or constraints file pins it"
                    : $"'{Untrusted.Visible(d.ConstraintText ?? "")}' is a range, and no lockfile or constraints file pins it";
                result.Add((m, d, why));
            }
        }
        return result;
    }

    /// <summary>The advisory database the scan's dependency rules opened (null when none did or none exists), for the report's evidence.</summary>
    public static AdvisoryDatabaseInfo? OpenedDatabase(ProjectContext ctx) =>
        ctx.Computed<StoreHolder>("deps.store")?.Store is { } s ? new AdvisoryDatabaseInfo(s.Digest, s.Count, s.ImportedAt, s.NewestModified) : null;

    /// <summary>The advisory store, or null (after one warning) when there is none or it cannot be read.</summary>
    public static AdvisoryStore? Store(ProjectContext ctx) => ctx.Shared("deps.store", c =>
    {
        AdvisoryStore? store = null;
        try
        {
            store = AdvisoryStore.Open(c.Settings.VulnDbPath);
            if (store is null) c.Warn("no advisory database: run `bulwark db import` or `bulwark db update`");
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // Fail closed: a missing, truncated or corrupt database would otherwise read as "no vulnerabilities".
            c.Fail($"advisory database unusable: {Untrusted.Message(ex.Message)}");
        }
        if (store is not null && c.Settings.VulnDbPath is null)
        {
            var age = DateTimeOffset.UtcNow - store.ImportedAt;
            if (age.TotalDays > c.Settings.VulnDbMaxAgeDays)
                c.Warn($"advisory database is {(int)age.TotalDays} days old (imported {store.ImportedAt:yyyy-MM-dd}); run `bulwark db update`");
        }
        return new StoreHolder(store);
    }).Store;

    public static Location LocationOf(Manifest m, int start, int end)
    {
        var (l1, c1, l2, c2) = m.Span(start, end);
        return new Location(m.RelativePath, l1, c1, l2, c2);
    }

    /// <summary>Lockfiles in the same directory as a manifest (the lock made from it).</summary>
    public static IEnumerable<Manifest> LocksBeside(ManifestSet set, Manifest manifest)
    {
        var dir = Path.GetDirectoryName(manifest.FullPath);
        foreach (var m in set.Manifests)
        {
            if (!m.IsLockfile || Path.GetDirectoryName(m.FullPath) != dir) continue;
            bool pairs = manifest.Kind switch
            {
                ManifestKind.Pipfile => m.Kind == ManifestKind.PipfileLock,
                ManifestKind.Pyproject => m.Kind is ManifestKind.PoetryLock or ManifestKind.UvLock or ManifestKind.Pylock,
                ManifestKind.Requirements or ManifestKind.Constraints => true,
                _ => false,
            };
            if (pairs) yield return m;
        }
    }

    /// <summary>Requirements files and Pipfiles are application manifests; pyproject/setup files usually describe a library.</summary>
    public static bool IsApplicationManifest(Manifest m, bool includePyproject) => m.Kind switch
    {
        ManifestKind.Requirements => true,
        ManifestKind.Pipfile => true,
        ManifestKind.Pyproject => includePyproject,
        _ => false,
    };

    public static bool IsIgnored(RuleOptions options, string name, string optionName = "ignore-packages")
    {
        var n = PackageName.Normalize(name);
        foreach (var x in options.StringList(optionName))
            if (PackageName.Normalize(x) == n) return true;
        return false;
    }
}
