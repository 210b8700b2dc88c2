using System.Globalization;
using System.Text.Json;
using Bulwark.Documents.Yaml;
using Bulwark.Dependencies.Requirements;

namespace Bulwark.Dependencies.Advisories;

/// <summary>Reads OSV records from JSON or YAML into <see cref="Advisory"/>; only PyPI `affected` entries are kept.</summary>
public static class OsvReader
{
    public static Advisory FromJson(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true });
        return FromTree(ToTree(doc.RootElement));
    }

    /// <summary>An OSV record has a few thousand nodes at most; anything far larger is malformed or hostile.</summary>
    static readonly YamlLimits RecordLimits = new() { MaxExpandedNodes = 500_000 };

    /// <summary>Through the bounded loader: a malformed, self-referencing or alias-bomb record is a <see cref="FormatException"/>.</summary>
    public static Advisory FromYaml(string yaml)
    {
        var file = YamlLoader.Load(yaml, RecordLimits);
        if (file.Root is null) throw new FormatException("empty YAML document");
        return FromTree(ToTree(file.Root));
    }

    /// <summary>Parses by file extension (`.json`, `.yaml`, `.yml`).</summary>
    public static Advisory FromFile(string name, string text) =>
        name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? FromJson(text) : FromYaml(text);

    // Both formats become the same tree of dictionaries, lists and strings.
    static object? ToTree(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => ToTree(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => e.EnumerateArray().Select(ToTree).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => e.GetRawText(),
    };

    // The loader bounded depth and alias expansion, so this recursion is bounded too.
    static object? ToTree(YamlNode n)
    {
        switch (n)
        {
            case YamlMapping map:
                var d = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (key, value) in map.Pairs()) d[key.Value] = ToTree(value);
                return d;
            case YamlSequence seq:
                return seq.Items.Select(ToTree).ToList();
            case YamlScalar s:
                return s.IsNull && s.Style == YamlScalarStyle.Plain && s.Value is "~" or "null" or "Null" or "NULL" ? null : s.Value;
            default:
                return null;
        }
    }

    static Advisory FromTree(object? tree)
    {
        if (tree is not Dictionary<string, object?> r) throw new FormatException("an OSV record is an object");
        var id = Str(r, "id") ?? throw new FormatException("OSV record without id");
        var affected = new List<AffectedPackage>();
        foreach (var a in List(r, "affected"))
        {
            if (a is not Dictionary<string, object?> ad) continue;
            var pkg = ad.GetValueOrDefault("package") as Dictionary<string, object?>;
            var eco = pkg is null ? null : Str(pkg, "ecosystem");
            var name = pkg is null ? null : Str(pkg, "name");
            if (name is null || eco is null || !eco.StartsWith("PyPI", StringComparison.OrdinalIgnoreCase)) continue;
            var ranges = new List<AffectedRange>();
            foreach (var rg in List(ad, "ranges"))
            {
                if (rg is not Dictionary<string, object?> rd) continue;
                var type = Str(rd, "type") ?? "";
                var events = new List<RangeEvent>();
                foreach (var ev in List(rd, "events"))
                {
                    if (ev is not Dictionary<string, object?> ed) continue;
                    foreach (var (k, v) in ed)
                    {
                        if (v is not string s) continue;
                        EventKind? kind = k switch
                        {
                            "introduced" => EventKind.Introduced, "fixed" => EventKind.Fixed,
                            "last_affected" => EventKind.LastAffected, "limit" => EventKind.Limit, _ => null,
                        };
                        if (kind is { } kk) events.Add(new RangeEvent(kk, s));
                    }
                }
                ranges.Add(new AffectedRange(type, events));
            }
            var versions = new List<string>();
            foreach (var v in List(ad, "versions")) if (v is string s) versions.Add(s);
            affected.Add(new AffectedPackage(PackageName.Normalize(name), ranges, versions));
        }
        var vectors = new List<string>();
        foreach (var s in List(r, "severity"))
            if (s is Dictionary<string, object?> sd && Str(sd, "score") is { } score && (Str(sd, "type") ?? "").StartsWith("CVSS", StringComparison.Ordinal))
                vectors.Add(score);
        string? label = r.GetValueOrDefault("database_specific") is Dictionary<string, object?> db ? Str(db, "severity") : null;
        var refs = new List<string>();
        foreach (var x in List(r, "references"))
            if (x is Dictionary<string, object?> xd && Str(xd, "url") is { } url) refs.Add(url);
        var aliases = new List<string>();
        foreach (var x in List(r, "aliases")) if (x is string s) aliases.Add(s);
        var details = (Str(r, "details") ?? "").Trim();
        var summary = Str(r, "summary")?.Trim();
        if (string.IsNullOrWhiteSpace(summary)) summary = FirstSentence(details);
        return new Advisory
        {
            Id = id, Aliases = aliases, Summary = summary, Details = details, Modified = Date(Str(r, "modified")) ?? DateTimeOffset.MinValue,
            Published = Date(Str(r, "published")), Withdrawn = Date(Str(r, "withdrawn")), CvssVectors = vectors,
            SeverityLabel = label, References = refs, Affected = affected,
        };
    }

    /// <summary>A one-line summary from a details paragraph: its first sentence, at most 200 characters.</summary>
    static string FirstSentence(string details)
    {
        var d = details.Replace('\n', ' ').Replace("**", "").Trim();
        int dot = d.IndexOf(". ", StringComparison.Ordinal);
        // A first sentence that only introduces the package ("Requests is a HTTP library.") says nothing: take the next too.
        if (dot > 0 && dot < 60)
        {
            int next = d.IndexOf(". ", dot + 2, StringComparison.Ordinal);
            if (next > 0 && next < 200) return d[..(next + 1)];
        }
        if (dot > 0 && dot < 200) return d[..(dot + 1)];
        return Shorten(d, 200);
    }

    /// <summary>
    /// At most <paramref name="max"/> characters, cut at the last word boundary that fits and marked with "…": never
    /// in the middle of a word (a single word longer than the limit is the only exception, cut whole at the limit).
    /// </summary>
    public static string Shorten(string text, int max)
    {
        var d = text.Trim();
        if (d.Length <= max) return d;
        int limit = max - 1; // room for the ellipsis
        int cut = -1;
        for (int i = limit; i > 0; i--)
            if (char.IsWhiteSpace(d[i])) { cut = i; break; }
        if (cut <= 0)
        {
            cut = limit;
            if (char.IsLowSurrogate(d[cut])) cut--;
        }
        return d[..cut].TrimEnd(',', ';', ':', ' ', '\t', '(', '-') + "…";
    }

    static string? Str(Dictionary<string, object?> d, string key) => d.GetValueOrDefault(key) as string;
    static List<object?> List(Dictionary<string, object?> d, string key) => d.GetValueOrDefault(key) as List<object?> ?? [];

    static DateTimeOffset? Date(string? s) =>
        s is not null && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
}
