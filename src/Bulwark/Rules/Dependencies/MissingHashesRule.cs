using Bulwark.Dependencies.Manifests;
using Bulwark.Core;

namespace Bulwark.Rules.Dependencies;

/// <summary>DEP004: requirements without `--hash` in a file that otherwise uses hash-checking.</summary>
public sealed class MissingHashesRule : ProjectRule
{
    public override RuleInfo Info { get; } = new(
        Id: "DEP004", Name: "missing-hashes", Family: Family.Dependencies,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 353,
        What: """
            A requirements file uses `--hash` for some requirements but not for this one (or, with `require-hashes`, any
            requirement lacks a hash).
            """,
        Why: """
            Hashes make pip refuse a tampered or substituted artifact. pip's hash-checking mode needs a hash for every
            requirement: a file that mixes both either fails to install or, when hashes are dropped, silently loses the
            protection.
            """,
        Example: """
            requests==2.32.3 --hash=sha256:70761cfe…
            idna==3.7
            """,
        Fix: "Regenerate the file with hashes for every entry (`pip-compile --generate-hashes`, `uv pip compile --generate-hashes`).",
        References: ["https://pip.pypa.io/en/stable/topics/secure-installs/#hash-checking-mode", "https://cwe.mitre.org/data/definitions/353.html"])
    {
        Compliance = Compliance.UnverifiedIntegrity,
        Options = [new("require-hashes", RuleOptionType.Bool, false, "Require hashes in every requirements file, not only in files that already use them.")],
    };

    public override void Check(ProjectContext context)
    {
        bool always = context.Options(this).Bool("require-hashes");
        foreach (var m in DependencyAnalysis.Manifests(context).OfKind(ManifestKind.Requirements))
        {
            bool usesHashes = false;
            foreach (var d in m.Dependencies) if (d.Hashes.Count > 0) { usesHashes = true; break; }
            if (!usesHashes && !always) continue;
            foreach (var d in m.Dependencies)
            {
                // Editable and local-path installs cannot be hash-checked.
                if (d.Hashes.Count > 0 || d.Editable || d.Url is { } u && !u.Contains("://", StringComparison.Ordinal)) continue;
                context.Report(new Finding
                {
                    Rule = Info, Severity = Info.Severity, Confidence = Info.Confidence,
                    Message = usesHashes ? $"{d.Name} has no --hash although other requirements in this file do" : $"{d.Name} has no --hash",
                    Location = DependencyAnalysis.LocationOf(m, d.Start, d.End),
                    Properties = new Dictionary<string, PropertyValue> { ["package"] = d.NormalizedName },
                    FingerprintKey = "nohash:" + d.NormalizedName,
                });
            }
        }
    }
}
