using System.Text.Json;
using Bulwark.Core;
using Bulwark.Engine;

namespace Bulwark.Reports;

/// <summary>
/// The machine-readable report, schema version 1 (docs/json-report.md, docs/schemas/bulwark-report-v1.schema.json).
/// Adding a field is compatible; renaming, removing or retyping one bumps <see cref="SchemaVersion"/>.
/// </summary>
public sealed class JsonReporter(ReportOptions options) : IReporter
{
    public const int SchemaVersion = 1;

    public void Write(ScanResult result, TextWriter output)
    {
        // `--desc off` leaves advisory descriptions out (auto and on keep them).
        var shown = AdvisoryRows.DescriptionsIn(ReportFormat.Json, options.Descriptions) ? result : AdvisoryRows.WithoutDescriptions(result);
        ReportCommon.WriteJson(output, w => Write(shown, w));
    }

    void Write(ScanResult result, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteStartObject("tool");
        w.WriteString("name", "Bulwark");
        w.WriteString("version", result.ToolVersion);
        w.WriteEndObject();
        w.WriteString("root", options.RootOf(result));
        if (result.ConfigPath is { } config) w.WriteString("configuration", config);

        WriteSummary(result, w, options.Timing);

        w.WriteStartArray("warnings");
        foreach (var warning in result.Warnings) w.WriteStringValue(warning);
        w.WriteEndArray();

        w.WriteStartArray("notAnalysed");
        foreach (var s in result.Skipped)
        {
            w.WriteStartObject();
            w.WriteString("path", s.Path);
            w.WriteString("reason", s.Reason);
            if (s.Detail is not null) w.WriteString("detail", s.Detail);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("findings");
        foreach (var f in result.Findings) { WriteFinding(f, w); ReportCommon.FlushIfLarge(w); }
        w.WriteEndArray();

        w.WriteStartArray("rules");
        foreach (var r in result.Rules) RuleDocs.WriteRuleJson(r, w);
        w.WriteEndArray();

        w.WritePropertyName("posture");
        if (result.Posture is { } posture) PostureReporter.WriteJson(posture, w); else w.WriteNullValue();
        w.WritePropertyName("evidence");
        ReportCommon.WriteEvidence(w, result, options.Timing);
        w.WritePropertyName("compliance");
        ComplianceMatrix.WriteJson(ComplianceMatrix.Build(result), w);
        // Only in a recorded scan's report: an unrecorded scan's report stays byte-identical for the same input.
        if (result.History is { } history)
        {
            w.WritePropertyName("history");
            HistoryReport.WriteHistoryJson(w, history);
        }
        w.WriteEndObject();
    }

    static void WriteSummary(ScanResult result, Utf8JsonWriter w, bool timing)
    {
        w.WriteStartObject("summary");
        w.WriteNumber("findings", result.Findings.Count);
        var bySeverity = ReportCommon.CountBySeverity(result.Findings);
        w.WriteStartObject("bySeverity");
        foreach (var s in ReportCommon.SeveritiesDescending) w.WriteNumber(s.Name(), bySeverity[(int)s]);
        w.WriteEndObject();
        var byFamily = ReportCommon.CountByFamily(result.Findings);
        w.WriteStartObject("byFamily");
        foreach (var f in Enum.GetValues<Family>()) w.WriteNumber(f.Name(), byFamily[(int)f]);
        w.WriteEndObject();
        ReportCommon.WriteScanCounts(w, result, includeTotal: true, timing);
        w.WriteEndObject();
    }

    static void WriteFinding(Finding f, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", f.Rule.Id);
        w.WriteString("ruleName", f.Rule.Name);
        w.WriteString("family", f.Rule.Family.Name());
        w.WriteString("severity", f.Severity.Name());
        w.WriteString("confidence", f.Confidence.Name());
        if (f.Rule.Cwe is { } cwe) w.WriteNumber("cwe", cwe); else w.WriteNull("cwe");
        w.WriteString("message", f.Message);
        w.WritePropertyName("location");
        WriteLocation(f.Location, w);
        if (f.Snippet is { } snippet) w.WriteString("snippet", snippet); else w.WriteNull("snippet");
        w.WriteBoolean("sensitive", f.Sensitive);
        w.WriteString("fingerprint", f.Fingerprint);
        WriteSteps("related", f.Related, w);
        WriteSteps("flow", f.Flow, w);
        w.WriteStartObject("properties");
        foreach (var (key, value) in ReportCommon.SortedProperties(f.Properties))
        {
            w.WritePropertyName(key);
            ReportCommon.WritePropertyValue(w, value);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    static void WriteSteps(string name, IReadOnlyList<FlowStep> steps, Utf8JsonWriter w)
    {
        w.WriteStartArray(name);
        foreach (var step in steps)
        {
            w.WriteStartObject();
            w.WritePropertyName("location");
            WriteLocation(step.Location, w);
            w.WriteString("message", step.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    static void WriteLocation(Location l, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("path", ReportCommon.DisplayPath(l.Path));
        w.WriteNumber("startLine", l.StartLine);
        w.WriteNumber("startColumn", l.StartColumn);
        w.WriteNumber("endLine", l.EndLine);
        w.WriteNumber("endColumn", l.EndColumn);
        w.WriteEndObject();
    }
}
