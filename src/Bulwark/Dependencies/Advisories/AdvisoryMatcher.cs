using Bulwark.Dependencies.Versions;
using Bulwark.Core;

namespace Bulwark.Dependencies.Advisories;

/// <summary>One vulnerability affecting a package: records that alias each other merged into one.</summary>
public sealed class VulnerabilityMatch
{
    public required string Id { get; init; }
    /// <summary>Every other id of the vulnerability (CVE, GHSA, other PYSEC ids), sorted.</summary>
    public required IReadOnlyList<string> Aliases { get; init; }
    public required string Summary { get; init; }
    /// <summary>The longest `details` of the merged records (pip-audit's description), or empty.</summary>
    public string Details { get; init; } = "";
    public required Severity Severity { get; init; }
    public double? Score { get; init; }
    /// <summary>Versions in which the advisory's ranges say the vulnerability is fixed, ascending.</summary>
    public required IReadOnlyList<PackageVersion> FixedIn { get; init; }
    public required IReadOnlyList<Advisory> Records { get; init; }
    public required IReadOnlyList<AffectedPackage> Affected { get; init; }
    public IReadOnlyList<string> References { get; init; } = [];
}

/// <summary>Decides which OSV records affect a package version (ECOSYSTEM ranges with PEP 440 ordering, explicit versions).</summary>
public static class AdvisoryMatcher
{
    /// <summary>
    /// For versions that are not PEP 440 (legacy `0.7.1.fix1`, `2.0.0-final`): only an explicit listing matches,
    /// compared as text, case-insensitively.
    /// </summary>
    public static bool IsAffectedRaw(AffectedPackage p, string version)
    {
        foreach (var listed in p.Versions)
            if (string.Equals(listed, version, StringComparison.OrdinalIgnoreCase)) return true;
        return PackageVersion.TryParse(version, out var v) && IsAffected(p, v);
    }

    public static bool IsAffected(AffectedPackage p, PackageVersion v)
    {
        // Listed versions are sorted; local labels make equal-ranked neighbours impossible, so a binary search suffices.
        if (Array.BinarySearch(p.ParsedVersions, v) >= 0) return true;
        foreach (var r in p.Ranges)
            if (r.Type == "ECOSYSTEM" && RangeAffects(r, v)) return true;
        return false;
    }

    /// <summary>
    /// OSV's evaluation: walk the events in version order; `introduced` at or below v switches on, `fixed` at or below
    /// v switches off, `last_affected` below v switches off; `limit` caps the range.
    /// </summary>
    public static bool RangeAffects(AffectedRange r, PackageVersion v)
    {
        var limits = r.Limits;
        if (limits.Length > 0)
        {
            bool below = false;
            foreach (var l in limits) if (v < l) { below = true; break; }
            if (!below) return false;
        }
        var events = r.SortedEvents;
        bool affected = false;
        foreach (var (ver, kind) in events)
        {
            switch (kind)
            {
                case EventKind.Introduced: if (ver is null || v >= ver) affected = true; break;
                case EventKind.Fixed: if (v >= ver!) affected = false; break;
                case EventKind.LastAffected: if (v > ver!) affected = false; break;
            }
        }
        return affected;
    }

    /// <summary>Vulnerabilities affecting an exact version, aliases merged.</summary>
    public static List<VulnerabilityMatch> Match(AdvisoryStore store, string normalizedName, PackageVersion v)
    {
        var hits = new List<(Advisory, AffectedPackage)>();
        foreach (var (a, p) in store.ForPackage(normalizedName))
            if (a.Withdrawn is null && IsAffected(p, v)) hits.Add((a, p));
        return Merge(hits);
    }

    /// <summary>Vulnerabilities affecting a version given as text: PEP 440 when it parses, else listed versions only.</summary>
    public static List<VulnerabilityMatch> Match(AdvisoryStore store, string normalizedName, string version)
    {
        if (PackageVersion.TryParse(version, out var v)) return Match(store, normalizedName, v);
        var hits = new List<(Advisory, AffectedPackage)>();
        foreach (var (a, p) in store.ForPackage(normalizedName))
            if (a.Withdrawn is null && IsAffectedRaw(p, version)) hits.Add((a, p));
        return Merge(hits);
    }

    /// <summary>
    /// Vulnerabilities with at least one affected version that <paramref name="admits"/> accepts: listed versions,
    /// range boundaries and the constraint's own boundary versions are the candidates tried.
    /// </summary>
    public static List<VulnerabilityMatch> MatchConstraint(AdvisoryStore store, string normalizedName, Func<PackageVersion, bool> admits,
        IEnumerable<PackageVersion> extraCandidates)
    {
        // Each distinct candidate is judged once: a long constraint against a package with hundreds of advisories
        // would otherwise cost advisories × candidates × clauses.
        var extra = new HashSet<PackageVersion>(extraCandidates).ToList();
        var admitted = new Dictionary<PackageVersion, bool>();
        bool Admits(PackageVersion v)
        {
            if (!admitted.TryGetValue(v, out var ok)) admitted[v] = ok = admits(v);
            return ok;
        }
        var hits = new List<(Advisory, AffectedPackage)>();
        foreach (var (a, p) in store.ForPackage(normalizedName))
        {
            if (a.Withdrawn is not null) continue;
            bool found = false;
            foreach (var v in Candidates(p, extra))
                if (Admits(v) && IsAffected(p, v)) { found = true; break; }
            if (found) hits.Add((a, p));
        }
        return Merge(hits);
    }

    static IEnumerable<PackageVersion> Candidates(AffectedPackage p, List<PackageVersion> extra)
    {
        foreach (var v in p.ParsedVersions) yield return v;
        foreach (var r in p.Ranges)
            foreach (var e in r.Events)
                if (e.Kind is EventKind.Introduced or EventKind.LastAffected && PackageVersion.TryParse(e.Version, out var ev)) yield return ev;
        foreach (var v in extra) yield return v;
    }

    /// <summary>Groups records that name each other (id or alias) into one vulnerability each.</summary>
    static List<VulnerabilityMatch> Merge(List<(Advisory Advisory, AffectedPackage Affected)> hits)
    {
        var result = new List<VulnerabilityMatch>();
        if (hits.Count == 0) return result;
        var parent = new int[hits.Count];
        for (int i = 0; i < parent.Length; i++) parent[i] = i;
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        var owner = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < hits.Count; i++)
        {
            var a = hits[i].Advisory;
            foreach (var id in a.Aliases.Prepend(a.Id))
            {
                if (owner.TryGetValue(id, out var j)) parent[Find(i)] = Find(j);
                else owner[id] = i;
            }
        }
        var groups = new SortedDictionary<int, List<int>>();
        for (int i = 0; i < hits.Count; i++)
        {
            int root = Find(i);
            if (!groups.TryGetValue(root, out var g)) groups[root] = g = [];
            g.Add(i);
        }
        foreach (var g in groups.Values)
        {
            var records = g.Select(i => hits[i].Advisory).Distinct().ToList();
            var primary = records.OrderBy(r => IdRank(r.Id)).ThenBy(r => r.Id, StringComparer.Ordinal).First();
            var ids = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var r in records) { ids.Add(r.Id); foreach (var al in r.Aliases) ids.Add(al); }
            ids.Remove(primary.Id);
            var fixedIn = new SortedSet<PackageVersion>();
            foreach (var i in g)
                foreach (var r in hits[i].Affected.Ranges)
                    if (r.Type == "ECOSYSTEM")
                        foreach (var (fv, kind) in r.SortedEvents)
                            if (kind == EventKind.Fixed && fv is not null) fixedIn.Add(fv);
            var (sev, score) = (Severity.Low, (double?)null);
            bool any = false;
            foreach (var r in records)
            {
                var (s, sc) = r.Rating;
                if (!any || s > sev || s == sev && (sc ?? 0) > (score ?? 0)) { sev = s; score = sc; any = true; }
            }
            var refs = records.SelectMany(r => r.References).Distinct().Take(5).ToList();
            var summary = records.Select(r => r.Summary).FirstOrDefault(s => s.Length > 0) ?? "";
            var details = records.Select(r => r.Details).MaxBy(d => d.Length) ?? "";
            result.Add(new VulnerabilityMatch
            {
                Id = primary.Id, Aliases = ids.ToList(), Summary = summary, Details = details, Severity = sev, Score = score,
                FixedIn = fixedIn.ToList(), Records = records, Affected = g.Select(i => hits[i].Affected).ToList(), References = refs,
            });
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return result;
    }

    // The PyPA database's own ids first, then GitHub's, then anything else.
    static int IdRank(string id) =>
        id.StartsWith("PYSEC-", StringComparison.Ordinal) ? 0 : id.StartsWith("GHSA-", StringComparison.Ordinal) ? 1 : 2;

    /// <summary>
    /// The smallest version above <paramref name="current"/> that none of the matched vulnerabilities affects — and,
    /// when one exists, that no other known advisory of the package affects either. Null when no fix is known.
    /// </summary>
    public static PackageVersion? SmallestFix(AdvisoryStore store, string normalizedName, PackageVersion current, IReadOnlyList<VulnerabilityMatch> matches)
    {
        var candidates = new SortedSet<PackageVersion>();
        foreach (var m in matches) foreach (var f in m.FixedIn) if (f > current) candidates.Add(f);
        PackageVersion? fallback = null;
        foreach (var c in candidates)
        {
            bool fixesAll = true;
            foreach (var m in matches)
                foreach (var p in m.Affected)
                    if (IsAffected(p, c)) { fixesAll = false; break; }
            if (!fixesAll) continue;
            fallback ??= c;
            bool clean = true;
            foreach (var (a, p) in store.ForPackage(normalizedName))
                if (a.Withdrawn is null && IsAffected(p, c)) { clean = false; break; }
            if (clean) return c;
        }
        return fallback;
    }
}
