using System.Globalization;
using System.Text;
using Bulwark.Core;
using Bulwark.Engine;

namespace Bulwark.Reports;

/// <summary>
/// The default, human-readable report: findings grouped by file, each with its source line and a caret
/// underline, then a summary. Colour is plain ANSI so the engine needs no terminal library.
/// </summary>
public sealed class TextReporter(ReportOptions options) : IReporter
{
    /// <summary>Longest snippet printed per finding; the rest is elided.</summary>
    const int MaxSnippetLines = 5;

    readonly Ansi _ansi = new(options.Color);
    /// <summary>Paths listed under "Not analysed" before the rest is left to the JSON report.</summary>
    const int MaxSkippedShown = 50;

    HistoryDelta? _history;

    public void Write(ScanResult result, TextWriter output)
    {
        _history = result.History;
        // Vulnerable-dependency advisories are one table row each, as pip-audit prints them; the rest by file.
        var (advisories, others) = AdvisoryRows.Split(result.Findings);
        var groups = ReportCommon.GroupByFile(others);
        foreach (var (path, findings) in groups)
        {
            output.WriteLine(_ansi.Bold(_ansi.Underline(Sanitize(path))) + _ansi.Dim(" (" + ReportCommon.Plural(findings.Count, "finding", "findings") + ")"));
            foreach (var f in findings)
            {
                WriteFinding(f, output);
                output.WriteLine();
            }
        }
        if (advisories.Count > 0) WriteAdvisoryTable(advisories, output);
        if (!options.Quiet) WriteSummary(result, ReportCommon.GroupByFile(result.Findings).Count, output);
    }

    /// <summary>Width of the lines an advisory's description is wrapped to (`--desc`).</summary>
    const int DescriptionWidth = 100;

    /// <summary>
    /// pip-audit's columns (name, version, id, fix versions) plus severity, the manifest line and the advisory's page;
    /// with `--desc`, the description under its row, wrapped between words.
    /// </summary>
    void WriteAdvisoryTable(List<AdvisoryRow> rows, TextWriter o)
    {
        bool descriptions = AdvisoryRows.DescriptionsIn(ReportFormat.Text, options.Descriptions);
        var packages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in rows) packages.Add(r.Package + "\0" + r.Version);
        o.WriteLine(_ansi.Bold($"Vulnerable dependencies: {ReportCommon.Plural(rows.Count, "known vulnerability", "known vulnerabilities")} in {ReportCommon.Plural(packages.Count, "package", "packages")}"));
        string[] header = ["Name", "Version", "ID", "Fix Versions", "Severity", "Manifest", "Link"];
        var cells = new List<string[]>(rows.Count);
        foreach (var r in rows)
            cells.Add([
                Sanitize(r.Package), Sanitize(r.Version), Sanitize(r.Id),
                Sanitize(r.FixedIn.Count > 0 ? string.Join(",", r.FixedIn) : "none known"),
                r.Finding.Severity.Name(), Sanitize(ReportCommon.DisplayPath(r.Finding.Location.Path) + ":" + r.Finding.Location.StartLine.ToString(CultureInfo.InvariantCulture)),
                Sanitize(r.Url),
            ]);
        var widths = new int[header.Length];
        for (int c = 0; c < header.Length; c++)
        {
            widths[c] = header[c].Length;
            foreach (var row in cells) widths[c] = Math.Max(widths[c], row[c].Length);
        }
        string Line(string[] row, Func<int, string, string>? paint = null)
        {
            var sb = new StringBuilder();
            for (int c = 0; c < row.Length; c++)
            {
                // The last column is not padded (no trailing spaces).
                var text = c == row.Length - 1 ? row[c] : row[c].PadRight(widths[c]);
                sb.Append(paint is null ? text : paint(c, text));
                if (c < row.Length - 1) sb.Append(' ');
            }
            return sb.ToString();
        }
        o.WriteLine(Line(header));
        var rule = new string[header.Length];
        for (int c = 0; c < header.Length; c++) rule[c] = new string('-', c == header.Length - 1 ? header[c].Length : widths[c]);
        o.WriteLine(_ansi.Dim(Line(rule)));
        for (int i = 0; i < rows.Count; i++)
        {
            var severity = rows[i].Finding.Severity;
            o.WriteLine(Line(cells[i], (c, text) => c == 4 ? _ansi.Paint(SeverityColor(severity), text) : text));
            if (descriptions && rows[i].DescriptionOrSummary.Length > 0)
            {
                foreach (var line in AdvisoryRows.Wrap(Sanitize(rows[i].DescriptionOrSummary.Replace("\r", "").Replace("\n", "\u2028")).Replace("\u2028", "\n"), DescriptionWidth, "    "))
                    o.WriteLine(line);
                if (i < rows.Count - 1) o.WriteLine();
            }
        }
        o.WriteLine();
    }

    void WriteFinding(Finding f, TextWriter o)
    {
        var sb = new StringBuilder();
        sb.Append(_ansi.Bold(Sanitize(ReportCommon.LocationText(f.Location))));
        sb.Append("  ").Append(_ansi.Paint(SeverityColor(f.Severity), _ansi.Bold(Sanitize(f.Rule.Id))));
        sb.Append(" [").Append(_ansi.Paint(SeverityColor(f.Severity), f.Severity.Name())).Append('/').Append(f.Confidence.Name()).Append("] ");
        sb.Append(Sanitize(f.Rule.Name));
        if (f.Rule.Cwe is { } cwe) sb.Append(_ansi.Dim($" (CWE-{cwe.ToString(CultureInfo.InvariantCulture)})"));
        if (_history?.IsNew(f) == true) sb.Append("  ").Append(_ansi.Cyan("[new]"));
        o.WriteLine(sb.ToString());
        foreach (var line in SplitLines(f.Message))
            o.WriteLine("  " + Sanitize(line));
        if (f.Sensitive) o.WriteLine(_ansi.Dim("  (the secret's value is masked)"));

        if (options.ShowSource && f.Snippet is { Length: > 0 } snippet) WriteSnippet(f.Location, snippet, f.Severity, o);

        foreach (var r in f.Related)
            if (!ReportCommon.IsFlowStep(f, r))
                o.WriteLine($"  {_ansi.Cyan("related")} {Sanitize(ReportCommon.LocationText(r.Location))}  {Sanitize(r.Message)}");
        if (f.Flow.Count > 0)
        {
            o.WriteLine($"  {_ansi.Cyan("flow")}:");
            for (int i = 0; i < f.Flow.Count; i++)
                o.WriteLine($"    {(i + 1).ToString(CultureInfo.InvariantCulture)}. {Sanitize(ReportCommon.LocationText(f.Flow[i].Location))}  {Sanitize(f.Flow[i].Message)}");
        }
    }

    void WriteSnippet(Location loc, string snippet, Severity severity, TextWriter o)
    {
        var lines = SplitLines(snippet);
        // Trailing empty line from a final newline is not part of the source excerpt.
        if (lines.Count > 1 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        bool numbered = !loc.IsWholeFile;
        int lastNumber = numbered ? loc.StartLine + Math.Min(lines.Count, MaxSnippetLines) - 1 : 0;
        int width = numbered ? lastNumber.ToString(CultureInfo.InvariantCulture).Length : 0;
        string gutterBlank = "  " + new string(' ', width) + " | ";

        o.WriteLine(_ansi.Dim(gutterBlank.TrimEnd()));
        for (int i = 0; i < lines.Count && i < MaxSnippetLines; i++)
        {
            string number = numbered ? (loc.StartLine + i).ToString(CultureInfo.InvariantCulture).PadLeft(width) : new string(' ', width);
            o.WriteLine(_ansi.Dim("  " + number + " | ") + Sanitize(lines[i], keepTabs: true));
            if (i == 0 && numbered)
                o.WriteLine(_ansi.Dim(gutterBlank) + _ansi.Paint(SeverityColor(severity), Underline(lines[0], loc)));
        }
        if (lines.Count > MaxSnippetLines)
            o.WriteLine(_ansi.Dim(gutterBlank + "…"));
    }

    /// <summary>
    /// Carets under [StartColumn, EndColumn) of the first line (to its end when the span continues on later
    /// lines). Tabs before the span are copied so the carets line up; a surrogate pair is one caret.
    /// </summary>
    internal static string Underline(string line, Location loc)
    {
        int start = Math.Clamp(loc.StartColumn - 1, 0, line.Length);
        int end = loc.EndLine == loc.StartLine ? Math.Clamp(loc.EndColumn - 1, 0, line.Length) : line.Length;
        var sb = new StringBuilder();
        for (int i = 0; i < start; i++)
        {
            if (char.IsLowSurrogate(line[i])) continue;
            sb.Append(line[i] == '\t' ? '\t' : ' ');
        }
        int carets = 0;
        for (int i = start; i < end; i++)
            if (!char.IsLowSurrogate(line[i])) { sb.Append('^'); carets++; }
        // A zero-width or out-of-range span still gets one caret so the position is visible.
        if (carets == 0) sb.Append('^');
        return sb.ToString();
    }

    void WriteSummary(ScanResult result, int fileCount, TextWriter o)
    {
        var findings = result.Findings;
        if (options.Statistics && findings.Count > 0) WriteStatistics(findings, o);
        if (findings.Count == 0)
        {
            // An incomplete scan is never presented as a clean one (the errors are listed with the warnings).
            if (result.Errors.Count > 0) o.WriteLine(_ansi.Paint(Ansi.RedCode, _ansi.Bold($"No findings, but the scan is incomplete ({result.Errors.Count} error(s)).")));
            else o.WriteLine(_ansi.Green(_ansi.Bold("No findings.")));
        }
        else
        {
            var bySeverity = ReportCommon.CountBySeverity(findings);
            var parts = new List<string>();
            foreach (var s in ReportCommon.SeveritiesDescending)
            {
                var text = $"{bySeverity[(int)s].ToString(CultureInfo.InvariantCulture)} {s.Name()}";
                parts.Add(bySeverity[(int)s] > 0 ? _ansi.Paint(SeverityColor(s), text) : text);
            }
            o.WriteLine(_ansi.Bold($"Found {ReportCommon.Plural(findings.Count, "finding", "findings")} in {ReportCommon.Plural(fileCount, "file", "files")}") + ": " + string.Join(", ", parts) + ".");
            var families = new List<string>();
            foreach (var (family, count) in ReportCommon.NonZeroFamilies(ReportCommon.CountByFamily(findings)))
                families.Add($"{family.Name()} {count.ToString(CultureInfo.InvariantCulture)}");
            o.WriteLine("By family: " + string.Join(", ", families) + ".");
        }
        // What the findings bear on, as the JSON and HTML matrix has it (nothing to say when no rule ran).
        if (result.Rules.Count > 0)
            foreach (var line in ComplianceMatrix.SummaryLines(ComplianceMatrix.Build(result))) o.WriteLine(line);

        var scanned = $"Scanned {ReportCommon.Plural(result.FilesScanned, "file", "files")}";
        if (result.FilesSkipped > 0) scanned += $" ({result.FilesSkipped.ToString(CultureInfo.InvariantCulture)} skipped)";
        o.WriteLine(scanned + (options.Timing ? " in " + ReportCommon.Seconds(result.Elapsed) : "") + ".");
        if (result.Skipped.Count > 0)
        {
            var reasons = new List<string>();
            foreach (var (reason, count) in ReportCommon.SkippedByReason(result)) reasons.Add($"{reason} {count.ToString(CultureInfo.InvariantCulture)}");
            o.WriteLine(_ansi.Yellow($"Not analysed: {ReportCommon.Plural(result.Skipped.Count, "path", "paths")} ({string.Join(", ", reasons)}):"));
            int shown = 0;
            foreach (var s in result.Skipped)
            {
                if (++shown > MaxSkippedShown) { o.WriteLine($"  … {(result.Skipped.Count - MaxSkippedShown).ToString(CultureInfo.InvariantCulture)} more (every one is in the JSON report)"); break; }
                o.WriteLine("  - " + Sanitize(ReportCommon.Describe(s)));
            }
        }

        var sup = result.Suppressed;
        if (sup.Total > 0)
            o.WriteLine($"Suppressed {ReportCommon.Plural(sup.Total, "finding", "findings")}: {sup.Nosec.ToString(CultureInfo.InvariantCulture)} nosec, {sup.Inline.ToString(CultureInfo.InvariantCulture)} inline, {sup.Baseline.ToString(CultureInfo.InvariantCulture)} baseline, {sup.Config.ToString(CultureInfo.InvariantCulture)} config.");

        if (result.ConfigPath is { } config) o.WriteLine("Configuration: " + Sanitize(config) + ".");
        if (result.History is { } history) o.WriteLine(Sanitize(HistoryReport.HistorySentence(history)));

        if (result.Posture is { } posture) PostureReporter.WriteSummary(posture, o);

        if (result.Warnings.Count > 0)
        {
            o.WriteLine(_ansi.Yellow(result.Warnings.Count == 1 ? "Warning:" : "Warnings:"));
            foreach (var w in result.Warnings) o.WriteLine("  - " + Sanitize(w));
        }
    }

    /// <summary>`--statistics`: one line per rule, most frequent first, as Ruff prints them.</summary>
    void WriteStatistics(IReadOnlyList<Finding> findings, TextWriter o)
    {
        var counts = new Dictionary<string, (RuleInfo Rule, int Count)>(StringComparer.Ordinal);
        foreach (var f in findings)
            counts[f.Rule.Id] = counts.TryGetValue(f.Rule.Id, out var c) ? (c.Rule, c.Count + 1) : (f.Rule, 1);
        var rows = counts.Values.OrderByDescending(r => r.Count).ThenBy(r => r.Rule.Id, StringComparer.Ordinal).ToList();
        int width = rows.Max(r => r.Count.ToString(CultureInfo.InvariantCulture).Length);
        int idWidth = rows.Max(r => r.Rule.Id.Length);
        foreach (var (rule, count) in rows)
            o.WriteLine($"{count.ToString(CultureInfo.InvariantCulture).PadLeft(width)}  {rule.Id.PadRight(idWidth)}  [{rule.Severity.Name()}] {Sanitize(rule.Name)}");
        o.WriteLine();
    }

    static string SeverityColor(Severity s) => s switch
    {
        Severity.Critical => Ansi.BoldMagentaCode,
        Severity.High => Ansi.RedCode,
        Severity.Medium => Ansi.YellowCode,
        _ => Ansi.BlueCode,
    };

    static List<string> SplitLines(string text)
    {
        var lines = new List<string>(text.Split('\n'));
        for (int i = 0; i < lines.Count; i++)
            if (lines[i].EndsWith('\r')) lines[i] = lines[i][..^1];
        return lines;
    }

    /// <summary>
    /// Scanned files are untrusted: a control character (an escape sequence, a carriage return) copied to a
    /// terminal could rewrite what the user sees, so each becomes its visible Unicode control picture.
    /// </summary>
    internal static string Sanitize(string text, bool keepTabs = false)
    {
        int i = 0;
        for (; i < text.Length; i++)
            if (IsUnsafe(text[i], keepTabs)) break;
        if (i == text.Length) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsUnsafe(c, keepTabs)) sb.Append(c);
            else if (c < 0x20) sb.Append((char)(0x2400 + c));
            else if (c == 0x7F) sb.Append('\u2421');
            else sb.Append('\uFFFD');
        }
        return sb.ToString();
    }

    static bool IsUnsafe(char c, bool keepTabs) =>
        (c < 0x20 && !(keepTabs && c == '\t')) || c == 0x7F || (c >= 0x80 && c < 0xA0)
        // Bidirectional overrides can make code read differently from how it runs (CVE-2021-42574).
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    /// <summary>ANSI SGR sequences, or nothing when colour is off.</summary>
    sealed class Ansi(bool enabled)
    {
        public const string RedCode = "\u001b[31m", YellowCode = "\u001b[33m", BlueCode = "\u001b[34m",
            BoldMagentaCode = "\u001b[1;35m", GreenCode = "\u001b[32m", CyanCode = "\u001b[36m";
        const string Reset = "\u001b[0m";

        public string Paint(string code, string text) => enabled ? code + text + Reset : text;
        public string Bold(string text) => Paint("\u001b[1m", text);
        public string Dim(string text) => Paint("\u001b[2m", text);
        public string Underline(string text) => Paint("\u001b[4m", text);
        public string Green(string text) => Paint(GreenCode, text);
        public string Yellow(string text) => Paint(YellowCode, text);
        public string Cyan(string text) => Paint(CyanCode, text);
    }
}
