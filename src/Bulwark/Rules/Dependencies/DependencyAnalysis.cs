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
        foreach (var p in set.Problems) if (!set.Unreadable.Contains(p)) c.Warn(p);
        foreach (var u in set.Unreadable) c.Fail(u);
        return set;
    });

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
