using System.Globalization;
using System.Text.Json;
using Bulwark.Core;

namespace Bulwark.Reports;

/// <summary>Scan history in reports: the text sentence, the JSON objects, and `bulwark history`'s list and diff.</summary>
public static class HistoryReport
{
    /// <summary>"3 new, 1 fixed, 12 unchanged since scan #7 (2026-12-01 09:30 UTC, commit 1a2b3c4d) of branch main."</summary>
    public static string HistorySentence(HistoryDelta d)
    {
        var branch = d.Branch is { } b ? $"branch {b}" : "no branch (a detached HEAD, or not in a git work tree)";
        if (d.Previous is not { } p) return $"History: first recorded scan of {branch}; later scans show new and fixed findings.";
        var when = p.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var commit = p.Commit is { Length: >= 8 } c ? $", commit {c[..8]}" : "";
        return $"History: {Count(d.New)} new, {Count(d.Fixed.Count)} fixed, {Count(d.Unchanged)} unchanged since scan #{Count(p.Id)} ({when}{commit}) of {branch}.";
    }

    static string Count(long n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>The JSON report's `history` object (docs/json-report.md).</summary>
    public static void WriteHistoryJson(Utf8JsonWriter w, HistoryDelta d)
    {
        w.WriteStartObject();
        if (d.Branch is { } branch) w.WriteString("branch", branch); else w.WriteNull("branch");
        w.WritePropertyName("previous");
        if (d.Previous is { } p) WriteHistoryScanJson(w, p); else w.WriteNullValue();
        if (d.Previous is null)
        {
            w.WriteNull("new");
            w.WriteNull("fixed");
            w.WriteNull("unchanged");
        }
        else
        {
            w.WriteNumber("new", d.New);
            w.WriteNumber("fixed", d.Fixed.Count);
            w.WriteNumber("unchanged", d.Unchanged);
        }
        var fresh = new List<string>(d.NewFingerprints);
        fresh.Sort(StringComparer.Ordinal);
        w.WriteStartArray("newFingerprints");
        foreach (var f in fresh) w.WriteStringValue(f);
        w.WriteEndArray();
        w.WriteStartArray("fixedFindings");
        foreach (var f in d.Fixed) WriteHistoryFindingJson(w, f);
        w.WriteEndArray();
        w.WriteStartArray("trend");
        foreach (var s in d.Trend) WriteHistoryScanJson(w, s);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteHistoryScanJson(Utf8JsonWriter w, HistoryScan s)
    {
        w.WriteStartObject();
        w.WriteNumber("id", s.Id);
        w.WriteString("startedAt", Timestamp(s.StartedAt));
        if (s.Branch is { } b) w.WriteString("branch", b); else w.WriteNull("branch");
        if (s.Commit is { } c) w.WriteString("commit", c); else w.WriteNull("commit");
        w.WriteStartArray("paths");
        foreach (var path in s.Paths.Split('\n')) w.WriteStringValue(path);
        w.WriteEndArray();
        w.WriteString("toolVersion", s.ToolVersion);
        if (s.AdvisoryDatabase is { } db) w.WriteString("advisoryDatabase", db); else w.WriteNull("advisoryDatabase");
        if (s.AdvisoryDatabaseDate is { } dd) w.WriteString("advisoryDatabaseDate", Timestamp(dd)); else w.WriteNull("advisoryDatabaseDate");
        w.WriteString("configurationSha256", s.ConfigurationDigest);
        w.WriteString("ruleSetSha256", s.RuleSetDigest);
        w.WriteString("filesSha256", s.FilesDigest);
        w.WriteNumber("files", s.Files);
        w.WriteNumber("findings", s.Findings);
        w.WriteStartObject("bySeverity");
        foreach (var sev in ReportCommon.SeveritiesDescending) w.WriteNumber(sev.Name(), s.BySeverity[(int)sev]);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteHistoryFindingJson(Utf8JsonWriter w, HistoryFinding f)
    {
        w.WriteStartObject();
        w.WriteString("fingerprint", f.Fingerprint);
        w.WriteString("ruleId", f.RuleId);
        w.WriteString("severity", f.Severity.Name());
        w.WriteString("path", f.Path);
        w.WriteNumber("line", f.Line);
        w.WriteEndObject();
    }

    /// <summary>`bulwark history --format json`.</summary>
    public static void WriteListJson(TextWriter output, string database, IReadOnlyList<HistoryScan> scans) => ReportCommon.WriteJson(output, w =>
    {
        w.WriteStartObject();
        w.WriteString("database", database);
        w.WriteStartArray("scans");
        foreach (var s in scans) WriteHistoryScanJson(w, s);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>`bulwark history diff --format json`.</summary>
    public static void WriteDiffJson(TextWriter output, HistoryDiff diff) => ReportCommon.WriteJson(output, w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("from");
        WriteHistoryScanJson(w, diff.From);
        w.WritePropertyName("to");
        WriteHistoryScanJson(w, diff.To);
        foreach (var (name, list) in new[] { ("new", diff.New), ("fixed", diff.Fixed), ("unchanged", diff.Unchanged) })
        {
            w.WriteStartArray(name);
            foreach (var f in list) WriteHistoryFindingJson(w, f);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    });

    /// <summary>`bulwark history`: one line per scan.</summary>
    public static string Line(HistoryScan s)
    {
        var sev = s.BySeverity;
        var commit = s.Commit is { Length: >= 8 } c ? c[..8] : "-";
        return $"#{Count(s.Id)}  {s.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}  " +
            $"{Safe(s.Branch ?? "(no branch)")}  {commit}  {Count(s.Findings)} finding(s): {Count(sev[(int)Severity.Critical])} critical, " +
            $"{Count(sev[(int)Severity.High])} high, {Count(sev[(int)Severity.Medium])} medium, {Count(sev[(int)Severity.Low])} low  " +
            $"paths: {Safe(s.Paths.Replace('\n', ' '))}  bulwark {Safe(s.ToolVersion)}";
    }

    /// <summary>`bulwark history diff`: both scans, the new and fixed findings, and the counts.</summary>
    public static void WriteDiffText(TextWriter o, HistoryDiff diff)
    {
        o.WriteLine("From " + Line(diff.From));
        o.WriteLine("To   " + Line(diff.To));
        if (diff.From.Branch != diff.To.Branch || diff.From.Paths != diff.To.Paths)
            o.WriteLine("Note: the two scans are of different branches or paths.");
        Section(o, "New", diff.New);
        Section(o, "Fixed", diff.Fixed);
        o.WriteLine($"{Count(diff.New.Count)} new, {Count(diff.Fixed.Count)} fixed, {Count(diff.Unchanged.Count)} unchanged.");
    }

    static void Section(TextWriter o, string title, IReadOnlyList<HistoryFinding> findings)
    {
        o.WriteLine($"{title} ({Count(findings.Count)}):");
        foreach (var f in findings)
            o.WriteLine($"  {Safe(f.Path)}:{Count(f.Line)}  {Safe(f.RuleId)} [{f.Severity.Name()}]");
    }

    static string Safe(string s) => Untrusted.Visible(s);
}
