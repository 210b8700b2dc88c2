using Bulwark.Dependencies.Requirements;
using Bulwark.Dependencies.Versions;
using Bulwark.Python;

namespace Bulwark.Dependencies.Manifests;

public enum ManifestKind { Requirements, Constraints, Pyproject, PoetryLock, Pipfile, PipfileLock, UvLock, Pylock, SetupCfg, SetupPy }

/// <summary>How a dependency entry constrains the installed version.</summary>
public enum DependencyRole
{
    /// <summary>Declared by the project (requirements line, pyproject dependency, Pipfile entry).</summary>
    Direct,
    /// <summary>A constraints-file entry: limits versions without requesting the package.</summary>
    Constraint,
    /// <summary>Resolved by a lockfile: the version that gets installed.</summary>
    Locked,
}

/// <summary>One dependency as written in a manifest, with the exact characters it occupies.</summary>
public sealed record Dependency
{
    public required string Name { get; init; }
    public string NormalizedName => PackageName.Normalize(Name);
    public required DependencyRole Role { get; init; }
    /// <summary>Alternatives (Poetry `||`); empty or a single <see cref="SpecifierSet.Any"/> means unconstrained.</summary>
    public IReadOnlyList<SpecifierSet> Constraint { get; init; } = [];
    /// <summary>The constraint as written (`^1.2`, `>=2,<3`, `==1.0`), or null when there is none.</summary>
    public string? ConstraintText { get; init; }
    /// <summary>The exact version installed: a lockfile's version, or an `==`/`===` pin without wildcard.</summary>
    public PackageVersion? Version { get; init; }
    /// <summary>Version text as written for lock entries whose version is not PEP 440.</summary>
    public string? RawVersion { get; init; }
    public IReadOnlyList<string> Extras { get; init; } = [];
    public string? Marker { get; init; }
    public string? Url { get; init; }
    public bool Editable { get; init; }
    public IReadOnlyList<string> Hashes { get; init; } = [];
    /// <summary>Group or section: `main`, `dev`, an optional-dependency extra, a dependency-group…</summary>
    public string Group { get; init; } = "main";
    /// <summary>Offsets in the manifest text: the whole entry, and the version constraint (for rewriting pins).</summary>
    public int Start { get; init; }
    public int End { get; init; }
    public int SpecStart { get; init; } = -1;
    public int SpecEnd { get; init; } = -1;
    /// <summary>How the constraint is spelled, so a fixer knows how to rewrite it.</summary>
    public SpecStyle SpecStyle { get; init; } = SpecStyle.Pep440;
    /// <summary>For a lock entry: what the locked version requires of other packages, when the lockfile records it (poetry.lock).</summary>
    public IReadOnlyList<LockedRequirement> Requires { get; init; } = [];

    public bool IsUnconstrained => Url is null && (Constraint.Count == 0 || Constraint.Count == 1 && Constraint[0].IsAny);

    /// <summary>Whether the declared constraint admits <paramref name="v"/> (any alternative, PEP 440 pre-release rules).</summary>
    public bool Admits(PackageVersion v, bool? prereleases = null)
    {
        if (Constraint.Count == 0) return true;
        foreach (var c in Constraint) if (c.Contains(v, prereleases)) return true;
        return false;
    }
}

public enum SpecStyle { Pep440, Poetry, PipfileString }

/// <summary>
/// A requirement a lockfile records for one locked package at its locked version (poetry.lock's
/// `[package.dependencies]`): what that version of the package needs from another.
/// </summary>
public sealed record LockedRequirement(string Name, IReadOnlyList<SpecifierSet> Constraint, string ConstraintText, string? Marker)
{
    public string NormalizedName => PackageName.Normalize(Name);

    /// <summary>Whether any alternative admits <paramref name="v"/> (pre-releases admitted: a pin is what it is).</summary>
    public bool Admits(PackageVersion v)
    {
        if (Constraint.Count == 0) return true;
        foreach (var c in Constraint) if (c.Contains(v, prereleases: true)) return true;
        return false;
    }

    /// <summary>
    /// Whether <paramref name="v"/> is below a lower bound (`>=`, `>`, `~=`, `==`) of every alternative: what newer
    /// releases of the requiring package keep, since lower bounds rise over releases and upper bounds are relaxed.
    /// </summary>
    public bool IsBelowLowerBound(PackageVersion v)
    {
        if (Constraint.Count == 0) return false;
        foreach (var alt in Constraint)
        {
            bool below = false;
            foreach (var c in alt.Clauses)
            {
                if (c.Version is not { } bound || c.Wildcard) continue;
                below |= c.Operator switch
                {
                    SpecOperator.GreaterEqual or SpecOperator.Compatible or SpecOperator.Equal => v < bound,
                    SpecOperator.Greater => v <= bound,
                    _ => false,
                };
            }
            if (!below) return false;
        }
        return true;
    }
}

/// <summary>A parsed manifest or lockfile.</summary>
public sealed class Manifest
{
    public required string FullPath { get; init; }
    /// <summary>Path relative to the scan root, '/'-separated: what findings carry.</summary>
    public required string RelativePath { get; init; }
    public required ManifestKind Kind { get; init; }
    public required SourceText Text { get; init; }
    public List<Dependency> Dependencies { get; } = [];
    /// <summary>Problems worth a warning (syntax errors, include cycles, unreadable includes).</summary>
    public List<string> Problems { get; } = [];
    /// <summary>Why the file as a whole could not be read (invalid TOML or JSON…), or null: the audit then fails closed.</summary>
    public string? Unreadable { get; set; }
    /// <summary>Requirements files pulled in with -r / -c (full paths).</summary>
    public List<string> Includes { get; } = [];
    /// <summary>Lockfile digest of the inputs it was made from (poetry.lock content-hash, Pipfile.lock _meta.hash).</summary>
    public string? InputHash { get; set; }

    public bool IsLockfile => Kind is ManifestKind.PoetryLock or ManifestKind.PipfileLock or ManifestKind.UvLock or ManifestKind.Pylock;

    /// <summary>1-based line/column range of offsets [start, end).</summary>
    public (int Line, int Column, int EndLine, int EndColumn) Span(int start, int end)
    {
        var (l1, c1) = Text.Position(Math.Clamp(start, 0, Text.Text.Length));
        var (l2, c2) = Text.Position(Math.Clamp(Math.Max(start, end), 0, Text.Text.Length));
        return (l1, c1 + 1, l2, c2 + 1);
    }
}
