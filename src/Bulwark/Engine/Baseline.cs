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

    /// <summary>Reads the fingerprints of a baseline file; a malformed file is a <see cref="ConfigException"/>.</summary>
    public static IReadOnlySet<string> Read(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        { throw new ConfigException($"{path}: cannot read baseline: {ex.Message}"); }
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var v) || v.GetInt32() != FormatVersion)
                throw new ConfigException($"{path}: not a Bulwark baseline (version {FormatVersion}); create one with `bulwark baseline create`");
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in root.GetProperty("findings").EnumerateArray())
                if (f.TryGetProperty("fingerprint", out var fp) && fp.GetString() is { } s) set.Add(s);
            return set;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new ConfigException($"{path}: malformed baseline: {ex.Message}");
        }
    }
}
