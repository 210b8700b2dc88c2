using Bulwark.Dependencies.Versions;

namespace Bulwark.Dependencies.Advisories;

public enum EventKind : byte { Introduced, Fixed, LastAffected, Limit }

public readonly record struct RangeEvent(EventKind Kind, string Version);

/// <summary>An OSV `ECOSYSTEM` range: events in the order the record lists them.</summary>
public sealed class AffectedRange(string type, IReadOnlyList<RangeEvent> events)
{
    public string Type { get; } = type;
    public IReadOnlyList<RangeEvent> Events { get; } = events;

    // Parsed once, published as one object so concurrent readers never see half of it.
    sealed record Parsed((PackageVersion? Version, EventKind Kind)[] Sorted, PackageVersion[] Limits);
    Parsed? _parsed;

    /// <summary>Introduced/fixed/last_affected events that parse as PEP 440, in version order (`introduced: 0` first, as null).</summary>
    internal (PackageVersion? Version, EventKind Kind)[] SortedEvents
    {
        get
        {
            if (_parsed is { } done) return done.Sorted;
            var list = new List<(PackageVersion?, EventKind)>(Events.Count);
            var limits = new List<PackageVersion>();
            foreach (var e in Events)
            {
                if (e.Kind == EventKind.Limit)
                {
                    if (e.Version != "*" && PackageVersion.TryParse(e.Version, out var lv)) limits.Add(lv);
                    continue;
                }
                if (e.Kind == EventKind.Introduced && e.Version == "0") { list.Add((null, e.Kind)); continue; }
                if (PackageVersion.TryParse(e.Version, out var pv)) list.Add((pv, e.Kind));
            }
            list.Sort((a, b) =>
            {
                if (a.Item1 is null) return b.Item1 is null ? 0 : -1;
                if (b.Item1 is null) return 1;
                int c = a.Item1.CompareTo(b.Item1);
                return c != 0 ? c : a.Item2.CompareTo(b.Item2);
            });
            var parsed = new Parsed(list.ToArray(), limits.ToArray());
            _parsed = parsed;
            return parsed.Sorted;
        }
    }

    internal PackageVersion[] Limits { get { _ = SortedEvents; return _parsed!.Limits; } }
}

/// <summary>One `affected[]` entry of an OSV record for a PyPI package.</summary>
public sealed class AffectedPackage(string name, IReadOnlyList<AffectedRange> ranges, IReadOnlyList<string> versions)
{
    /// <summary>PEP 503-normalised distribution name.</summary>
    public string Name { get; } = name;
    public IReadOnlyList<AffectedRange> Ranges { get; } = ranges;
    public IReadOnlyList<string> Versions { get; } = versions;

    PackageVersion[]? _parsedVersions;
    /// <summary>The explicit versions that parse as PEP 440, sorted.</summary>
    public PackageVersion[] ParsedVersions => _parsedVersions ??= ParseAll(Versions);

    static PackageVersion[] ParseAll(IReadOnlyList<string> list)
    {
        var result = new List<PackageVersion>(list.Count);
        foreach (var s in list) if (PackageVersion.TryParse(s, out var v)) result.Add(v);
        result.Sort();
        return result.ToArray();
    }
}

/// <summary>An OSV vulnerability record, reduced to what matching and reporting need.</summary>
public sealed class Advisory
{
    public required string Id { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public string Summary { get; init; } = "";
    /// <summary>The record's `details` (Markdown, possibly long; empty when the record has none or was stored before format 2).</summary>
    public string Details { get; init; } = "";
    public DateTimeOffset Modified { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Withdrawn { get; init; }
    /// <summary>CVSS vector strings from `severity[]` (v3 or v4).</summary>
    public IReadOnlyList<string> CvssVectors { get; init; } = [];
    /// <summary>A severity word from `database_specific.severity` (GitHub's LOW/MODERATE/HIGH/CRITICAL).</summary>
    public string? SeverityLabel { get; init; }
    public IReadOnlyList<string> References { get; init; } = [];
    public IReadOnlyList<AffectedPackage> Affected { get; init; } = [];

    Tuple<Core.Severity, double?>? _rating;
    /// <summary>Severity and CVSS score, computed once (<see cref="Cvss.Of"/>).</summary>
    public (Core.Severity Severity, double? Score) Rating
    {
        get
        {
            var r = _rating ??= Tuple.Create(Cvss.Of(this).Severity, Cvss.Of(this).Score);
            return (r.Item1, r.Item2);
        }
    }
}
