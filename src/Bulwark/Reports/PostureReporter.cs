using System.Globalization;
using System.Text;
using System.Text.Json;
using Bulwark.Posture;

namespace Bulwark.Reports;

/// <summary>The posture scorecard as text (full for `bulwark posture`, a few lines in a scan report), Markdown and JSON.</summary>
public static class PostureReporter
{
    static string Mark(PracticeStatus s) => s switch
    {
        PracticeStatus.Met => "[x]", PracticeStatus.Partial => "[~]", PracticeStatus.Missing => "[ ]", _ => "[-]",
    };

    static string Points(PracticeResult p) =>
        p.Status == PracticeStatus.NotApplicable ? "  n/a" : $"{p.Score.ToString(CultureInfo.InvariantCulture),2}/{p.MaxScore.ToString(CultureInfo.InvariantCulture)}";

    static string Principles(PracticeResult p) => string.Join(", ", p.Principles.Select(x => x.Name()));

    static string Where(PostureEvidence e) =>
        e.Line > 0 ? $"{e.Path}:{e.Line.ToString(CultureInfo.InvariantCulture)}" : e.Path;

    /// <summary>The whole scorecard: each practice with its score, evidence or what is missing and how to add it.</summary>
    public static void WriteText(PostureReport report, string root, TextWriter o)
    {
        int applicable = report.Practices.Count(p => p.Status != PracticeStatus.NotApplicable);
        o.WriteLine($"Security posture of {TextReporter.Sanitize(root)}: {report.Percent.ToString(CultureInfo.InvariantCulture)}/100 " +
                    $"({report.Score.ToString(CultureInfo.InvariantCulture)} of {report.MaxScore.ToString(CultureInfo.InvariantCulture)} points over {applicable.ToString(CultureInfo.InvariantCulture)} applicable practices)");
        o.WriteLine();
        foreach (var p in report.Practices)
        {
            o.WriteLine($"{Mark(p.Status)} {Points(p)}  {TextReporter.Sanitize(p.Title)}  ({Principles(p)})");
            o.WriteLine("           " + TextReporter.Sanitize(p.Summary));
            foreach (var e in p.Evidence)
                o.WriteLine($"           - {TextReporter.Sanitize(Where(e))}  {TextReporter.Sanitize(e.Text)}");
            if (p.HowToAdd is { } how && p.Status is PracticeStatus.Partial or PracticeStatus.Missing)
                o.WriteLine("           to do: " + TextReporter.Sanitize(how));
            o.WriteLine();
        }
        o.WriteLine("[x] met  [~] partial  [ ] missing  [-] not applicable");
    }

    /// <summary>A few lines for the end of a scan report.</summary>
    public static void WriteSummary(PostureReport report, TextWriter o)
    {
        o.WriteLine($"Security posture: {report.Percent.ToString(CultureInfo.InvariantCulture)}/100 (`bulwark posture` shows the evidence and what to add).");
        foreach (var status in new[] { PracticeStatus.Met, PracticeStatus.Partial, PracticeStatus.Missing })
        {
            var names = report.Practices.Where(p => p.Status == status).Select(p => p.Id).ToList();
            if (names.Count > 0) o.WriteLine($"  {status.Name(),-8} {string.Join(", ", names)}");
        }
    }

    public static void WriteMarkdown(PostureReport report, string root, TextWriter o)
    {
        o.WriteLine($"# Security posture: {report.Percent.ToString(CultureInfo.InvariantCulture)}/100");
        o.WriteLine();
        o.WriteLine($"`{root}` — {report.Score.ToString(CultureInfo.InvariantCulture)} of {report.MaxScore.ToString(CultureInfo.InvariantCulture)} points over the applicable practices.");
        o.WriteLine();
        o.WriteLine("| Practice | Status | Score | Principles |");
        o.WriteLine("|---|---|---|---|");
        foreach (var p in report.Practices)
            o.WriteLine($"| {Cell(p.Title)} | {p.Status.Name()} | {Points(p).Trim()} | {Principles(p)} |");
        foreach (var p in report.Practices)
        {
            o.WriteLine();
            o.WriteLine($"## {Cell(p.Title)} — {p.Status.Name()}");
            o.WriteLine();
            o.WriteLine(Cell(p.Summary) + ".");
            if (p.Evidence.Count > 0)
            {
                o.WriteLine();
                foreach (var e in p.Evidence) o.WriteLine($"- `{Where(e)}` {Cell(e.Text)}");
            }
            if (p.HowToAdd is { } how && p.Status is PracticeStatus.Partial or PracticeStatus.Missing)
            {
                o.WriteLine();
                o.WriteLine("**To do:** " + Cell(how));
            }
        }
    }

    static string Cell(string s) => TextReporter.Sanitize(s).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>The `posture` object of the JSON report (and of `bulwark posture --format json`).</summary>
    public static void WriteJson(PostureReport report, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("score", report.Score);
        w.WriteNumber("maxScore", report.MaxScore);
        w.WriteNumber("percent", report.Percent);
        w.WriteStartArray("practices");
        foreach (var p in report.Practices)
        {
            w.WriteStartObject();
            w.WriteString("id", p.Id);
            w.WriteString("title", p.Title);
            w.WriteString("status", p.Status.Name());
            w.WriteNumber("score", p.Score);
            w.WriteNumber("maxScore", p.MaxScore);
            w.WriteString("summary", p.Summary);
            w.WriteStartArray("evidence");
            foreach (var e in p.Evidence)
            {
                w.WriteStartObject();
                w.WriteString("path", e.Path);
                w.WriteNumber("line", e.Line);
                w.WriteString("text", e.Text);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (p.Missing is { } missing) w.WriteString("missing", missing); else w.WriteNull("missing");
            if (p.HowToAdd is { } how) w.WriteString("howToAdd", how); else w.WriteNull("howToAdd");
            w.WriteStartArray("principles");
            foreach (var x in p.Principles) w.WriteStringValue(x.Name());
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>`bulwark posture --format json`: the scorecard alone, with the tool and root.</summary>
    public static void WriteJsonDocument(PostureReport report, string root, string toolVersion, TextWriter output) =>
        ReportCommon.WriteJson(output, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteString("name", "Bulwark");
            w.WriteString("version", toolVersion);
            w.WriteEndObject();
            w.WriteString("root", root);
            w.WritePropertyName("posture");
            WriteJson(report, w);
            w.WriteEndObject();
        });
}
