using System.Text.Json;
using Bulwark.Dependencies.Advisories;
using Bulwark.Dependencies.Manifests;
using Bulwark.Core;

namespace Bulwark.Dependencies.Sbom;

/// <summary>
/// A CycloneDX 1.6 JSON bill of materials: one component per resolved (package, version) — lockfile entries and exact
/// pins — with purls `pkg:pypi/name@version`, plus the vulnerabilities the advisory store knows for them.
/// </summary>
public static class CycloneDxWriter
{
    public sealed record Component(string Name, string Version, IReadOnlyList<string> Hashes, SortedSet<string> Manifests)
    {
        public string Purl => $"pkg:pypi/{Name}@{Version}";
    }

    public static List<Component> Components(ManifestSet set)
    {
        var byPurl = new SortedDictionary<string, Component>(StringComparer.Ordinal);
        foreach (var m in set.Manifests)
            foreach (var d in m.Dependencies)
            {
                var version = d.Version?.ToString() ?? d.RawVersion;
                if (version is null || d.Url is not null && d.Role != DependencyRole.Locked) continue;
                var c = new Component(d.NormalizedName, version, d.Hashes, new SortedSet<string>(StringComparer.Ordinal));
                if (!byPurl.TryGetValue(c.Purl, out var existing)) byPurl[c.Purl] = existing = c;
                else if (existing.Hashes.Count == 0 && d.Hashes.Count > 0) byPurl[c.Purl] = existing = c with { Manifests = existing.Manifests };
                existing.Manifests.Add(m.RelativePath);
            }
        return byPurl.Values.ToList();
    }

    public static void Write(Stream output, string projectName, ManifestSet set, AdvisoryStore? store, DateTimeOffset timestamp, Guid serial)
    {
        var components = Components(set);
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("bomFormat", "CycloneDX");
        w.WriteString("specVersion", "1.6");
        w.WriteString("serialNumber", "urn:uuid:" + serial.ToString("D"));
        w.WriteNumber("version", 1);
        w.WriteStartObject("metadata");
        w.WriteString("timestamp", timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteStartObject("tools");
        w.WriteStartArray("components");
        w.WriteStartObject();
        w.WriteString("type", "application");
        w.WriteString("name", "bulwark");
        w.WriteString("version", BulwarkVersion.Current);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("component");
        w.WriteString("type", "application");
        w.WriteString("bom-ref", "project");
        w.WriteString("name", projectName);
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartArray("components");
        foreach (var c in components)
        {
            w.WriteStartObject();
            w.WriteString("type", "library");
            w.WriteString("bom-ref", c.Purl);
            w.WriteString("name", c.Name);
            w.WriteString("version", c.Version);
            w.WriteString("purl", c.Purl);
            var hashes = c.Hashes.Select(ParseHash).Where(h => h is not null).Distinct().ToList();
            if (hashes.Count > 0)
            {
                w.WriteStartArray("hashes");
                foreach (var h in hashes)
                {
                    w.WriteStartObject();
                    w.WriteString("alg", h!.Value.Alg);
                    w.WriteString("content", h.Value.Content);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteStartArray("properties");
            foreach (var m in c.Manifests)
            {
                w.WriteStartObject();
                w.WriteString("name", "bulwark:manifest");
                w.WriteString("value", m);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("dependencies");
        w.WriteStartObject();
        w.WriteString("ref", "project");
        w.WriteStartArray("dependsOn");
        foreach (var c in components) w.WriteStringValue(c.Purl);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();

        if (store is not null)
        {
            // One entry per vulnerability, listing every affected component.
            var vulns = new SortedDictionary<string, (VulnerabilityMatch Match, List<(Component, string?)> Affects)>(StringComparer.Ordinal);
            foreach (var c in components)
            {
                var matches = AdvisoryMatcher.Match(store, c.Name, c.Version);
                var fix = Versions.PackageVersion.TryParse(c.Version, out var cv) ? AdvisoryMatcher.SmallestFix(store, c.Name, cv, matches)?.ToString() : null;
                foreach (var m in matches)
                {
                    if (!vulns.TryGetValue(m.Id, out var entry)) vulns[m.Id] = entry = (m, []);
                    entry.Affects.Add((c, fix));
                }
            }
            w.WriteStartArray("vulnerabilities");
            foreach (var (id, (match, affects)) in vulns)
            {
                w.WriteStartObject();
                w.WriteString("bom-ref", "vuln-" + id);
                w.WriteString("id", id);
                w.WriteStartObject("source");
                w.WriteString("name", "OSV");
                w.WriteString("url", "https://osv.dev/vulnerability/" + id);
                w.WriteEndObject();
                if (match.Aliases.Count > 0)
                {
                    w.WriteStartArray("references");
                    foreach (var a in match.Aliases)
                    {
                        w.WriteStartObject();
                        w.WriteString("id", a);
                        w.WriteStartObject("source");
                        w.WriteString("name", a.StartsWith("CVE-", StringComparison.Ordinal) ? "NVD" : a.StartsWith("GHSA-", StringComparison.Ordinal) ? "GitHub" : "OSV");
                        w.WriteEndObject();
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                w.WriteStartArray("ratings");
                w.WriteStartObject();
                if (match.Score is { } score) w.WriteNumber("score", score);
                w.WriteString("severity", match.Severity.ToString().ToLowerInvariant());
                var vector = match.Records.SelectMany(r => r.CvssVectors).FirstOrDefault(v => v.StartsWith("CVSS:3", StringComparison.Ordinal));
                if (vector is not null)
                {
                    w.WriteString("method", vector.StartsWith("CVSS:3.1", StringComparison.Ordinal) ? "CVSSv31" : "CVSSv3");
                    w.WriteString("vector", vector);
                }
                else w.WriteString("method", "other");
                w.WriteEndObject();
                w.WriteEndArray();
                if (match.Summary.Length > 0) w.WriteString("description", match.Summary);
                var fixes = affects.Select(a => a.Item2).Where(f => f is not null).Distinct().ToList();
                if (fixes.Count > 0) w.WriteString("recommendation", "Upgrade to " + string.Join(", ", affects.Where(a => a.Item2 is not null).Select(a => $"{a.Item1.Name} {a.Item2}").Distinct()));
                w.WriteStartArray("affects");
                foreach (var (c, _) in affects)
                {
                    w.WriteStartObject();
                    w.WriteString("ref", c.Purl);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    static (string Alg, string Content)? ParseHash(string h)
    {
        int colon = h.IndexOf(':');
        if (colon <= 0) return null;
        var alg = h[..colon].ToLowerInvariant() switch
        {
            "sha256" => "SHA-256", "sha384" => "SHA-384", "sha512" => "SHA-512", "sha1" => "SHA-1", "md5" => "MD5", _ => null,
        };
        var content = h[(colon + 1)..];
        // CycloneDX requires hex digests; placeholders in hand-written files are skipped.
        if (alg is null || content.Length < 32 || !content.All(Uri.IsHexDigit)) return null;
        return (alg, content.ToLowerInvariant());
    }
}
