using Bulwark.Dependencies.Advisories;
using Bulwark.Dependencies.Manifests;
using Bulwark.Dependencies.Requirements;
using Bulwark.Dependencies.Versions;
using Bulwark.Core;

namespace Bulwark.Rules.Dependencies;

/// <summary>DEP001: a pinned, locked or allowed dependency version has a known vulnerability in the advisory database.</summary>
public sealed class VulnerableDependencyRule : ProjectRule
{
    public override RuleInfo Info { get; } = new(
        Id: "DEP001", Name: "vulnerable-dependency", Family: Family.Dependencies,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 1395,
        What: """
            A dependency is pinned or locked to a version with a known vulnerability (an OSV advisory from the local
            advisory database), or an application's version range still allows such a version.
            """,
        Why: """
            Most breaches of Python applications go through a published vulnerability in a third-party package; the fix
            is usually an upgrade that already exists. Pins and lockfiles decide what is deployed, so that is where the
            check belongs.
            """,
        Example: """
            # requirements.txt
            requests==2.19.0   # PYSEC-2018-28 (CVE-2018-18074): fixed in 2.20.0
            """,
        Fix: "Upgrade to the smallest fixing version given in the finding (`bulwark fix deps` rewrites requirements files and " +
             "pyproject.toml), then regenerate lockfiles. Findings carry `importedByProject`: a vulnerable package the code never " +
             "imports is often a transitive dependency, fixed by upgrading its parent.",
        References:
        [
            "https://ossf.github.io/osv-schema/", "https://github.com/pypa/advisory-database",
            "https://cwe.mitre.org/data/definitions/1395.html", "https://owasp.org/Top10/A06_2021-Vulnerable_and_Outdated_Components/",
        ])
    {
        Compliance = Compliance.VulnerableComponent,
        Options =
        [
            new("check-ranges", RuleOptionType.Bool, true,
                "Also report direct requirements whose version range admits a vulnerable version (low confidence) when no lockfile pins them."),
            new("ignore-advisories", RuleOptionType.StringList, Array.Empty<string>(),
                "Advisory ids or aliases (PYSEC-…, GHSA-…, CVE-…) accepted by the project and not reported."),
        ],
    };

    public override void Check(ProjectContext context)
    {
        var set = DependencyAnalysis.Manifests(context);
        bool any = false;
        foreach (var m in set.Manifests) if (m.Dependencies.Count > 0) { any = true; break; }
        if (!any) return;
        var store = DependencyAnalysis.Store(context);
        if (store is null) return;
        var options = context.Options(this);
        var ignored = new HashSet<string>(options.StringList("ignore-advisories"), StringComparer.OrdinalIgnoreCase);
        bool checkRanges = options.Bool("check-ranges");

        foreach (var m in set.Manifests)
        {
            HashSet<string>? locked = null;
            foreach (var d in m.Dependencies)
            {
                var name = d.NormalizedName;
                if (d.Version is not null || d.RawVersion is not null)
                {
                    var version = d.Version?.ToString() ?? d.RawVersion!;
                    var matches = d.Version is { } v ? AdvisoryMatcher.Match(store, name, v) : AdvisoryMatcher.Match(store, name, version);
                    var fix = d.Version is { } cv ? AdvisoryMatcher.SmallestFix(store, name, cv, matches) : null;
                    foreach (var match in matches)
                        if (!IsIgnored(match, ignored)) Report(context, m, d, match, version, fix, ranged: false);
                    continue;
                }
                if (!checkRanges || d.Role != DependencyRole.Direct || d.Url is not null || d.IsUnconstrained) continue;
                if (m.Kind is not (ManifestKind.Requirements or ManifestKind.Pipfile or ManifestKind.Pyproject)) continue;
                locked ??= LockedNames(set, m);
                if (locked.Contains(name)) continue;
                var bounds = new List<PackageVersion>();
                foreach (var alt in d.Constraint)
                    foreach (var c in alt.Clauses)
                        if (c.Version is { } bv) bounds.Add(bv);
                var ranged = AdvisoryMatcher.MatchConstraint(store, name, v => d.Admits(v), bounds);
                foreach (var match in ranged)
                    if (!IsIgnored(match, ignored)) Report(context, m, d, match, d.ConstraintText ?? "", null, ranged: true);
            }
        }
    }

    /// <summary>Packages whose installed version is settled elsewhere: a lockfile beside the manifest, or a constraints-file pin.</summary>
    static HashSet<string> LockedNames(ManifestSet set, Manifest m)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in set.OfKind(ManifestKind.Constraints))
            foreach (var d in c.Dependencies) if (d.Version is not null) names.Add(d.NormalizedName);
        foreach (var lockfile in DependencyAnalysis.LocksBeside(set, m))
            foreach (var d in lockfile.Dependencies) names.Add(d.NormalizedName);
        return names;
    }

    static bool IsIgnored(VulnerabilityMatch match, HashSet<string> ignored)
    {
        if (ignored.Count == 0) return false;
        if (ignored.Contains(match.Id)) return true;
        foreach (var a in match.Aliases) if (ignored.Contains(a)) return true;
        return false;
    }

    /// <summary>A summary longer than this is shortened in the message (at a word boundary); the property keeps it whole.</summary>
    const int MaxSummaryChars = 200;

    void Report(ProjectContext context, Manifest m, Dependency d, VulnerabilityMatch match, string version, PackageVersion? fix, bool ranged)
    {
        var ids = match.Aliases.Count > 0 ? $"{match.Id} ({string.Join(", ", match.Aliases)})" : match.Id;
        var what = ranged ? $"{d.Name}{version} allows vulnerable versions" : $"{d.Name} {version} is vulnerable";
        var fixedText = match.FixedIn.Count == 0 ? "no fixed version is known"
            : ranged ? $"fixed in {string.Join(", ", match.FixedIn)}"
            : fix is not null ? $"fixed in {string.Join(", ", match.FixedIn)}; upgrade to {fix}" : $"fixed in {string.Join(", ", match.FixedIn)}";
        var summary = match.Summary.Length > 0 ? ": " + OsvReader.Shorten(match.Summary, MaxSummaryChars).TrimEnd('.') : "";
        var properties = new Dictionary<string, PropertyValue>
        {
            ["advisory"] = match.Id,
            ["aliases"] = match.Aliases.ToArray(),
            ["package"] = d.NormalizedName,
            ["version"] = version,
            ["fixedIn"] = match.FixedIn.Select(f => f.ToString()).ToArray(),
            ["importedByProject"] = PackageName.IsImported(d.Name, context.ImportedModules),
            ["manifestKind"] = m.Kind.ToString(),
        };
        if (fix is not null) properties["upgradeTo"] = fix.ToString();
        if (match.Score is { } score) properties["cvssScore"] = score;
        if (match.Summary.Length > 0) properties["summary"] = match.Summary;
        if (match.Details.Length > 0) properties["description"] = match.Details;
        properties["url"] = AdvisoryLinks.For(match.Id);
        context.Report(new Finding
        {
            Rule = Info,
            Message = $"{what}: {ids}{summary} ({fixedText})",
            Location = DependencyAnalysis.LocationOf(m, d.Start, d.End),
            Severity = match.Severity,
            Confidence = ranged ? Confidence.Low : Confidence.High,
            Properties = properties,
            FingerprintKey = $"{d.NormalizedName}@{version}:{match.Id}",
        });
    }
}
