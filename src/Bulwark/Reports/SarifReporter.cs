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
    /// <summary>GitHub code scanning's key: `hash:occurrence`, which it uses as given instead of computing its own.</summary>
    public const string LineHashKey = "primaryLocationLineHash";
    /// <summary>GitHub code scanning keeps at most this many results of a run (and 10 MB of gzipped SARIF).</summary>
    public const int GitHubMaxResults = 25_000;
    const string SrcRoot = "%SRCROOT%";

    public void Write(ScanResult result, TextWriter output)
    {
        // `--desc off` leaves advisory descriptions out (auto and on keep them).
        var shown = AdvisoryRows.DescriptionsIn(ReportFormat.Sarif, options.Descriptions) ? result : AdvisoryRows.WithoutDescriptions(result);
        ReportCommon.WriteJson(output, w => Write(shown, w));
    }

    void Write(ScanResult result, Utf8JsonWriter w)
    {
        // Descriptors: every rule that ran, plus any rule a finding names that the scanner did not list, plus one per
        // advisory (`DEP001/PYSEC-…`, as Trivy and Grype do) and per severity a finding is graded at other than its
        // rule's (`BW001/high`): GitHub reads `security-severity` from the descriptor only, so each result's must be its own.
        var descriptors = new List<Descriptor>();
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in result.Rules)
            if (ruleIndex.TryAdd(r.Id, descriptors.Count)) descriptors.Add(new Descriptor(r.Id, r, r.Severity, null, null));
        var findings = result.Findings.Count > options.SarifMaxResults ? result.Findings.Take(Math.Max(0, options.SarifMaxResults)).ToList() : result.Findings;
        var resultRule = new string[findings.Count];
        for (int i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            var d = DescriptorOf(f);
            resultRule[i] = d.Id;
            if (ruleIndex.TryAdd(d.Id, descriptors.Count)) descriptors.Add(d);
        }

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
        foreach (var d in descriptors) WriteDescriptor(d, w);
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
        var notes = new List<string>(result.Warnings);
        if (findings.Count < result.Findings.Count)
            notes.Add($"{result.Findings.Count - findings.Count} of {result.Findings.Count} results left out: at most {options.SarifMaxResults} per run (--sarif-max-results; GitHub code scanning keeps {GitHubMaxResults})");
        foreach (var warning in notes)
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
        if (result.ConfigPath is { } config) w.WriteString("configuration", config);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();

        // Our columns are UTF-16 code units, which SARIF lets a run declare.
        w.WriteString("columnKind", "utf16CodeUnits");
        // What exactly was checked (rule set, configuration, advisory database, file digests), for auditors.
        w.WriteStartObject("properties");
        w.WritePropertyName("evidence");
        ReportCommon.WriteEvidence(w, result, options.Timing);
        w.WriteEndObject();

        w.WriteStartArray("results");
        var lineHashes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < findings.Count; i++)
        {
            WriteResult(findings[i], resultRule[i], ruleIndex[resultRule[i]], lineHashes, w);
            ReportCommon.FlushIfLarge(w);
        }
        w.WriteEndArray();

        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A SARIF rule descriptor: a rule, or a rule narrowed to one advisory or one severity.</summary>
    sealed record Descriptor(string Id, RuleInfo Rule, Severity Severity, double? Score, Finding? Advisory);

    static Descriptor DescriptorOf(Finding f)
    {
        if (f.Properties.TryGetValue("advisory", out var adv) && adv.Value is string advisory)
        {
            double? score = f.Properties.TryGetValue("cvssScore", out var sc) && sc.Value is double d ? d : null;
            return new Descriptor(f.Rule.Id + "/" + advisory, f.Rule, f.Severity, score, f);
        }
        return f.Severity == f.Rule.Severity
            ? new Descriptor(f.Rule.Id, f.Rule, f.Rule.Severity, null, null)
            : new Descriptor(f.Rule.Id + "/" + f.Severity.Name(), f.Rule, f.Severity, null, null);
    }

    static void WriteDescriptor(Descriptor d, Utf8JsonWriter w)
    {
        var r = d.Rule;
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("name", r.Name);
        var advisory = d.Advisory is { } a ? AdvisoryText.Of(a) : null;
        w.WriteStartObject("shortDescription");
        w.WriteString("text", advisory?.Title ?? RuleDocs.ShortDescription(r));
        w.WriteEndObject();
        w.WriteStartObject("fullDescription");
        w.WriteString("text", advisory?.Description ?? FullDescription(r));
        w.WriteEndObject();
        w.WriteStartObject("help");
        w.WriteString("text", advisory is null ? RuleDocs.Explain(r) : advisory.Description + "\n\n" + RuleDocs.Explain(r));
        w.WriteString("markdown", advisory is null ? RuleDocs.Markdown(r) : advisory.Markdown + "\n\n" + RuleDocs.Markdown(r));
        w.WriteEndObject();
        if ((advisory?.Link ?? HelpUri(r)) is { } help) w.WriteString("helpUri", help);
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", Level(d.Severity));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteStartArray("tags");
        w.WriteStringValue("security");
        w.WriteStringValue(r.Family.Name());
        if (r.CweTag is { } tag) w.WriteStringValue(tag);
        if (r.Compliance.Owasp is { } owasp) w.WriteStringValue("owasp/" + owasp.Code());
        if (CweTop25.Rank(r.Cwe) is not null) w.WriteStringValue("cwe-top-25");
        w.WriteEndArray();
        w.WritePropertyName("compliance");
        RuleDocs.WriteComplianceJson(r, w);
        w.WriteString("security-severity", d.Score is { } score ? score.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : SecuritySeverity(d.Severity));
        w.WriteString("precision", Precision(r.Confidence));
        w.WriteString("problem.severity", ProblemSeverity(d.Severity));
        if (r.Aliases.Count > 0)
        {
            w.WriteStartArray("aliases");
            foreach (var al in r.Aliases) w.WriteStringValue(al);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>SARIF/GitHub precision words: very-high, high, medium, low.</summary>
    public static string Precision(Confidence c) => c switch
    {
        Confidence.High => "high",
        Confidence.Medium => "medium",
        _ => "low",
    };

    /// <summary>GitHub's `problem.severity`: error, warning or recommendation.</summary>
    public static string ProblemSeverity(Severity s) => s switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "recommendation",
    };

    /// <summary>An advisory's title, text and link for its own rule descriptor.</summary>
    sealed record AdvisoryText(string Title, string Description, string Markdown, string Link)
    {
        public static AdvisoryText Of(Finding f)
        {
            string Prop(string key) => f.Properties.TryGetValue(key, out var v) && v.Value is string s ? s : "";
            var id = Prop("advisory");
            var package = Prop("package");
            var summary = Prop("summary");
            var link = AdvisoryLink(id);
            var title = summary.Length > 0 ? $"{package}: {summary}" : $"{package}: {id}";
            var fixedIn = f.Properties.TryGetValue("fixedIn", out var fx) && fx.Value is string[] list && list.Length > 0
                ? "Fixed in " + string.Join(", ", list) + "." : "No fixed version is known.";
            var aliases = f.Properties.TryGetValue("aliases", out var al) && al.Value is string[] names && names.Length > 0
                ? " (" + string.Join(", ", names) + ")" : "";
            var description = $"{id}{aliases} in {package}: {(summary.Length > 0 ? summary : "a known vulnerability")}. {fixedIn}";
            var markdown = $"**[{id}]({link})**{aliases} in `{package}`: {(summary.Length > 0 ? summary : "a known vulnerability")}. {fixedIn}";
            return new AdvisoryText(title, description, markdown, link);
        }
    }

    /// <summary>The advisory's page: GitHub's for GHSA ids, OSV's for every other id.</summary>
    public static string AdvisoryLink(string id) => AdvisoryLinks.For(id);

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

    static void WriteResult(Finding f, string ruleId, int ruleIndex, Dictionary<string, int> lineHashes, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", ruleId);
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
            w.WriteString(LineHashKey, LineHash(f, lineHashes));
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
        w.WriteString("security-severity", DescriptorOf(f).Score is { } score ? score.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : SecuritySeverity(f.Severity));
        if (f.Sensitive) w.WriteBoolean("sensitive", true);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// `primaryLocationLineHash` in GitHub's `hash:occurrence` form. The hash is the first 16 hex digits of the
    /// finding's fingerprint (rule, path, normalised code at the finding, its own key such as the advisory id) — not
    /// the line number, so an alert survives edits that move it; the occurrence counts repeats of that hash in the
    /// file, so distinct findings on one line (two B108, seven advisories on one pin) stay distinct.
    /// </summary>
    static string LineHash(Finding f, Dictionary<string, int> seen)
    {
        var hash = f.Fingerprint.Length >= 16 ? f.Fingerprint[..16] : f.Fingerprint;
        var key = f.Location.Path + "\0" + hash;
        seen.TryGetValue(key, out int n);
        seen[key] = ++n;
        return hash + ":" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
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
