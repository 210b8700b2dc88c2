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
        // `--desc off` leaves advisory descriptions out (auto and on keep them).
        if (!AdvisoryRows.DescriptionsIn(ReportFormat.Html, options.Descriptions)) result = AdvisoryRows.WithoutDescriptions(result);
        var root = options.RootOf(result);
        var css = Css;
        var js = Script;
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        // Inline style and script are allowed by their hashes only: nothing injected into the page can run or restyle it.
        h.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '").Append(CspHash(css))
         .Append("'; script-src '").Append(CspHash(js)).Append("'; img-src data:; base-uri 'none'; form-action 'none'\">\n");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<meta name=\"referrer\" content=\"no-referrer\">\n");
        h.Append("<title>Bulwark report: ").Append(Escape(ProjectName(root))).Append("</title>\n");
        h.Append("<style>").Append(css).Append("</style>\n</head>\n<body>\n");
        WriteHeader(result, root, h);
        h.Append("<main>\n");
        WriteSummary(result, h, options.Timing);
        WriteCharts(result, h);
        WriteHistory(result, h);
        WriteFindings(result, h);
        WriteDependencies(result, h);
        WritePosture(result, h);
        WriteControls(result, h);
        WriteRules(result, h);
        h.Append("</main>\n<script>").Append(js).Append("</script>\n</body>\n</html>\n");
        output.Write(h.ToString());
    }

    static string ProjectName(string root)
    {
        var name = Path.GetFileName(root.TrimEnd('/', '\\'));
        return name.Length > 0 ? name : root;
    }

    /// <summary>`sha256-…` of an inline element's exact text, for the Content-Security-Policy.</summary>
    public static string CspHash(string content) =>
        "sha256-" + Convert.ToBase64String(Sha256.HashData(Encoding.UTF8.GetBytes(content)));

    /// <summary>Project, date, git revision, versions and the integrity data: what exactly was checked.</summary>
    void WriteHeader(ScanResult result, string root, StringBuilder h)
    {
        var e = result.Evidence;
        h.Append("<header>\n<h1>Bulwark security report: ").Append(Escape(ProjectName(root))).Append("</h1>\n<dl class=\"evidence\" id=\"evidence\">\n");
        void Item(string name, string value, bool code = false) =>
            h.Append("<div><dt>").Append(Escape(name)).Append("</dt><dd>").Append(code ? "<code>" : "").Append(Escape(value)).Append(code ? "</code>" : "").Append("</dd></div>\n");
        Item("Scanned", root);
        if (options.Timing) Item("Date", result.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        if (e.GitCommit is not null || e.GitBranch is not null)
            Item("Git", (e.GitBranch ?? "(detached)") + (e.GitCommit is { } c ? " @ " + c : ""), code: true);
        Item("Bulwark", result.ToolVersion);
        Item("Rule set", $"{e.RuleCount.ToString(CultureInfo.InvariantCulture)} rules, sha256 {e.RuleSetDigest}", code: false);
        Item("Configuration", "sha256 " + e.ConfigurationDigest);
        if (e.AdvisoryDatabase is { } db)
            Item("Advisory database", $"{db.Advisories.ToString(CultureInfo.InvariantCulture)} advisories, imported {db.ImportedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
                + (db.NewestModified is { } m ? $", newest {m.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "") + $", digest {db.Digest}");
        else Item("Advisory database", "not used");
        Item("Files", $"{e.FilesHashed.ToString(CultureInfo.InvariantCulture)} read, sha256 {e.FilesDigest}");
        h.Append("</dl>\n</header>\n");
    }

    static void WriteSummary(ScanResult result, StringBuilder h, bool timing)
    {
        var bySeverity = ReportCommon.CountBySeverity(result.Findings);
        h.Append("<section id=\"summary\">\n<h2>Summary</h2>\n");
        if (result.Findings.Count == 0)
            h.Append(result.Errors.Count > 0 ? "<p class=\"incomplete\">No findings, but the scan is incomplete (see the warnings).</p>\n" : "<p class=\"none\">No findings.</p>\n");
        h.Append("<ul class=\"counts\">\n");
        foreach (var s in ReportCommon.SeveritiesDescending)
            h.Append("<li class=\"sev-").Append(s.Name()).Append("\"><strong id=\"count-").Append(s.Name()).Append("\">").Append(bySeverity[(int)s].ToString(CultureInfo.InvariantCulture))
             .Append("</strong> ").Append(s.Name()).Append("</li>\n");
        h.Append("</ul>\n<table class=\"facts\">\n");
        h.Append("<tr><th>Findings</th><td id=\"count-total\">").Append(result.Findings.Count.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        var families = new List<string>();
        foreach (var (family, count) in ReportCommon.NonZeroFamilies(ReportCommon.CountByFamily(result.Findings)))
            families.Add($"{family.Name()} {count.ToString(CultureInfo.InvariantCulture)}");
        if (families.Count > 0) Row(h, "By family", string.Join(", ", families));
        Row(h, "Files scanned", result.FilesScanned.ToString(CultureInfo.InvariantCulture));
        Row(h, "Files skipped", result.FilesSkipped.ToString(CultureInfo.InvariantCulture));
        var sup = result.Suppressed;
        Row(h, "Suppressed", $"{sup.Total.ToString(CultureInfo.InvariantCulture)} (nosec {sup.Nosec.ToString(CultureInfo.InvariantCulture)}, inline {sup.Inline.ToString(CultureInfo.InvariantCulture)}, baseline {sup.Baseline.ToString(CultureInfo.InvariantCulture)}, config {sup.Config.ToString(CultureInfo.InvariantCulture)})");
        Row(h, "Rules run", result.Rules.Count.ToString(CultureInfo.InvariantCulture));
        if (result.History is { } history)
        {
            h.Append("<tr><th>Since the previous scan</th><td id=\"history-summary\"");
            if (history.Previous is not null)
                h.Append(" data-new=\"").Append(history.New.ToString(CultureInfo.InvariantCulture)).Append("\" data-fixed=\"")
                 .Append(history.Fixed.Count.ToString(CultureInfo.InvariantCulture)).Append('"');
            h.Append('>').Append(Escape(HistoryReport.HistorySentence(history)["History: ".Length..])).Append("</td></tr>\n");
        }
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

    /// <summary>The compliance matrix: one table per framework, each area checked or not, with its findings.</summary>
    static void WriteControls(ScanResult result, StringBuilder h)
    {
        h.Append("<section id=\"compliance\">\n<h2>Compliance matrix</h2>\n<p class=\"note\">").Append(Escape(ComplianceMatrix.Disclaimer)).Append("</p>\n");
        ComplianceFramework? current = null;
        foreach (var area in ComplianceMatrix.Build(result))
        {
            if (current != area.Framework)
            {
                if (current is not null) h.Append("</tbody>\n</table>\n");
                current = area.Framework;
                h.Append("<h3>").Append(Escape(area.Framework.Title())).Append("</h3>\n<table class=\"controls\" data-framework=\"").Append(area.Framework.Name())
                 .Append("\">\n<thead><tr><th>Area</th><th>Description</th><th>Status</th><th>Findings</th><th>Rules firing</th></tr></thead>\n<tbody>\n");
            }
            var status = area.Status switch { "findings" => "findings", "clean" => "checked, none", _ => "not checked" };
            h.Append("<tr class=\"").Append(area.Status).Append("\"><th>").Append(Escape(area.Label)).Append("</th><td>").Append(Escape(area.Title))
             .Append("</td><td>").Append(status).Append("</td><td class=\"num\">").Append(area.Findings.Count.ToString(CultureInfo.InvariantCulture))
             .Append("</td><td>").Append(Escape(string.Join(", ", ComplianceMatrix.FiringRules(area)))).Append("</td></tr>\n");
        }
        if (current is not null) h.Append("</tbody>\n</table>\n");
        h.Append("</section>\n");
    }

    /// <summary>
    /// Findings as cards grouped by file, each carrying its filter facets in data attributes; the script filters,
    /// searches and regroups them. Repeats of one rule on one line, or on one package, share one card.
    /// </summary>
    static void WriteFindings(ScanResult result, StringBuilder h)
    {
        if (result.Findings.Count == 0) return;
        h.Append("<section id=\"findings\">\n<h2>Findings</h2>\n");
        WriteFilters(result, h);
        h.Append("<p id=\"shown\" class=\"note\" aria-live=\"polite\"></p>\n<div id=\"groups\">\n");
        foreach (var (path, findings) in ReportCommon.GroupByFile(result.Findings))
        {
            var cards = Cards(findings);
            h.Append("<section class=\"group\" data-key=\"").Append(Escape(path)).Append("\">\n<h3>").Append(Escape(path)).Append(" <span class=\"count\">")
             .Append(Escape(ReportCommon.Plural(findings.Count, "finding", "findings"))).Append("</span></h3>\n");
            foreach (var card in cards) WriteFinding(card, h, result.History);
            h.Append("</section>\n");
        }
        h.Append("</div>\n</section>\n");
    }

    /// <summary>
    /// Consecutive findings of one file grouped: same rule and line, or same rule and package, become one card — when
    /// they also share severity and confidence, which the card carries for the filters (a package's one high advisory
    /// among medium ones gets its own card, so filtering by severity shows it).
    /// </summary>
    static List<List<Finding>> Cards(List<Finding> findings)
    {
        var cards = new List<List<Finding>>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            var facets = "\0" + ((int)f.Severity).ToString(CultureInfo.InvariantCulture) + "\0" + ((int)f.Confidence).ToString(CultureInfo.InvariantCulture);
            var key = f.Properties.TryGetValue("package", out var pkg) && pkg.Value is string p
                ? f.Rule.Id + facets + "\0pkg\0" + p
                : f.Rule.Id + facets + "\0line\0" + f.Location.StartLine.ToString(CultureInfo.InvariantCulture);
            if (index.TryGetValue(key, out var i)) cards[i].Add(f);
            else { index[key] = cards.Count; cards.Add([f]); }
        }
        return cards;
    }

    static void WriteFilters(ScanResult result, StringBuilder h)
    {
        var rules = new SortedSet<string>(StringComparer.Ordinal);
        var cwes = new SortedSet<int>();
        var families = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var f in result.Findings)
        {
            rules.Add(f.Rule.Id);
            if (f.Rule.Cwe is { } c) cwes.Add(c);
            families.Add(f.Rule.Family.Name());
        }
        h.Append("<form id=\"filters\" class=\"filters\" autocomplete=\"off\">\n");
        void Select(string id, string label, IEnumerable<(string Value, string Text)> items)
        {
            h.Append("<label>").Append(label).Append(" <select id=\"f-").Append(id).Append("\"><option value=\"\">all</option>");
            foreach (var (value, text) in items) h.Append("<option value=\"").Append(Escape(value)).Append("\">").Append(Escape(text)).Append("</option>");
            h.Append("</select></label>\n");
        }
        Select("severity", "Severity ≥", ReportCommon.SeveritiesDescending.Select(s => (s.Name(), s.Name())));
        Select("confidence", "Confidence ≥", new[] { Confidence.High, Confidence.Medium, Confidence.Low }.Select(c => (c.Name(), c.Name())));
        Select("family", "Family", families.Select(f => (f, f)));
        Select("rule", "Rule", rules.Select(r => (r, r)));
        Select("cwe", "CWE", cwes.Select(c => (c.ToString(CultureInfo.InvariantCulture), "CWE-" + c.ToString(CultureInfo.InvariantCulture))));
        h.Append("<label>Path <input id=\"f-path\" type=\"text\" placeholder=\"src/\"></label>\n");
        h.Append("<label class=\"grow\">Search <input id=\"f-q\" type=\"search\" placeholder=\"message, code, rule…\"></label>\n");
        if (result.History?.Previous is not null)
            h.Append("<label>Changes <select id=\"f-new\"><option value=\"\">all</option><option value=\"new\">new since the previous scan</option></select></label>\n");
        h.Append("<label>Group by <select id=\"f-group\"><option value=\"file\">file</option><option value=\"rule\">rule</option></select></label>\n");
        h.Append("<button type=\"button\" id=\"f-reset\">Reset</button>\n</form>\n");
    }

    static void WriteFinding(List<Finding> card, StringBuilder h, HistoryDelta? history)
    {
        var f = card[0];
        int fresh = 0;
        if (history is not null) foreach (var c in card) if (history.IsNew(c)) fresh++;
        h.Append("<article class=\"finding sev-").Append(f.Severity.Name()).Append("\" data-sev=\"").Append(((int)f.Severity).ToString(CultureInfo.InvariantCulture))
         .Append("\" data-conf=\"").Append(((int)f.Confidence).ToString(CultureInfo.InvariantCulture))
         .Append("\" data-family=\"").Append(f.Rule.Family.Name()).Append("\" data-rule=\"").Append(Escape(f.Rule.Id))
         .Append("\" data-cwe=\"").Append(f.Rule.Cwe is { } dc ? dc.ToString(CultureInfo.InvariantCulture) : "")
         .Append("\" data-path=\"").Append(Escape(ReportCommon.DisplayPath(f.Location.Path)))
         .Append("\" data-n=\"").Append(card.Count.ToString(CultureInfo.InvariantCulture)).Append(fresh > 0 ? "\" data-new=\"1" : "")
         .Append("\">\n<p class=\"head\"><span class=\"badge\">")
         .Append(f.Severity.Name()).Append("</span> <code class=\"rule\">").Append(Escape(f.Rule.Id)).Append("</code> ")
         .Append(Escape(f.Rule.Name)).Append(" <span class=\"loc\">").Append(Escape(ReportCommon.LocationText(f.Location))).Append("</span>")
         .Append(" <span class=\"conf\">confidence ").Append(f.Confidence.Name()).Append("</span>");
        if (f.Rule.Cwe is { } cwe) { h.Append(' '); CweLink(h, cwe); }
        if (card.Count > 1) h.Append(" <span class=\"repeat\">×").Append(card.Count.ToString(CultureInfo.InvariantCulture)).Append("</span>");
        if (fresh > 0) h.Append(" <span class=\"new\" title=\"not in the previous recorded scan\">new").Append(card.Count > 1 ? " ×" + fresh.ToString(CultureInfo.InvariantCulture) : "").Append("</span>");
        h.Append("</p>\n<p class=\"msg\">").Append(Inline(f.Message)).Append("</p>\n");
        if (card.Count > 1)
        {
            h.Append("<details class=\"repeats\"><summary>").Append(card.Count.ToString(CultureInfo.InvariantCulture)).Append(" findings of this rule here</summary>\n<ul>\n");
            foreach (var r in card)
                h.Append("<li><span class=\"loc\">").Append(Escape(ReportCommon.LocationText(r.Location))).Append("</span> ").Append(Inline(r.Message)).Append("</li>\n");
            h.Append("</ul>\n</details>\n");
        }
        if (f.Sensitive) h.Append("<p class=\"masked\">The secret's value is masked.</p>\n");
        if (f.Snippet is { Length: > 0 } snippet) WriteSnippet(f.Location, snippet, h);
        if (f.Flow.Count > 0)
        {
            h.Append("<p class=\"label\">Data flow (source → sink)</p>\n<ol class=\"steps flow\">\n");
            foreach (var s in f.Flow) Step(h, s);
            h.Append("</ol>\n");
        }
        if (f.Related.Any(r => !ReportCommon.IsFlowStep(f, r)))
        {
            h.Append("<p class=\"label\">Related</p>\n<ul class=\"steps\">\n");
            foreach (var r in f.Related)
                if (!ReportCommon.IsFlowStep(f, r)) Step(h, r);
            h.Append("</ul>\n");
        }
        if (f.Properties.Count > 0)
        {
            h.Append("<dl class=\"props\">\n");
            foreach (var (key, value) in ReportCommon.SortedProperties(f.Properties))
                h.Append("<dt>").Append(Escape(key)).Append("</dt><dd>").Append(Escape(ReportCommon.PropertyText(value))).Append("</dd>\n");
            h.Append("</dl>\n");
        }
        if (!string.IsNullOrWhiteSpace(f.Rule.Fix))
            h.Append("<details class=\"fix\"><summary>How to fix</summary>\n").Append(Markdown(f.Rule.Fix)).Append("</details>\n");
        h.Append("<p class=\"about\"><a href=\"#").Append(Anchor(f.Rule.Id)).Append("\">About ").Append(Escape(f.Rule.Id)).Append("</a></p>\n");
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
            var c = r.Compliance;
            h.Append("<p class=\"meta\">").Append(Escape(string.Join(", ", Compliance.AllPrinciples.Where(p => (c.Principles & p) != 0).Select(p => p.Name()))));
            if (c.Owasp is { } o) h.Append(" · OWASP ").Append(Escape(o.Code() + " " + o.Title()));
            if (CweTop25.Rank(r.Cwe) is { } rank) h.Append(" · CWE Top 25 #").Append(rank.ToString(CultureInfo.InvariantCulture));
            h.Append("</p>\n");
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
        h.Append("<h4>").Append(Escape(title)).Append("</h4>\n").Append(Markdown(text));
    }

    /// <summary>Inline Markdown of rule docs and messages: `code` spans become &lt;code&gt;; everything else is escaped text.</summary>
    public static string Inline(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        int i = 0;
        while (i < text.Length)
        {
            int open = text.IndexOf('`', i);
            if (open < 0) { sb.Append(Escape(text[i..])); break; }
            int close = text.IndexOf('`', open + 1);
            if (close < 0) { sb.Append(Escape(text[i..])); break; }
            sb.Append(Escape(text[i..open])).Append("<code>").Append(Escape(text[(open + 1)..close])).Append("</code>");
            i = close + 1;
        }
        return sb.ToString();
    }

    /// <summary>
    /// The Markdown subset rule docs use: paragraphs, `- ` lists, fenced or indented code and blocks that are plainly
    /// code, inline code. Always escaped; never raw HTML.
    /// </summary>
    public static string Markdown(string text)
    {
        var sb = new StringBuilder();
        var lines = text.Replace("\r\n", "\n").Trim('\n').Split('\n');
        var block = new List<string>();
        void Flush()
        {
            if (block.Count == 0) return;
            bool list = block.TrueForAll(l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal));
            bool indented = block.TrueForAll(l => l.StartsWith("    ", StringComparison.Ordinal) || l.StartsWith('\t'));
            if (list)
            {
                sb.Append("<ul class=\"doc\">");
                foreach (var l in block) sb.Append("<li>").Append(Inline(l.TrimStart()[2..])).Append("</li>");
                sb.Append("</ul>\n");
            }
            else if (indented || LooksLikeCode(block))
                sb.Append("<pre class=\"snippet\">").Append(Escape(string.Join('\n', block))).Append("</pre>\n");
            else sb.Append("<p class=\"doc\">").Append(Inline(string.Join(' ', block.Select(l => l.Trim())))).Append("</p>\n");
            block.Clear();
        }
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                var code = new List<string>();
                for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++) code.Add(lines[i]);
                sb.Append("<pre class=\"snippet\">").Append(Escape(string.Join('\n', code))).Append("</pre>\n");
                continue;
            }
            if (line.Trim().Length == 0) { Flush(); continue; }
            block.Add(line);
        }
        Flush();
        return sb.ToString();
    }

    /// <summary>A docs block with no prose markers: no backticks, and a line that ends like code rather than a sentence.</summary>
    static bool LooksLikeCode(List<string> block)
    {
        foreach (var l in block) if (l.Contains('`')) return false;
        var last = block[^1].TrimEnd();
        if (last.EndsWith('.') && !last.EndsWith("...", StringComparison.Ordinal)) return false;
        foreach (var l in block)
        {
            var t = l.Trim();
            if (t.Contains('(') && t.Contains(')') || t.Contains(" = ") || OpensBlock(t) || t.StartsWith('#') || t.StartsWith("- uses:", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    static readonly string[] BlockKeywords = ["if", "elif", "else", "for", "while", "with", "try", "except", "finally", "def", "class", "async", "match", "case"];

    /// <summary>
    /// A line ending with a colon that opens a code block — a Python compound statement or a YAML key — rather than
    /// a sentence introducing what follows ("Pass a list of arguments and leave shell at its default:").
    /// </summary>
    static bool OpensBlock(string t)
    {
        if (!t.EndsWith(':')) return false;
        if (!t.Contains(' ')) return true;
        var first = t.Split(' ', 2)[0];
        return Array.IndexOf(BlockKeywords, first) >= 0;
    }

    /// <summary>Inline SVG bar charts: findings by severity, family, principle and the most frequent rules.</summary>
    static void WriteCharts(ScanResult result, StringBuilder h)
    {
        if (result.Findings.Count == 0) return;
        h.Append("<section id=\"charts\" class=\"charts\">\n");
        var bySeverity = ReportCommon.CountBySeverity(result.Findings);
        Chart(h, "By severity", ReportCommon.SeveritiesDescending.Select(s => (s.Name(), bySeverity[(int)s], "sev-" + s.Name())).ToList());
        var byFamily = ReportCommon.CountByFamily(result.Findings);
        Chart(h, "By family", ReportCommon.NonZeroFamilies(byFamily).Select(f => (f.Family.Name(), f.Count, "bar")).ToList());
        var principles = new List<(string, int, string)>();
        foreach (var p in Compliance.AllPrinciples)
        {
            int n = 0;
            foreach (var f in result.Findings) if ((f.Rule.Compliance.Principles & p) != 0) n++;
            if (n > 0) principles.Add((p.Name(), n, "bar"));
        }
        Chart(h, "By principle", principles);
        var byRule = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in result.Findings) byRule[f.Rule.Id] = byRule.GetValueOrDefault(f.Rule.Id) + 1;
        var top = byRule.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(10).Select(kv => (kv.Key, kv.Value, "bar")).ToList();
        Chart(h, byRule.Count > 10 ? "Top 10 rules" : "By rule", top);
        h.Append("</section>\n");
    }

    static void Chart(StringBuilder h, string title, List<(string Label, int Count, string Class)> bars)
    {
        if (bars.Count == 0) return;
        int max = Math.Max(1, bars.Max(b => b.Count));
        const int row = 22, labelWidth = 120, barWidth = 200;
        int height = bars.Count * row + 4;
        h.Append("<figure class=\"chart\"><figcaption>").Append(Escape(title)).Append("</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
         .Append((labelWidth + barWidth + 60).ToString(CultureInfo.InvariantCulture)).Append(' ').Append(height.ToString(CultureInfo.InvariantCulture))
         .Append("\" role=\"img\" aria-label=\"").Append(Escape(title)).Append("\">\n");
        for (int i = 0; i < bars.Count; i++)
        {
            var (label, count, cls) = bars[i];
            int y = i * row + 2;
            int w = count == 0 ? 0 : Math.Max(2, (int)Math.Round((double)barWidth * count / max));
            string Y(int v) => v.ToString(CultureInfo.InvariantCulture);
            h.Append("<text x=\"").Append(Y(labelWidth - 6)).Append("\" y=\"").Append(Y(y + 15)).Append("\" text-anchor=\"end\">").Append(Escape(label)).Append("</text>")
             .Append("<rect class=\"").Append(cls).Append("\" x=\"").Append(Y(labelWidth)).Append("\" y=\"").Append(Y(y + 3)).Append("\" width=\"").Append(Y(w)).Append("\" height=\"16\" rx=\"2\"></rect>")
             .Append("<text x=\"").Append(Y(labelWidth + w + 6)).Append("\" y=\"").Append(Y(y + 15)).Append("\">").Append(Y(count)).Append("</text>\n");
        }
        h.Append("</svg></figure>\n");
    }

    /// <summary>Scan history: the trend of findings over the recorded scans of this branch and paths, and what was fixed.</summary>
    static void WriteHistory(ScanResult result, StringBuilder h)
    {
        if (result.History is not { } history) return;
        h.Append("<section id=\"history\">\n<h2>History</h2>\n<p class=\"note\">").Append(Escape(HistoryReport.HistorySentence(history))).Append("</p>\n");
        var points = new List<(string Label, int Count, bool Now)>();
        foreach (var s in history.Trend)
            points.Add(("#" + s.Id.ToString(CultureInfo.InvariantCulture) + " " + s.StartedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Findings, false));
        points.Add(("this scan", result.Findings.Count, true));
        TrendChart(h, "Findings per recorded scan", points);
        if (history.Fixed.Count > 0)
        {
            h.Append("<h3>Fixed since scan #").Append(history.Previous!.Id.ToString(CultureInfo.InvariantCulture)).Append(" <span class=\"count\">")
             .Append(Escape(ReportCommon.Plural(history.Fixed.Count, "finding", "findings"))).Append("</span></h3>\n<div class=\"scroll\"><table class=\"fixed\" id=\"fixed\">\n<tr><th>Rule</th><th>Severity</th><th>Where</th></tr>\n");
            const int MaxFixedShown = 500;
            for (int i = 0; i < history.Fixed.Count && i < MaxFixedShown; i++)
            {
                var f = history.Fixed[i];
                h.Append("<tr class=\"sev-").Append(f.Severity.Name()).Append("\"><td><code>").Append(Escape(f.RuleId)).Append("</code></td><td>").Append(f.Severity.Name())
                 .Append("</td><td>").Append(Escape(f.Path)).Append(':').Append(f.Line.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
            }
            h.Append("</table></div>\n");
            if (history.Fixed.Count > MaxFixedShown)
                h.Append("<p class=\"note\">").Append((history.Fixed.Count - MaxFixedShown).ToString(CultureInfo.InvariantCulture)).Append(" more (every one is in the JSON report).</p>\n");
        }
        h.Append("</section>\n");
    }

    /// <summary>An inline SVG line of finding counts over the recorded scans, the current scan last.</summary>
    static void TrendChart(StringBuilder h, string title, List<(string Label, int Count, bool Now)> points)
    {
        const int width = 600, height = 180, left = 40, bottom = 30, top = 12;
        int max = Math.Max(1, points.Max(p => p.Count));
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        double X(int i) => points.Count == 1 ? left + (width - left) / 2.0 : left + 10 + i * (double)(width - left - 20) / (points.Count - 1);
        double Y(int count) => top + (height - top - bottom) * (1 - (double)count / max);
        h.Append("<figure class=\"chart trend\"><figcaption>").Append(Escape(title)).Append("</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
         .Append(N(width)).Append(' ').Append(N(height)).Append("\" role=\"img\" aria-label=\"").Append(Escape(title)).Append("\">\n");
        h.Append("<line x1=\"").Append(N(left)).Append("\" y1=\"").Append(N(Y(0))).Append("\" x2=\"").Append(N(width)).Append("\" y2=\"").Append(N(Y(0))).Append("\"></line>")
         .Append("<text x=\"").Append(N(left - 4)).Append("\" y=\"").Append(N(Y(max) + 4)).Append("\" text-anchor=\"end\">").Append(N(max)).Append("</text>")
         .Append("<text x=\"").Append(N(left - 4)).Append("\" y=\"").Append(N(Y(0) + 4)).Append("\" text-anchor=\"end\">0</text>\n");
        if (points.Count > 1)
        {
            h.Append("<polyline points=\"");
            for (int i = 0; i < points.Count; i++) h.Append(i > 0 ? " " : "").Append(N(X(i))).Append(',').Append(N(Y(points[i].Count)));
            h.Append("\"></polyline>\n");
        }
        for (int i = 0; i < points.Count; i++)
        {
            var (label, count, now) = points[i];
            h.Append("<circle").Append(now ? " class=\"now\"" : "").Append(" cx=\"").Append(N(X(i))).Append("\" cy=\"").Append(N(Y(count))).Append("\" r=\"4\"><title>")
             .Append(Escape(label)).Append(": ").Append(N(count)).Append("</title></circle>");
            // Labels for the first, the last and a few between, so they never overlap.
            if (i == 0 || i == points.Count - 1 || points.Count <= 6)
                h.Append("<text x=\"").Append(N(X(i))).Append("\" y=\"").Append(N(height - 10)).Append("\" text-anchor=\"middle\">").Append(Escape(now ? "now" : label.Split(' ')[0])).Append("</text>");
            h.Append('\n');
        }
        h.Append("</svg></figure>\n");
    }

    /// <summary>
    /// Vulnerable dependencies: package, version, advisories (each linked to its page, with its summary, and its
    /// description unless `--desc off`), fixed-in versions and the smallest fixing upgrade.
    /// </summary>
    static void WriteDependencies(ScanResult result, StringBuilder h)
    {
        var rows = new SortedDictionary<string, (string Package, string Version, SortedDictionary<string, AdvisoryRow> Advisories, SortedSet<string> FixedIn, string? Upgrade, string Path)>(StringComparer.Ordinal);
        foreach (var f in result.Findings)
        {
            if (AdvisoryRows.Of(f) is not { } a) continue;
            var key = a.Package + "\0" + a.Version + "\0" + f.Location.Path;
            if (!rows.TryGetValue(key, out var row))
                row = (a.Package, a.Version, new SortedDictionary<string, AdvisoryRow>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal), null, ReportCommon.DisplayPath(f.Location.Path));
            row.Advisories[a.Id] = a;
            foreach (var x in a.FixedIn) row.FixedIn.Add(x);
            if (a.UpgradeTo is { } up) row.Upgrade = up;
            rows[key] = row;
        }
        if (rows.Count == 0) return;
        h.Append("<section id=\"dependencies\">\n<h2>Vulnerable dependencies</h2>\n<div class=\"scroll\"><table class=\"deps\">\n<thead><tr><th>Package</th><th>Version</th><th>Advisories</th><th>Fixed in</th><th>Smallest fixing upgrade</th><th>Manifest</th></tr></thead>\n<tbody>\n");
        foreach (var r in rows.Values)
        {
            h.Append("<tr><td>").Append(Escape(r.Package)).Append("</td><td>").Append(Escape(r.Version)).Append("</td><td>");
            bool first = true;
            foreach (var a in r.Advisories.Values)
            {
                if (!first) h.Append("<br>");
                first = false;
                h.Append("<a href=\"").Append(Escape(a.Url)).Append("\" rel=\"noreferrer noopener\">").Append(Escape(a.Id)).Append("</a>");
                if (a.Summary.Length > 0) h.Append(": ").Append(Escape(a.Summary));
                if (a.Description.Length > 0)
                    h.Append("<details class=\"desc\"><summary>Description</summary><p class=\"desc\">").Append(Escape(a.Description)).Append("</p></details>");
            }
            h.Append("</td><td>").Append(Escape(string.Join(", ", r.FixedIn))).Append("</td><td>").Append(Escape(r.Upgrade ?? "—")).Append("</td><td>").Append(Escape(r.Path)).Append("</td></tr>\n");
        }
        h.Append("</tbody>\n</table></div>\n</section>\n");
    }

    /// <summary>The security-practice scorecard, when the scan assessed one.</summary>
    static void WritePosture(ScanResult result, StringBuilder h)
    {
        if (result.Posture is not { } posture) return;
        h.Append("<section id=\"posture\">\n<h2>Security posture: ").Append(posture.Score.ToString(CultureInfo.InvariantCulture)).Append('/')
         .Append(posture.MaxScore.ToString(CultureInfo.InvariantCulture)).Append(" (").Append(posture.Percent.ToString(CultureInfo.InvariantCulture)).Append("%)</h2>\n")
         .Append("<div class=\"scroll\"><table class=\"posture\">\n<thead><tr><th>Practice</th><th>Status</th><th>Score</th><th>Evidence or what is missing</th></tr></thead>\n<tbody>\n");
        foreach (var p in posture.Practices)
        {
            var status = p.Status switch
            {
                Posture.PracticeStatus.Met => "met", Posture.PracticeStatus.Partial => "partial",
                Posture.PracticeStatus.Missing => "missing", _ => "n/a",
            };
            h.Append("<tr class=\"").Append(status == "n/a" ? "na" : status).Append("\"><th>").Append(Escape(p.Title)).Append("</th><td>").Append(status).Append("</td><td class=\"num\">")
             .Append(p.Score.ToString(CultureInfo.InvariantCulture)).Append('/').Append(p.MaxScore.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(Inline(p.Summary));
            foreach (var e in p.Evidence.Take(3))
                h.Append("<br><span class=\"loc\">").Append(Escape(e.Path)).Append(e.Line > 0 ? ":" + e.Line.ToString(CultureInfo.InvariantCulture) : "").Append("</span>");
            if (p.HowToAdd is { Length: > 0 } how && p.Status != Posture.PracticeStatus.Met) h.Append("<br>").Append(Inline(how));
            h.Append("</td></tr>\n");
        }
        h.Append("</tbody>\n</table></div>\n</section>\n");
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

    const string Script = """
        (function () {
          "use strict";
          var form = document.getElementById("filters");
          if (!form) return;
          var groupsBox = document.getElementById("groups");
          var shown = document.getElementById("shown");
          var cards = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
          var fileGroups = Array.prototype.slice.call(groupsBox.children);
          var ruleGroups = null;
          var texts = null;
          var ids = ["severity", "confidence", "family", "rule", "cwe", "path", "q", "group"];
          if (document.getElementById("f-new")) ids.push("new");
          var rank = { low: 0, medium: 1, high: 2, critical: 3 };
          function el(id) { return document.getElementById("f-" + id); }
          function state() {
            var s = {};
            ids.forEach(function (k) { var v = el(k).value; if (v && !(k === "group" && v === "file")) s[k] = v; });
            return s;
          }
          function fromHash() {
            var params = new URLSearchParams(location.hash.slice(1));
            ids.forEach(function (k) {
              var v = params.get(k) || (k === "group" ? "file" : "");
              var input = el(k);
              if (input.tagName === "SELECT" && !Array.prototype.some.call(input.options, function (o) { return o.value === v; })) v = input.options[0].value;
              input.value = v;
            });
          }
          function toHash(s) {
            var params = new URLSearchParams();
            Object.keys(s).forEach(function (k) { params.set(k, s[k]); });
            var h = params.toString();
            history.replaceState(null, "", h ? "#" + h : location.pathname + location.search);
          }
          function regroup(by) {
            var target;
            if (by === "rule") {
              if (!ruleGroups) {
                ruleGroups = {};
                cards.forEach(function (c) {
                  var r = c.getAttribute("data-rule");
                  if (!ruleGroups[r]) {
                    var sec = document.createElement("section");
                    sec.className = "group";
                    var h3 = document.createElement("h3");
                    h3.textContent = r + " " + c.querySelector(".head").childNodes[3].textContent.trim();
                    sec.appendChild(h3);
                    ruleGroups[r] = sec;
                  }
                });
              }
              target = Object.keys(ruleGroups).sort().map(function (k) { return ruleGroups[k]; });
              cards.forEach(function (c) { ruleGroups[c.getAttribute("data-rule")].appendChild(c); });
            } else {
              target = fileGroups;
              cards.forEach(function (c) { c.fileGroup.appendChild(c); });
            }
            while (groupsBox.firstChild) groupsBox.removeChild(groupsBox.firstChild);
            target.forEach(function (g) { groupsBox.appendChild(g); });
          }
          cards.forEach(function (c) { c.fileGroup = c.parentNode; });
          var grouped = "file";
          function apply() {
            var s = state();
            var by = s.group || "file";
            if (by !== grouped) { regroup(by); grouped = by; }
            var minSev = s.severity ? rank[s.severity] : -1, minConf = s.confidence ? rank[s.confidence] : -1;
            var q = (s.q || "").toLowerCase(), path = (s.path || "").toLowerCase();
            if (q && !texts) texts = cards.map(function (c) { return c.textContent.toLowerCase(); });
            var visible = 0, findings = 0;
            cards.forEach(function (c, i) {
              var ok = +c.getAttribute("data-sev") >= minSev && +c.getAttribute("data-conf") >= minConf
                && (!s.family || c.getAttribute("data-family") === s.family)
                && (!s.rule || c.getAttribute("data-rule") === s.rule)
                && (!s.cwe || c.getAttribute("data-cwe") === s.cwe)
                && (!s["new"] || c.hasAttribute("data-new"))
                && (!path || c.getAttribute("data-path").toLowerCase().indexOf(path) >= 0)
                && (!q || texts[i].indexOf(q) >= 0);
              c.hidden = !ok;
              if (ok) { visible++; findings += +c.getAttribute("data-n"); }
            });
            Array.prototype.forEach.call(groupsBox.children, function (g) { g.hidden = !g.querySelector("article.finding:not([hidden])"); });
            shown.textContent = "Showing " + findings + " of " + TOTAL + " findings (" + visible + " cards).";
            shown.setAttribute("data-shown", String(findings));
            toHash(s);
          }
          var TOTAL = cards.reduce(function (n, c) { return n + +c.getAttribute("data-n"); }, 0);
          var timer = 0;
          form.addEventListener("input", function (e) {
            clearTimeout(timer);
            timer = setTimeout(apply, e.target.type === "search" || e.target.type === "text" ? 120 : 0);
          });
          form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
          el("reset").addEventListener("click", function () { ids.forEach(function (k) { el(k).value = k === "group" ? "file" : ""; }); apply(); });
          window.addEventListener("hashchange", function () { fromHash(); apply(); });
          fromHash();
          apply();
        })();

        """;

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
        tr.findings th { color: var(--high); } tr.not-checked td, tr.not-checked th { color: var(--muted); }
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
        header { padding: 1rem 1.2rem; }
        .evidence { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: .2rem 1.2rem; margin: .6rem 0 0; font-size: .8rem; color: #c5cbd3; }
        .evidence div { min-width: 0; } .evidence dt { display: inline; color: #8f9aa8; } .evidence dt::after { content: ": "; }
        .evidence dd { display: inline; margin: 0; word-break: break-all; } .evidence code { color: #fff; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); gap: 1rem; }
        .chart { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem; }
        .chart figcaption { font-weight: bold; font-size: .9rem; } .chart svg { width: 100%; height: auto; font-size: 12px; }
        .chart text { fill: var(--fg); } .chart rect.bar { fill: #0b5cad; }
        .chart rect.sev-critical { fill: var(--crit); } .chart rect.sev-high { fill: var(--high); } .chart rect.sev-medium { fill: var(--med); } .chart rect.sev-low { fill: var(--low); }
        .filters { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: .4rem .8rem; align-items: end; background: #f6f7f9; padding: .5rem 0; border-bottom: 1px solid var(--line); }
        .filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
        .filters .grow { flex: 1 1 12rem; } .filters input, .filters select, .filters button { font: inherit; font-size: .9rem; padding: .25rem .4rem; }
        /* Lazy rendering: groups and rule pages off screen are laid out only when scrolled to (3,000 findings open in ~2.5 s instead of ~7 s). */
        .group { content-visibility: auto; contain-intrinsic-size: auto 600px; } .rule-doc { content-visibility: auto; contain-intrinsic-size: auto 300px; }
        .new { background: #2e7d32; color: #fff; border-radius: 4px; padding: 0 .4rem; font-size: .8rem; }
        .chart polyline { fill: none; stroke: #0b5cad; stroke-width: 2; } .chart circle { fill: #0b5cad; } .chart circle.now { fill: var(--high); }
        .chart line { stroke: var(--line); }
        .repeat { background: var(--line); border-radius: 4px; padding: 0 .4rem; font-size: .8rem; }
        details.fix, details.repeats, details.desc { margin: .3rem 0; font-size: .9rem; } p.desc { white-space: pre-wrap; margin: .2rem 0; } details summary { cursor: pointer; color: #0b5cad; }
        .scroll { overflow-x: auto; } td.num { text-align: right; }
        table.deps, table.posture { width: 100%; font-size: .9rem; }
        tr.missing th { color: var(--high); } tr.partial th { color: var(--med); } tr.met th { color: #2e7d32; } tr.na td, tr.na th { color: var(--muted); }
        code { font-size: .9em; background: #eef0f3; border-radius: 3px; padding: 0 .2em; }
        ul.doc { margin: .2rem 0; }
        @media (max-width: 640px) { main { padding: .5rem .7rem 2rem; } .finding { padding: .5rem .6rem; } th, td { padding: .25rem .35rem; } }

        """;
}
