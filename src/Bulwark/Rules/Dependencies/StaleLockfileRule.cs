using Bulwark.Dependencies.Manifests;
using Bulwark.Dependencies.Requirements;
using Bulwark.Core;

namespace Bulwark.Rules.Dependencies;

/// <summary>
/// DEP005: a lockfile that no longer matches its manifest. Decided on content: every dependency declared in
/// pyproject.toml (or the Pipfile) must be in the lockfile beside it at a version its constraint admits.
/// Modification times are only compared when `compare-mtime` is on, since checkouts do not preserve them.
/// </summary>
public sealed class StaleLockfileRule : ProjectRule
{
    public override RuleInfo Info { get; } = new(
        Id: "DEP005", Name: "stale-lockfile", Family: Family.Dependencies,
        Severity: Severity.Low, Confidence: Confidence.Medium, Cwe: 1357,
        What: """
            pyproject.toml or a Pipfile declares a dependency that its lockfile (poetry.lock, uv.lock, pylock.toml,
            Pipfile.lock) does not contain, or locks at a version outside the declared constraint.
            """,
        Why: """
            Installs from a stale lockfile do not match what the manifest says: a dependency added to fix a
            vulnerability may not be installed at all, and reviews of the manifest no longer describe what is deployed.
            """,
        Example: """
            # pyproject.toml
            dependencies = ["requests>=2.32"]
            # uv.lock still has requests 2.31.0
            """,
        Fix: "Regenerate the lockfile (`poetry lock`, `uv lock`, `pipenv lock`, `pip lock`) and commit it with the manifest.",
        References: ["https://peps.python.org/pep-0751/", "https://python-poetry.org/docs/basic-usage/#installing-with-poetrylock"])
    {
        Compliance = Compliance.UnpinnedComponent,
        Options = [new("compare-mtime", RuleOptionType.Bool, false, "Also report a lockfile whose modification time is older than its manifest's.")],
    };

    public override void Check(ProjectContext context)
    {
        var set = DependencyAnalysis.Manifests(context);
        bool mtime = context.Options(this).Bool("compare-mtime");
        foreach (var m in set.Manifests)
        {
            if (m.Kind is not (ManifestKind.Pyproject or ManifestKind.Pipfile)) continue;
            foreach (var lockfile in DependencyAnalysis.LocksBeside(set, m))
            {
                var locked = new Dictionary<string, Dependency>(StringComparer.Ordinal);
                foreach (var d in lockfile.Dependencies) locked.TryAdd(d.NormalizedName, d);
                // pylock.toml and Pipfile.lock are resolved for one environment: entries behind markers may be absent.
                bool envSpecific = lockfile.Kind is ManifestKind.Pylock or ManifestKind.PipfileLock;
                var lockName = Path.GetFileName(lockfile.RelativePath);
                foreach (var d in m.Dependencies)
                {
                    if (d.Role != DependencyRole.Direct || d.Url is not null || d.Editable) continue;
                    if (envSpecific && d.Marker is not null) continue;
                    if (!locked.TryGetValue(d.NormalizedName, out var l))
                    {
                        Report(context, m, d, $"{d.Name} is declared in {Path.GetFileName(m.RelativePath)} but missing from {lockName}; the lockfile is stale", lockName);
                        continue;
                    }
                    if (l.Version is { } v && !d.Admits(v, prereleases: true))
                        Report(context, m, d, $"{lockName} locks {d.Name} {v}, outside the declared {d.ConstraintText}; the lockfile is stale", lockName);
                }
                if (mtime && File.Exists(m.FullPath) && File.Exists(lockfile.FullPath)
                    && File.GetLastWriteTimeUtc(lockfile.FullPath) < File.GetLastWriteTimeUtc(m.FullPath))
                {
                    context.Report(new Finding
                    {
                        Rule = Info, Severity = Info.Severity, Confidence = Confidence.Low,
                        Message = $"{lockName} is older than {Path.GetFileName(m.RelativePath)}",
                        Location = Location.WholeFile(lockfile.RelativePath),
                        Properties = new Dictionary<string, PropertyValue> { ["lockfile"] = lockfile.RelativePath },
                        FingerprintKey = "stale-mtime:" + lockfile.RelativePath,
                    });
                }
            }
        }
    }

    void Report(ProjectContext context, Manifest m, Dependency d, string message, string lockName) =>
        context.Report(new Finding
        {
            Rule = Info, Severity = Info.Severity, Confidence = Info.Confidence, Message = message,
            Location = DependencyAnalysis.LocationOf(m, d.Start, d.End),
            Properties = new Dictionary<string, PropertyValue> { ["package"] = PackageName.Normalize(d.Name), ["lockfile"] = lockName },
            FingerprintKey = $"stale:{lockName}:{d.NormalizedName}",
        });
}
