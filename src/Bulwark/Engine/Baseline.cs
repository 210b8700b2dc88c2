using System.Text.Json;
using Bulwark.Core;

namespace Bulwark.Engine;

/// <summary>
/// A baseline: the fingerprints of accepted findings. `scan --baseline FILE` reports only findings absent from it.
/// Fingerprints rest on the finding's code, not its line, so inserting lines above a finding keeps it baselined.
/// </summary>
public static class Baseline
{
    public const int FormatVersion = 1;

    public static void Write(ScanResult result, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("version", FormatVersion);
        w.WriteString("tool", "bulwark " + result.ToolVersion);
        w.WriteStartArray("findings");
        foreach (var f in result.Findings)
        {
            w.WriteStartObject();
            w.WriteString("fingerprint", f.Fingerprint);
            w.WriteString("ruleId", f.Rule.Id);
            w.WriteString("path", f.Location.Path);
            w.WriteNumber("line", f.Location.StartLine);
            // The message is for humans reviewing the baseline; it never carries a secret in full.
            w.WriteString("message", f.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Reads a baseline file; a malformed one is a <see cref="ConfigException"/> naming the file.</summary>
    public static BaselineFile Read(string path)
    {
        var read = BoundedFile.ReadBytes(path, BoundedFile.MaxConfigBytes);
        if (read.Bytes is not { } bytes) throw new ConfigException($"{Untrusted.Visible(path)}: cannot read baseline: {read.Error}");
        return Parse(bytes, path);
    }

    public static BaselineFile Parse(byte[] bytes, string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var v)
                || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var version) || version != FormatVersion)
                throw new ConfigException($"{Untrusted.Visible(path)}: not a Bulwark baseline (version {FormatVersion}); create one with `bulwark baseline create`");
            if (!root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
                throw new ConfigException($"{Untrusted.Visible(path)}: malformed baseline: no findings array");
            var entries = new List<BaselineEntry>();
            foreach (var f in findings.EnumerateArray())
            {
                if (f.ValueKind != JsonValueKind.Object) continue;
                // An entry without rule and path cannot be checked against the finding it hides: it hides nothing.
                if (Str(f, "fingerprint") is { } fp && Str(f, "ruleId") is { } rule && Str(f, "path") is { } file)
                    entries.Add(new BaselineEntry(fp, rule, file));
            }
            return new BaselineFile(entries);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new ConfigException($"{Untrusted.Visible(path)}: malformed baseline: {Untrusted.Message(ex.Message)}");
        }
    }

    static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>One accepted finding: its fingerprint, and the rule and path it was recorded for.</summary>
public sealed record BaselineEntry(string Fingerprint, string RuleId, string Path);

/// <summary>What a baseline did in a scan: how many findings it hid, and its entries that hid nothing.</summary>
public sealed record BaselineOutcome(int Applied, IReadOnlyList<BaselineEntry> Stale, IReadOnlyList<(BaselineEntry Entry, Finding Finding)> Mismatched);

/// <summary>
/// A baseline's entries. An entry hides a finding only when fingerprint, rule and path all agree: a fingerprint
/// alone could be copied onto an entry labelled "assert in tests" to hide a shell injection elsewhere.
/// </summary>
public sealed class BaselineFile(IReadOnlyList<BaselineEntry> entries)
{
    public IReadOnlyList<BaselineEntry> Entries { get; } = entries;

    public static BaselineFile From(IEnumerable<Finding> findings) =>
        new(findings.Select(f => new BaselineEntry(f.Fingerprint, f.Rule.Id, f.Location.Path)).ToList());

    /// <summary>Removes the findings this baseline accepts from <paramref name="findings"/> and says what it did.</summary>
    public BaselineOutcome Apply(List<Finding> findings)
    {
        var byFingerprint = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < Entries.Count; i++)
        {
            if (!byFingerprint.TryGetValue(Entries[i].Fingerprint, out var list)) byFingerprint[Entries[i].Fingerprint] = list = [];
            list.Add(i);
        }
        var used = new bool[Entries.Count];
        var mismatched = new List<(BaselineEntry, Finding)>();
        int before = findings.Count;
        findings.RemoveAll(f =>
        {
            if (!byFingerprint.TryGetValue(f.Fingerprint, out var candidates)) return false;
            foreach (var i in candidates)
                if (Entries[i].RuleId == f.Rule.Id && Entries[i].Path == f.Location.Path) { used[i] = true; return true; }
            var entry = Entries[candidates[0]];
            used[candidates[0]] = true; // reported as mismatched, not also as stale
            mismatched.Add((entry, f));
            return false;
        });
        var stale = new List<BaselineEntry>();
        for (int i = 0; i < Entries.Count; i++) if (!used[i]) stale.Add(Entries[i]);
        return new BaselineOutcome(before - findings.Count, stale, mismatched);
    }

    /// <summary>One-line notes for the report: entries that hid nothing, and entries whose rule or path disagree.</summary>
    public static List<string> Warnings(BaselineOutcome outcome)
    {
        var warnings = new List<string>();
        const int shown = 20;
        foreach (var (entry, finding) in outcome.Mismatched.Take(shown))
            warnings.Add($"baseline entry for {entry.RuleId} in {entry.Path} carries the fingerprint of {finding.Rule.Id} in {finding.Location.Path}: not applied");
        if (outcome.Mismatched.Count > shown) warnings.Add($"… and {outcome.Mismatched.Count - shown} more mismatched baseline entries");
        if (outcome.Stale.Count > 0)
        {
            var first = string.Join(", ", outcome.Stale.Take(5).Select(e => $"{e.RuleId} in {e.Path}"));
            warnings.Add($"baseline has {outcome.Stale.Count} stale {(outcome.Stale.Count == 1 ? "entry" : "entries")} matching no finding ({first}{(outcome.Stale.Count > 5 ? ", …" : "")}); recreate it with `bulwark baseline create`");
        }
        return warnings;
    }
}
