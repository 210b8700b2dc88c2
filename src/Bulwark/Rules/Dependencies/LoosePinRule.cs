using Bulwark.Dependencies.Manifests;
using Bulwark.Dependencies.Versions;
using Bulwark.Core;

namespace Bulwark.Rules.Dependencies;

/// <summary>DEP003: a requirements-file dependency constrained by a range rather than an exact pin.</summary>
public sealed class LoosePinRule : ProjectRule
{
    public override RuleInfo Info { get; } = new(
        Id: "DEP003", Name: "loose-pin", Family: Family.Dependencies,
        Severity: Severity.Low, Confidence: Confidence.Medium, Cwe: 1357,
        What: """
            An application requirement allows a range of versions (`>=2.0`, `<3`, `==2.*`, `~=2.1`) instead of pinning
            one, and no constraints file pins it.
            """,
        Why: """
            A range lets each deployment resolve to a different version, including future releases that were never
            reviewed and older ones with known vulnerabilities.
            """,
        Example: """
            # requirements.txt
            django>=3.2
            urllib3==1.*
            """,
        Fix: "Pin the exact version (`django==4.2.16`), or keep ranges in requirements.in and compile a pinned requirements.txt " +
             "with hashes (`pip-compile --generate-hashes`).",
        References: ["https://pip.pypa.io/en/stable/topics/repeatable-installs/", "https://peps.python.org/pep-0440/#version-specifiers"])
    {
        Compliance = Compliance.UnpinnedComponent,
        Options =
        [
            new("allow-compatible-release", RuleOptionType.Bool, false, "Accept `~=X.Y.Z` (patch-level ranges) as pinned enough."),
            new("ignore-packages", RuleOptionType.StringList, Array.Empty<string>(), "Packages allowed to float."),
        ],
    };

    public override void Check(ProjectContext context)
    {
        var options = context.Options(this);
        var set = DependencyAnalysis.Manifests(context);
        // An exact pin in any constraints file of the project settles the version.
        var constrained = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in set.OfKind(ManifestKind.Constraints))
            foreach (var d in m.Dependencies) if (d.Version is not null) constrained.Add(d.NormalizedName);
        foreach (var m in set.OfKind(ManifestKind.Requirements))
        {
            foreach (var d in m.Dependencies)
            {
                if (d.Role != DependencyRole.Direct || d.Url is not null || d.IsUnconstrained || d.Version is not null) continue;
                if (constrained.Contains(d.NormalizedName) || DependencyAnalysis.IsIgnored(options, d.Name)) continue;
                if (options.Bool("allow-compatible-release") && IsPatchLevelCompatible(d)) continue;
                context.Report(new Finding
                {
                    Rule = Info, Severity = Info.Severity, Confidence = Info.Confidence,
                    Message = $"{d.Name}{d.ConstraintText} is a range, not a pin; deployments may install different versions",
                    Location = DependencyAnalysis.LocationOf(m, d.Start, d.End),
                    Properties = new Dictionary<string, PropertyValue> { ["package"] = d.NormalizedName, ["constraint"] = d.ConstraintText ?? "" },
                    FingerprintKey = "loose:" + d.NormalizedName,
                });
            }
        }
    }

    static bool IsPatchLevelCompatible(Dependency d) =>
        d.Constraint is [{ Clauses: [{ Operator: SpecOperator.Compatible, Version: { } v }] }] && v.Release.Count >= 3;
}
