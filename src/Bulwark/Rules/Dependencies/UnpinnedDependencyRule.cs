using Bulwark.Dependencies.Manifests;
using Bulwark.Core;

namespace Bulwark.Rules.Dependencies;

/// <summary>DEP002: an application dependency with no version constraint at all.</summary>
public sealed class UnpinnedDependencyRule : ProjectRule
{
    public override RuleInfo Info { get; } = new(
        Id: "DEP002", Name: "unpinned-dependency", Family: Family.Dependencies,
        Severity: Severity.Low, Confidence: Confidence.High, Cwe: 1357,
        What: """
            An application dependency is declared without any version (`requests` in requirements.txt, `"*"` in a
            Pipfile without Pipfile.lock).
            """,
        Why: """
            Without a version, every install takes whatever is newest on the index: builds are not reproducible, a
            compromised or broken release is deployed silently, and the vulnerability check cannot tell which version
            runs.
            """,
        Example: """
            # requirements.txt
            requests
            flask>=2.0
            """,
        Fix: "Pin the version you tested (`requests==2.32.3`), or generate a lockfile (pip-compile, poetry lock, uv lock, " +
             "pipenv lock) and install from it.",
        References: ["https://pip.pypa.io/en/stable/topics/repeatable-installs/", "https://cwe.mitre.org/data/definitions/1357.html"])
    {
        Compliance = Compliance.UnpinnedComponent,
        Options =
        [
            new("check-pyproject", RuleOptionType.Bool, false,
                "Treat pyproject.toml dependencies as application dependencies (off: libraries declare ranges and lock elsewhere)."),
            new("ignore-packages", RuleOptionType.StringList, Array.Empty<string>(), "Packages that may stay unpinned (pip, setuptools…)."),
        ],
    };

    public override void Check(ProjectContext context)
    {
        var options = context.Options(this);
        var set = DependencyAnalysis.Manifests(context);
        foreach (var m in set.Manifests)
        {
            if (!DependencyAnalysis.IsApplicationManifest(m, options.Bool("check-pyproject"))) continue;
            // A lockfile beside a Pipfile or pyproject.toml is what gets installed: the ranges are fine there.
            if (m.Kind != ManifestKind.Requirements && DependencyAnalysis.LocksBeside(set, m).Any()) continue;
            foreach (var d in m.Dependencies)
            {
                if (d.Role != DependencyRole.Direct || !d.IsUnconstrained || d.Editable || DependencyAnalysis.IsIgnored(options, d.Name)) continue;
                context.Report(new Finding
                {
                    Rule = Info, Severity = Info.Severity, Confidence = Info.Confidence,
                    Message = $"{d.Name} has no version pin; any release can be installed",
                    Location = DependencyAnalysis.LocationOf(m, d.Start, d.End),
                    Properties = new Dictionary<string, PropertyValue> { ["package"] = d.NormalizedName },
                    FingerprintKey = "unpinned:" + d.NormalizedName,
                });
            }
        }
    }
}
