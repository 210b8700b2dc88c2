using System.Globalization;
using System.Text;
using Bulwark.Core;
using Bulwark.Engine;

namespace Bulwark.Reports;

/// <summary>
/// A single self-contained HTML file: inline CSS, no scripts, no external requests (a strict
/// Content-Security-Policy says so to the browser), every piece of scanned text HTML-escaped.
/// </summary>
public sealed class HtmlReporter(ReportOptions options) : IReporter
{
    public void Write(ScanResult result, TextWriter output)
    {
        var root = options.RootOf(result);
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<title>Bulwark report: ").Append(Escape(root)).Append("</title>\n");
        h.Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
        h.Append("<header>\n<h1>Bulwark security report</h1>\n<p class=\"meta\">")
         .Append(Escape(root)).Append(" · Bulwark ").Append(Escape(result.ToolVersion)).Append("</p>\n</header>\n<main>\n");

        WriteSummary(result, h, options.Timing);
        WriteControls(result, h);
        WriteFindings(result, h);
        WriteRules(result, h);

        h.Append("</main>\n</body>\n</html>\n");
        output.Write(h.ToString());
    }

    static void WriteSummary(ScanResult result, StringBuilder h, bool timing)
    {
        var bySeverity = ReportCommon.CountBySeverity(result.Findings);
        h.Append("<section id=\"summary\">\n<h2>Summary</h2>\n");
        if (result.Findings.Count == 0)
            h.Append(result.Errors.Count > 0 ? "<p class=\"incomplete\">No findings, but the scan is incomplete (see the warnings).</p>\n" : "<p class=\"none\">No findings.</p>\n");
        h.Append("<ul class=\"counts\">\n");
        foreach (var s in ReportCommon.SeveritiesDescending)
            h.Append("<li class=\"sev-").Append(s.Name()).Append("\"><strong>").Append(bySeverity[(int)s].ToString(CultureInfo.InvariantCulture))
             .Append("</strong> ").Append(s.Name()).Append("</li>\n");
        h.Append("</ul>\n<table class=\"facts\">\n");
        Row(h, "Findings", result.Findings.Count.ToString(CultureInfo.InvariantCulture));
        var families = new List<string>();
        foreach (var (family, count) in ReportCommon.NonZeroFamilies(ReportCommon.CountByFamily(result.Findings)))
            families.Add($"{family.Name()} {count.ToString(CultureInfo.InvariantCulture)}");
        if (families.Count > 0) Row(h, "By family", string.Join(", ", families));
        Row(h, "Files scanned", result.FilesScanned.ToString(CultureInfo.InvariantCulture));
        Row(h, "Files skipped", result.FilesSkipped.ToString(CultureInfo.InvariantCulture));
        var sup = result.Suppressed;
        Row(h, "Suppressed", $"{sup.Total.ToString(CultureInfo.InvariantCulture)} (nosec {sup.Nosec.ToString(CultureInfo.InvariantCulture)}, inline {sup.Inline.ToString(CultureInfo.InvariantCulture)}, baseline {sup.Baseline.ToString(CultureInfo.InvariantCulture)}, config {sup.Config.ToString(CultureInfo.InvariantCulture)})");
        Row(h, "Rules run", result.Rules.Count.ToString(CultureInfo.InvariantCulture));
        if (timing) Row(h, "Elapsed", ReportCommon.Seconds(result.Elapsed));
        h.Append("</table>\n");
        if (result.Warnings.Count > 0)
        {
            h.Append("<h3>Warnings</h3>\n<ul class=\"warnings\">\n");
            foreach (var w in result.Warnings) h.Append("<li>").Append(Escape(w)).Append("</li>\n");
            h.Append("</ul>\n");
        }
        if (result.Skipped.Count > 0)
        {
            h.Append("<h3>Not analysed</h3>\n<ul class=\"warnings\">\n");
            foreach (var s in result.Skipped) h.Append("<li>").Append(Escape(ReportCommon.Describe(s))).Append("</li>\n");
            h.Append("</ul>\n");
        }
        h.Append("</section>\n");
    }

    static void Row(StringBuilder h, string name, string value) =>
        h.Append("<tr><th>").Append(Escape(name)).Append("</th><td>").Append(Escape(value)).Append("</td></tr>\n");

    /// <summary>Which review and audit questions the findings bear on, and which areas were checked at all.</summary>
    static void WriteControls(ScanResult result, StringBuilder h)
    {
        h.Append("<section id=\"controls\">\n<h2>Security review and audit mapping</h2>\n");
        h.Append("<p class=\"note\">How the findings relate to the principles a security review, a GDPR (Art. 5, 25, 32) or a HIPAA Security Rule (45 CFR 164) assessment asks about. Guidance for reviewers, not legal advice or a compliance determination.</p>\n");
        h.Append("<table class=\"controls\">\n<thead><tr><th>Area</th><th>Principle</th><th>GDPR</th><th>HIPAA</th><th>Findings</th><th>CWEs found</th></tr></thead>\n<tbody>\n");
        foreach (var area in ControlMapping.Areas)
        {
            int findings = 0, rulesRun = 0;
            var cwes = new SortedSet<int>();
            foreach (var r in result.Rules)
                if (ControlMapping.AreaOf(r) == area) rulesRun++;
            foreach (var f in result.Findings)
                if (ControlMapping.AreaOf(f.Rule) == area)
                {
                    findings++;
                    if (f.Rule.Cwe is { } c) cwes.Add(c);
                }
            string status = findings > 0 ? findings.ToString(CultureInfo.InvariantCulture)
                : rulesRun > 0 ? "none" : "not checked";
            h.Append("<tr class=\"").Append(findings > 0 ? "hit" : rulesRun > 0 ? "clean" : "unchecked").Append("\"><th>").Append(Escape(area.Title))
             .Append("</th><td>").Append(Escape(area.Principle))
             .Append("</td><td>").Append(Escape(area.Gdpr))
             .Append("</td><td>").Append(Escape(area.Hipaa))
             .Append("</td><td>").Append(Escape(status)).Append("</td><td>");
            bool first = true;
            foreach (var c in cwes)
            {
                if (!first) h.Append(", ");
                first = false;
                CweLink(h, c);
            }
            h.Append("</td></tr>\n");
        }
        h.Append("</tbody>\n</table>\n</section>\n");
    }

    static void WriteFindings(ScanResult result, StringBuilder h)
    {
        if (result.Findings.Count == 0) return;
        h.Append("<section id=\"findings\">\n<h2>Findings by file</h2>\n");
        foreach (var (path, findings) in ReportCommon.GroupByFile(result.Findings))
        {
            h.Append("<section class=\"file\">\n<h3>").Append(Escape(path)).Append(" <span class=\"count\">")
             .Append(Escape(ReportCommon.Plural(findings.Count, "finding", "findings"))).Append("</span></h3>\n");
            foreach (var f in findings) WriteFinding(f, h);
            h.Append("</section>\n");
        }
        h.Append("</section>\n");
    }

    static void WriteFinding(Finding f, StringBuilder h)
    {
        h.Append("<article class=\"finding sev-").Append(f.Severity.Name()).Append("\">\n<p class=\"head\"><span class=\"badge\">")
         .Append(f.Severity.Name()).Append("</span> <code class=\"rule\">").Append(Escape(f.Rule.Id)).Append("</code> ")
         .Append(Escape(f.Rule.Name)).Append(" <span class=\"loc\">").Append(Escape(ReportCommon.LocationText(f.Location))).Append("</span>")
         .Append(" <span class=\"conf\">confidence ").Append(f.Confidence.Name()).Append("</span>");
        if (f.Rule.Cwe is { } cwe) { h.Append(' '); CweLink(h, cwe); }
        h.Append("</p>\n<p class=\"msg\">").Append(Escape(f.Message)).Append("</p>\n");
        if (f.Sensitive) h.Append("<p class=\"masked\">The secret's value is masked.</p>\n");
        if (f.Snippet is { Length: > 0 } snippet) WriteSnippet(f.Location, snippet, h);
        if (f.Related.Count > 0)
        {
            h.Append("<p class=\"label\">Related</p>\n<ul class=\"steps\">\n");
            foreach (var r in f.Related) Step(h, r);
            h.Append("</ul>\n");
        }
        if (f.Flow.Count > 0)
        {
            h.Append("<p class=\"label\">Data flow</p>\n<ol class=\"steps\">\n");
            foreach (var s in f.Flow) Step(h, s);
            h.Append("</ol>\n");
        }
        if (f.Properties.Count > 0)
        {
            h.Append("<dl class=\"props\">\n");
            foreach (var (key, value) in ReportCommon.SortedProperties(f.Properties))
                h.Append("<dt>").Append(Escape(key)).Append("</dt><dd>").Append(Escape(ReportCommon.PropertyText(value))).Append("</dd>\n");
            h.Append("</dl>\n");
        }
        h.Append("<p class=\"about\"><a href=\"#").Append(Anchor(f.Rule.Id)).Append("\">About ").Append(Escape(f.Rule.Id)).Append(" and how to fix it</a></p>\n");
        h.Append("</article>\n");
    }

    /// <summary>Each rule with findings documented once, so a thousand findings do not repeat its text.</summary>
    static void WriteRules(ScanResult result, StringBuilder h)
    {
        if (result.Findings.Count == 0) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rules = new List<RuleInfo>();
        foreach (var f in result.Findings)
            if (seen.Add(f.Rule.Id)) rules.Add(f.Rule);
        rules.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        h.Append("<section id=\"rules\">\n<h2>Rules with findings</h2>\n");
        foreach (var r in rules)
        {
            h.Append("<article class=\"rule-doc\" id=\"").Append(Anchor(r.Id)).Append("\">\n<h3><code>").Append(Escape(r.Id)).Append("</code> ")
             .Append(Escape(r.Name)).Append("</h3>\n<p class=\"meta\">").Append(Escape($"{r.Family.Name()} · default severity {r.Severity.Name()} · confidence {r.Confidence.Name()}"));
            if (r.Cwe is { } cwe) { h.Append(" · "); CweLink(h, cwe); }
            h.Append("</p>\n");
            Paragraph(h, "What it does", r.What);
            Paragraph(h, "Why it matters", r.Why);
            if (r.Example.Trim().Length > 0)
                h.Append("<h4>Example</h4>\n<pre class=\"snippet\">").Append(Escape(r.Example.TrimEnd())).Append("</pre>\n");
            Paragraph(h, "How to fix", r.Fix);
            foreach (var reference in r.References)
                if (IsWebUrl(reference))
                    h.Append("<p><a href=\"").Append(Escape(reference)).Append("\">").Append(Escape(reference)).Append("</a></p>\n");
            h.Append("</article>\n");
        }
        h.Append("</section>\n");
    }

    /// <summary>An element id from a rule id: only characters that need no escaping in a fragment.</summary>
    static string Anchor(string ruleId)
    {
        var sb = new StringBuilder("rule-");
        foreach (var c in ruleId) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        return sb.ToString();
    }

    static void Step(StringBuilder h, FlowStep step) =>
        h.Append("<li><span class=\"loc\">").Append(Escape(ReportCommon.LocationText(step.Location))).Append("</span> ")
         .Append(Escape(step.Message)).Append("</li>\n");

    static void Paragraph(StringBuilder h, string title, string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        h.Append("<h4>").Append(Escape(title)).Append("</h4>\n<p class=\"doc\">").Append(Escape(text.Trim())).Append("</p>\n");
    }

    /// <summary>Source lines with numbers; the finding's span on the first line is wrapped in &lt;mark&gt;.</summary>
    static void WriteSnippet(Location loc, string snippet, StringBuilder h)
    {
        var lines = snippet.Replace("\r\n", "\n").Split('\n');
        h.Append("<pre class=\"snippet\">");
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (!loc.IsWholeFile)
                h.Append("<span class=\"ln\">").Append((loc.StartLine + i).ToString(CultureInfo.InvariantCulture)).Append("</span>");
            if (i == 0 && !loc.IsWholeFile)
            {
                int start = Math.Clamp(loc.StartColumn - 1, 0, line.Length);
                int end = loc.EndLine == loc.StartLine ? Math.Clamp(loc.EndColumn - 1, start, line.Length) : line.Length;
                // Never split a surrogate pair between the escaped text and the mark.
                if (start > 0 && start < line.Length && char.IsLowSurrogate(line[start])) start--;
                if (end > 0 && end < line.Length && char.IsLowSurrogate(line[end])) end++;
                h.Append(Escape(line[..start])).Append("<mark>").Append(Escape(line[start..end])).Append("</mark>").Append(Escape(line[end..]));
            }
            else h.Append(Escape(line));
            h.Append('\n');
        }
        h.Append("</pre>\n");
    }

    static void CweLink(StringBuilder h, int cwe) =>
        h.Append("<a class=\"cwe\" href=\"").Append(RuleDocs.CweUri(cwe)).Append("\">CWE-").Append(cwe.ToString(CultureInfo.InvariantCulture)).Append("</a>");

    static bool IsWebUrl(string s) =>
        Uri.TryCreate(s, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Escapes text for element content and double- or single-quoted attributes; control characters become visible pictures.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\t' or '\n': sb.Append(c); break;
                case < ' ': sb.Append((char)(0x2400 + c)); break;
                case '\u007f': sb.Append('\u2421'); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    const string Css = """
        :root { --crit: #8b1a89; --high: #c62828; --med: #b26a00; --low: #1565c0; --fg: #1d2330; --muted: #5f6b7a; --line: #d9dee5; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: #f6f7f9; }
        header { background: #1d2330; color: #fff; padding: 1.2rem 2rem; }
        header h1 { margin: 0; font-size: 1.4rem; }
        header .meta { margin: .2rem 0 0; color: #c5cbd3; font-size: .9rem; word-break: break-all; }
        main { max-width: 1100px; margin: 0 auto; padding: 1rem 2rem 3rem; }
        section { margin-top: 1.5rem; }
        h2 { font-size: 1.2rem; border-bottom: 2px solid var(--line); padding-bottom: .3rem; }
        h3 { font-size: 1.05rem; margin: 1.2rem 0 .5rem; word-break: break-all; }
        h3 .count { color: var(--muted); font-weight: normal; font-size: .9rem; }
        h4 { margin: .6rem 0 .2rem; font-size: .9rem; }
        .none { font-weight: bold; color: #2e7d32; }
        .counts { list-style: none; padding: 0; display: flex; gap: .8rem; flex-wrap: wrap; }
        .counts li { background: #fff; border: 1px solid var(--line); border-left: 6px solid; border-radius: 6px; padding: .4rem .9rem; }
        .counts strong { font-size: 1.3rem; }
        .sev-critical { border-left-color: var(--crit) !important; } .sev-high { border-left-color: var(--high) !important; }
        .sev-medium { border-left-color: var(--med) !important; } .sev-low { border-left-color: var(--low) !important; }
        table { border-collapse: collapse; background: #fff; }
        th, td { text-align: left; vertical-align: top; padding: .35rem .6rem; border: 1px solid var(--line); }
        table.controls { width: 100%; font-size: .9rem; }
        tr.hit th { color: var(--high); } tr.unchecked td, tr.unchecked th { color: var(--muted); }
        .note { color: var(--muted); font-size: .9rem; }
        .warnings li { color: var(--med); }
        .finding { background: #fff; border: 1px solid var(--line); border-left: 6px solid; border-radius: 6px; padding: .6rem 1rem; margin: .8rem 0; }
        .head { margin: 0; } .msg { margin: .3rem 0; } .masked { margin: 0; color: var(--muted); font-style: italic; }
        .badge { display: inline-block; color: #fff; border-radius: 4px; padding: 0 .45rem; font-size: .8rem; text-transform: uppercase; }
        .sev-critical .badge { background: var(--crit); } .sev-high .badge { background: var(--high); }
        .sev-medium .badge { background: var(--med); } .sev-low .badge { background: var(--low); }
        .loc, .conf { color: var(--muted); font-size: .9rem; }
        .rule { font-weight: bold; }
        pre.snippet { background: #f3f4f6; border-radius: 4px; padding: .5rem .8rem; overflow-x: auto; font-size: .85rem; }
        pre.snippet .ln { display: inline-block; min-width: 3em; color: var(--muted); user-select: none; }
        mark { background: #ffe08a; }
        .label { margin: .4rem 0 0; font-weight: bold; font-size: .9rem; }
        .steps { margin: .2rem 0; }
        .props { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; font-size: .9rem; }
        .props dt { color: var(--muted); } .props dd { margin: 0; word-break: break-all; }
        .doc { white-space: pre-wrap; margin: 0; }
        .about { margin: .3rem 0 0; font-size: .9rem; }
        .rule-doc { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .6rem 1rem; margin: .8rem 0; }
        .rule-doc h3 { margin-top: 0; } .rule-doc .meta { color: var(--muted); font-size: .9rem; margin: 0; }
        a { color: #0b5cad; }

        """;
}
