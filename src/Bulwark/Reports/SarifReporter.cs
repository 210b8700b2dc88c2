using System.Text.Json;
using Bulwark.Core;
using Bulwark.Engine;

namespace Bulwark.Reports;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning reads it: one run, a rule descriptor per rule that ran (with
/// security-severity and full help), results relative to %SRCROOT%, related locations and code flows.
/// </summary>
public sealed class SarifReporter(ReportOptions options) : IReporter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string FingerprintKey = "bulwarkFingerprint/v1";
    const string SrcRoot = "%SRCROOT%";

    public void Write(ScanResult result, TextWriter output) => ReportCommon.WriteJson(output, w => Write(result, w));

    void Write(ScanResult result, Utf8JsonWriter w)
    {
        // Descriptors: every rule that ran, plus any rule a finding names that the scanner did not list.
        var rules = new List<RuleInfo>(result.Rules);
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < rules.Count; i++) ruleIndex.TryAdd(rules[i].Id, i);
        foreach (var f in result.Findings)
            if (ruleIndex.TryAdd(f.Rule.Id, rules.Count)) rules.Add(f.Rule);

        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();

        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "Bulwark");
        w.WriteString("semanticVersion", result.ToolVersion);
        if (options.InformationUri is { } info) w.WriteString("informationUri", info);
        w.WriteStartArray("rules");
        foreach (var r in rules) WriteDescriptor(r, w);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("originalUriBaseIds");
        w.WriteStartObject(SrcRoot);
        w.WriteString("uri", ReportCommon.RootUri(options.RootOf(result)));
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartArray("invocations");
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", true);
        w.WriteStartArray("toolExecutionNotifications");
        foreach (var warning in result.Warnings)
        {
            w.WriteStartObject();
            w.WriteString("level", "warning");
            WriteMessage(warning, w);
            w.WriteEndObject();
        }
        // Files not analysed are notifications too, so code scanning shows what it could not see.
        foreach (var skipped in result.Skipped)
        {
            w.WriteStartObject();
            w.WriteString("level", "note");
            WriteMessage("not analysed: " + ReportCommon.Describe(skipped), w);
            w.WriteStartObject("properties");
            w.WriteString("path", skipped.Path);
            w.WriteString("reason", skipped.Reason);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("properties");
        ReportCommon.WriteScanCounts(w, result, includeTotal: false, options.Timing);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();

        // Our columns are UTF-16 code units, which SARIF lets a run declare.
        w.WriteString("columnKind", "utf16CodeUnits");

        w.WriteStartArray("results");
        foreach (var f in result.Findings) { WriteResult(f, ruleIndex[f.Rule.Id], w); ReportCommon.FlushIfLarge(w); }
        w.WriteEndArray();

        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    static void WriteDescriptor(RuleInfo r, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("name", r.Name);
        w.WriteStartObject("shortDescription");
        w.WriteString("text", RuleDocs.ShortDescription(r));
        w.WriteEndObject();
        w.WriteStartObject("fullDescription");
        w.WriteString("text", FullDescription(r));
        w.WriteEndObject();
        w.WriteStartObject("help");
        w.WriteString("text", RuleDocs.Explain(r));
        w.WriteString("markdown", RuleDocs.Markdown(r));
        w.WriteEndObject();
        if (HelpUri(r) is { } help) w.WriteString("helpUri", help);
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", Level(r.Severity));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteStartArray("tags");
        w.WriteStringValue("security");
        w.WriteStringValue(r.Family.Name());
        if (r.CweTag is { } tag) w.WriteStringValue(tag);
        w.WriteEndArray();
        w.WriteString("security-severity", SecuritySeverity(r.Severity));
        w.WriteString("precision", r.Confidence.Name());
        if (r.Aliases.Count > 0)
        {
            w.WriteStartArray("aliases");
            foreach (var a in r.Aliases) w.WriteStringValue(a);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    static string FullDescription(RuleInfo r)
    {
        var what = r.What.Trim();
        var why = r.Why.Trim();
        return why.Length == 0 ? what : what.Length == 0 ? why : what + "\n\n" + why;
    }

    /// <summary>SARIF wants an absolute URI: the rule's first reference, else its CWE entry.</summary>
    static string? HelpUri(RuleInfo r)
    {
        foreach (var reference in r.References)
            if (Uri.TryCreate(reference, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http"))
                return reference;
        return r.Cwe is { } cwe ? RuleDocs.CweUri(cwe) : null;
    }

    static void WriteResult(Finding f, int ruleIndex, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", f.Rule.Id);
        w.WriteNumber("ruleIndex", ruleIndex);
        w.WriteString("level", Level(f.Severity));
        WriteMessage(f.Message, w);
        w.WriteStartArray("locations");
        WriteLocationObject(f.Location, null, null, w);
        w.WriteEndArray();
        if (f.Fingerprint.Length > 0)
        {
            w.WriteStartObject("partialFingerprints");
            w.WriteString(FingerprintKey, f.Fingerprint);
            w.WriteEndObject();
        }
        if (f.Related.Count > 0)
        {
            w.WriteStartArray("relatedLocations");
            for (int i = 0; i < f.Related.Count; i++) WriteLocationObject(f.Related[i].Location, f.Related[i].Message, i + 1, w);
            w.WriteEndArray();
        }
        if (f.Flow.Count > 0)
        {
            w.WriteStartArray("codeFlows");
            w.WriteStartObject();
            w.WriteStartArray("threadFlows");
            w.WriteStartObject();
            w.WriteStartArray("locations");
            foreach (var step in f.Flow)
            {
                w.WriteStartObject();
                w.WritePropertyName("location");
                WriteLocationObject(step.Location, step.Message, null, w);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteStartObject("properties");
        foreach (var (key, value) in ReportCommon.SortedProperties(f.Properties))
        {
            if (key is "severity" or "confidence" or "family" or "sensitive") continue; // ours below win
            w.WritePropertyName(key);
            ReportCommon.WritePropertyValue(w, value);
        }
        w.WriteString("severity", f.Severity.Name());
        w.WriteString("confidence", f.Confidence.Name());
        w.WriteString("family", f.Rule.Family.Name());
        if (f.Sensitive) w.WriteBoolean("sensitive", true);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    static void WriteLocationObject(Location l, string? message, int? id, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        if (id is { } n) w.WriteNumber("id", n);
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", ReportCommon.RelativeUri(l.Path));
        w.WriteString("uriBaseId", SrcRoot);
        w.WriteEndObject();
        // A whole-file location (StartLine 0) has no region: SARIF regions are 1-based.
        if (!l.IsWholeFile)
        {
            w.WriteStartObject("region");
            w.WriteNumber("startLine", l.StartLine);
            if (l.StartColumn > 0) w.WriteNumber("startColumn", l.StartColumn);
            if (l.EndLine >= l.StartLine) w.WriteNumber("endLine", l.EndLine);
            if (l.EndColumn > 0) w.WriteNumber("endColumn", l.EndColumn);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        if (message is not null) WriteMessage(message, w);
        w.WriteEndObject();
    }

    static void WriteMessage(string text, Utf8JsonWriter w)
    {
        w.WriteStartObject("message");
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    /// <summary>GitHub shows errors for high and critical, warnings for medium, notes for low.</summary>
    public static string Level(Severity s) => s switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    /// <summary>GitHub's bands: ≥9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low; we sit mid-band.</summary>
    public static string SecuritySeverity(Severity s) => s switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        _ => "3.0",
    };
}
