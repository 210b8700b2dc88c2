using Bulwark.Dependencies.Manifests;
using Bulwark.Dependencies.Requirements;
using Bulwark.Dependencies.Versions;

namespace Bulwark.Dependencies;

/// <summary>Why a planned pin was not written: it cannot be installed with the other pins.</summary>
/// <param name="Edit">The upgrade left out.</param>
/// <param name="Certain">True when the lockfile records the requirement for the very versions involved; false when it is
/// inferred from the requirements of the package's current version (a lower bound, which later releases keep).</param>
public sealed record PinConflict(PinEdit Edit, string Message, bool Certain);

/// <summary>The edits that can be written, the ones that conflict, and warnings about the ones kept.</summary>
public sealed record CompatibilityResult(IReadOnlyList<PinEdit> Kept, IReadOnlyList<PinConflict> Conflicts, IReadOnlyList<string> Warnings);

/// <summary>
/// Checks a set of planned pin upgrades against what the project's lockfiles record about requirements between
/// packages (poetry.lock's `[package.dependencies]`; uv.lock, pylock.toml and Pipfile.lock record no version
/// constraints for third-party packages), so `fix deps` never writes pins that cannot be installed together:
/// <list type="bullet">
/// <item>the upgraded package's requirements at its target version, when a lockfile records that version: every other
/// pin must satisfy them (certain);</item>
/// <item>else its requirements at its current version: another pin below one of their lower bounds conflicts (lower
/// bounds rise from release to release; upper bounds are not carried over, since later releases relax them);</item>
/// <item>every package pinned at a locked version that the plan does not change, and whose lock entry records a
/// requirement on the upgraded package, must admit the target version (certain).</item>
/// </list>
/// "Other pins" are the exact pins of requirements files, constraints files and pyproject.toml after the plan; lock
/// entries are not pins (the lockfile is regenerated after the fix, and its resolver may move them).
/// An edit that conflicts is left out and the rest checked again, until nothing changes. Requirements behind
/// markers are evaluated for CPython 3.12 on Linux, like the rest of the audit; `extra` markers never apply.
/// </summary>
public static class PinCompatibility
{
    public static CompatibilityResult Check(ManifestSet set, IReadOnlyList<PinEdit> edits)
    {
        // What each locked (package, version) requires.
        var requires = new Dictionary<(string, PackageVersion), (Manifest Lock, IReadOnlyList<LockedRequirement> Requires)>();
        foreach (var m in set.Manifests)
        {
            if (!m.IsLockfile) continue;
            foreach (var d in m.Dependencies)
                if (d.Version is { } v && d.Requires.Count > 0) requires.TryAdd((d.NormalizedName, v), (m, d.Requires));
        }

        var kept = new List<PinEdit>(edits);
        var conflicts = new List<PinConflict>();
        bool changed = true;
        while (changed)
        {
            changed = false;
            var pins = Pins(set, kept);
            foreach (var edit in kept)
            {
                if (FirstConflict(edit, kept, pins, requires) is not { } conflict) continue;
                conflicts.Add(conflict);
                kept.Remove(edit);
                changed = true;
                break;
            }
        }

        var warnings = new List<string>();
        foreach (var e in kept)
            if (Major(e.To) > Major(e.From))
                warnings.Add($"{e.Manifest.RelativePath}: {e.Dependency.Name} {e.From} -> {e.To} is a major-version upgrade ({Major(e.From)} to {Major(e.To)}): read its changelog for breaking changes");
        return new CompatibilityResult(kept, conflicts, warnings);
    }

    static long Major(PackageVersion v) => v.Release.Count > 0 ? v.Release[0] : 0;

    /// <summary>A pinned version of a package after the planned edits: where it is written and whether an edit set it.</summary>
    sealed record Pin(string Name, PackageVersion Version, string Where, PinEdit? Edit);

    /// <summary>Every exact version the project's manifests pin (requirements, constraints, pyproject), with the planned edits applied.</summary>
    static Dictionary<string, List<Pin>> Pins(ManifestSet set, List<PinEdit> edits)
    {
        var edited = new Dictionary<Dependency, PinEdit>(ReferenceEqualityComparer.Instance);
        foreach (var e in edits) edited[e.Dependency] = e;
        var pins = new Dictionary<string, List<Pin>>(StringComparer.Ordinal);
        foreach (var m in set.Manifests)
        {
            // Lock entries are not pins: the lockfile is regenerated after the fix, and its resolver may move them.
            if (m.IsLockfile) continue;
            foreach (var d in m.Dependencies)
            {
                PackageVersion? v = edited.TryGetValue(d, out var e) ? e.To : d.Version;
                if (v is null) continue;
                if (d.Marker is { } marker && !Applies(marker)) continue;
                var (line, _, _, _) = m.Span(d.Start, d.End);
                if (!pins.TryGetValue(d.NormalizedName, out var list)) pins[d.NormalizedName] = list = [];
                list.Add(new Pin(d.Name, v, $"{m.RelativePath}:{line}", e));
            }
        }
        return pins;
    }

    static PinConflict? FirstConflict(PinEdit edit, List<PinEdit> plan, Dictionary<string, List<Pin>> pins,
        Dictionary<(string, PackageVersion), (Manifest Lock, IReadOnlyList<LockedRequirement> Requires)> requires)
    {
        var name = edit.Dependency.NormalizedName;
        var shown = $"{edit.Dependency.Name} {edit.To}";

        // 1. What the upgraded package needs, known for the target version or inferred from the current one.
        bool exact = requires.TryGetValue((name, edit.To), out var atTarget);
        if (exact || requires.TryGetValue((name, edit.From), out atTarget))
        {
            foreach (var req in atTarget.Requires)
            {
                if (req.Marker is { } marker && !Applies(marker)) continue;
                if (!pins.TryGetValue(req.NormalizedName, out var others)) continue;
                foreach (var other in others)
                {
                    bool conflict = exact ? !req.Admits(other.Version) : req.IsBelowLowerBound(other.Version);
                    if (!conflict) continue;
                    var basis = exact
                        ? $"{atTarget.Lock.RelativePath} records that {shown} requires {req.Name} {req.ConstraintText}"
                        : $"{atTarget.Lock.RelativePath} records that {edit.Dependency.Name} {edit.From} already requires {req.Name} {req.ConstraintText}, and later releases keep such lower bounds";
                    return new PinConflict(edit, $"{shown} cannot be installed with {other.Name} {other.Version} ({other.Where}): {basis}", exact);
                }
            }
        }

        // 2. Packages that stay at their version and record a requirement on the upgraded one.
        foreach (var ((dependent, version), (lockfile, list)) in requires)
        {
            if (dependent == name) continue;
            if (!pins.TryGetValue(dependent, out var dependentPins)) continue;
            bool stays = false;
            foreach (var p in dependentPins) if (p.Version == version && p.Edit is null) { stays = true; break; }
            // The dependent is upgraded too (or not installed at that version): its new requirements are not recorded.
            bool upgraded = false;
            foreach (var e in plan) if (e.Dependency.NormalizedName == dependent) { upgraded = true; break; }
            if (!stays || upgraded) continue;
            foreach (var req in list)
            {
                if (req.NormalizedName != name || (req.Marker is { } marker && !Applies(marker))) continue;
                if (req.Admits(edit.To)) continue;
                return new PinConflict(edit,
                    $"{shown} cannot be installed with {dependentPins[0].Name} {version}: {lockfile.RelativePath} records that {dependentPins[0].Name} {version} requires {req.Name} {req.ConstraintText}",
                    Certain: true);
            }
        }
        return null;
    }

    static bool Applies(string marker)
    {
        if (!Marker.TryParse(marker, out var parsed, out _)) return true;
        try
        {
            var env = new Dictionary<string, string>(Marker.DefaultEnvironment) { ["extra"] = "" };
            return parsed.Evaluate(env);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or KeyNotFoundException) { return true; }
    }
}
