using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Bulwark.Core;
using Bulwark.Engine;

namespace Bulwark.Reports;

/// <summary>
/// `--format github`: one GitHub Actions workflow command per finding (`::error file=…,line=…::message`), which the
/// runner turns into annotations on the pull request's diff; high and critical are errors, medium warnings, low notices.
/// </summary>
public sealed class GitHubAnnotationsReporter : IReporter
{
    public void Write(ScanResult result, TextWriter output)
    {
        foreach (var f in result.Findings)
        {
            var l = f.Location;
            var sb = new StringBuilder("::").Append(Command(f.Severity)).Append(" file=").Append(Property(ReportCommon.DisplayPath(l.Path)));
            if (!l.IsWholeFile)
            {
                sb.Append(",line=").Append(l.StartLine.ToString(CultureInfo.InvariantCulture));
                if (l.EndLine >= l.StartLine) sb.Append(",endLine=").Append(l.EndLine.ToString(CultureInfo.InvariantCulture));
                if (l.StartColumn > 0) sb.Append(",col=").Append(l.StartColumn.ToString(CultureInfo.InvariantCulture));
                if (l.EndColumn > 0 && l.EndLine == l.StartLine) sb.Append(",endColumn=").Append(l.EndColumn.ToString(CultureInfo.InvariantCulture));
            }
            sb.Append(",title=").Append(Property($"{f.Rule.Id} {f.Rule.Name} [{f.Severity.Name()}/{f.Confidence.Name()}]"));
            sb.Append("::").Append(Data(f.Message));
            output.WriteLine(sb.ToString());
        }
        var summary = result.Findings.Count == 0 ? "Bulwark: no findings" : $"Bulwark: {ReportCommon.Plural(result.Findings.Count, "finding", "findings")}";
        output.WriteLine("::notice title=Bulwark::" + Data($"{summary} in {ReportCommon.Plural(result.FilesScanned, "file", "files")}"));
    }

    public static string Command(Severity s) => s switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "notice",
    };

    /// <summary>A workflow command's message: `%`, CR and LF escaped.</summary>
    public static string Data(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>A workflow command's property value: also `:` and `,` escaped.</summary>
    public static string Property(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");
}

/// <summary>
/// `--format markdown`: a summary and a table of findings for a pull-request comment or `$GITHUB_STEP_SUMMARY`
/// (GitHub-flavoured Markdown; table cells escaped, code in backticks).
/// </summary>
public sealed class MarkdownReporter(ReportOptions? options = null) : IReporter
{
    /// <summary>Rows beyond this are counted, not listed (a comment is limited to 65,536 characters).</summary>
    public const int MaxRows = 200;

    public void Write(ScanResult result, TextWriter o)
    {
        o.WriteLine("## Bulwark security scan");
        o.WriteLine();
        var findings = result.Findings;
        if (findings.Count == 0)
        {
            o.WriteLine($"No findings in {ReportCommon.Plural(result.FilesScanned, "file", "files")}.");
        }
        else
        {
            var bySeverity = ReportCommon.CountBySeverity(findings);
            var parts = ReportCommon.SeveritiesDescending.Select(s => $"{bySeverity[(int)s].ToString(CultureInfo.InvariantCulture)} {s.Name()}");
            o.WriteLine($"**{ReportCommon.Plural(findings.Count, "finding", "findings")}** in {ReportCommon.Plural(result.FilesScanned, "scanned file", "scanned files")}: {string.Join(", ", parts)}.");
            var (advisories, others) = AdvisoryRows.Split(findings);
            int shown = 0;
            if (others.Count > 0)
            {
                o.WriteLine();
                o.WriteLine("| Severity | Rule | Location | Finding |");
                o.WriteLine("|---|---|---|---|");
                foreach (var f in others.Take(MaxRows))
                    o.WriteLine($"| {f.Severity.Name()} | `{f.Rule.Id}` {Cell(f.Rule.Name)} | `{Cell(ReportCommon.LocationText(f.Location))}` | {Cell(f.Message)} |");
                shown = Math.Min(others.Count, MaxRows);
            }
            if (advisories.Count > 0 && shown < MaxRows) shown += WriteAdvisories(advisories, MaxRows - shown, o);
            if (findings.Count > shown)
            {
                o.WriteLine();
                o.WriteLine($"…and {(findings.Count - shown).ToString(CultureInfo.InvariantCulture)} more (see the full report).");
            }
        }
        var sup = result.Suppressed;
        if (sup.Total > 0)
        {
            o.WriteLine();
            o.WriteLine($"Suppressed: {sup.Nosec} nosec, {sup.Inline} inline, {sup.Baseline} baseline, {sup.Config} config.".Replace(" 0 ", " 0 "));
        }
        if (result.ConfigPath is { } config)
        {
            o.WriteLine();
            o.WriteLine($"Configuration: `{Cell(config)}`.");
        }
        if (result.Warnings.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("<details><summary>Warnings</summary>");
            o.WriteLine();
            foreach (var w in result.Warnings) o.WriteLine("- " + Cell(w));
            o.WriteLine();
            o.WriteLine("</details>");
        }
    }

    /// <summary>Vulnerable dependencies as pip-audit's Markdown table, each id linked to its advisory page; returns the rows written.</summary>
    int WriteAdvisories(List<AdvisoryRow> rows, int max, TextWriter o)
    {
        bool descriptions = AdvisoryRows.DescriptionsIn(ReportFormat.Markdown, (options ?? ReportOptions.Default).Descriptions);
        o.WriteLine();
        o.WriteLine("### Vulnerable dependencies");
        o.WriteLine();
        o.WriteLine(descriptions
            ? "| Name | Version | ID | Fix Versions | Severity | Manifest | Description |\n|---|---|---|---|---|---|---|"
            : "| Name | Version | ID | Fix Versions | Severity | Manifest | Summary |\n|---|---|---|---|---|---|---|");
        int n = 0;
        foreach (var r in rows)
        {
            if (n == max) break;
            var text = descriptions ? r.DescriptionOrSummary : r.Summary;
            o.WriteLine($"| {Cell(r.Package)} | {Cell(r.Version)} | [{Cell(r.Id)}]({LinkTarget(r.Url)}) | {Cell(string.Join(", ", r.FixedIn))} | {r.Finding.Severity.Name()} | `{Cell(ReportCommon.LocationText(r.Finding.Location))}` | {Cell(text)} |");
            n++;
        }
        return n;
    }

    /// <summary>A URL as a Markdown link target: characters that would end or break the link are percent-encoded.</summary>
    internal static string LinkTarget(string url) =>
        url.Replace("(", "%28").Replace(")", "%29").Replace(" ", "%20").Replace("|", "%7C").Replace("<", "%3C").Replace(">", "%3E");

    /// <summary>Text inside a table cell: one line, `|` escaped, HTML-significant characters neutralised.</summary>
    public static string Cell(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            switch (c)
            {
                case '|': sb.Append("\\|"); break;
                case '\r': break;
                case '\n': sb.Append(' '); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '`': sb.Append('\''); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}

/// <summary>
/// `--format junit`: JUnit XML as CI systems read it — one test suite per scanned file with findings, one failed
/// test case per finding (class name the path, name the rule and position); a clean scan is one passing case.
/// </summary>
public sealed class JUnitReporter : IReporter
{
    public void Write(ScanResult result, TextWriter output)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using var w = XmlWriter.Create(output, settings);
        var groups = ReportCommon.GroupByFile(result.Findings);
        string seconds = result.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
        w.WriteStartDocument();
        w.WriteStartElement("testsuites");
        w.WriteAttributeString("name", "bulwark");
        w.WriteAttributeString("tests", Math.Max(1, result.Findings.Count).ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("failures", result.Findings.Count.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("errors", "0");
        w.WriteAttributeString("time", seconds);
        if (groups.Count == 0)
        {
            w.WriteStartElement("testsuite");
            w.WriteAttributeString("name", "bulwark");
            w.WriteAttributeString("tests", "1");
            w.WriteAttributeString("failures", "0");
            w.WriteAttributeString("errors", "0");
            w.WriteStartElement("testcase");
            w.WriteAttributeString("classname", "bulwark");
            w.WriteAttributeString("name", $"no findings in {ReportCommon.Plural(result.FilesScanned, "file", "files")}");
            w.WriteEndElement();
            w.WriteEndElement();
        }
        foreach (var (path, findings) in groups)
        {
            w.WriteStartElement("testsuite");
            w.WriteAttributeString("name", path);
            w.WriteAttributeString("tests", findings.Count.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("failures", findings.Count.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("errors", "0");
            foreach (var f in findings)
            {
                w.WriteStartElement("testcase");
                w.WriteAttributeString("classname", path);
                w.WriteAttributeString("name", $"{f.Rule.Id} {f.Rule.Name} at {ReportCommon.LocationText(f.Location)}");
                w.WriteAttributeString("file", path);
                if (!f.Location.IsWholeFile) w.WriteAttributeString("line", f.Location.StartLine.ToString(CultureInfo.InvariantCulture));
                w.WriteStartElement("failure");
                w.WriteAttributeString("type", f.Rule.Id);
                w.WriteAttributeString("message", Xml(f.Message));
                var body = new StringBuilder();
                body.Append(ReportCommon.LocationText(f.Location)).Append("  ").Append(f.Rule.Id).Append(" [")
                    .Append(f.Severity.Name()).Append('/').Append(f.Confidence.Name()).Append("] ").Append(f.Rule.Name).Append('\n')
                    .Append(f.Message);
                if (f.Snippet is { Length: > 0 } snippet) body.Append("\n\n").Append(snippet);
                w.WriteString(Xml(body.ToString()));
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndDocument();
        w.Flush();
        output.WriteLine();
    }

    /// <summary>Characters XML 1.0 cannot carry at all (control characters) are replaced.</summary>
    static string Xml(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) sb.Append(XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '\uFFFD');
        return sb.ToString();
    }
}

/// <summary>
/// `--format gitlab`: GitLab's Code Quality report (`artifacts:reports:codequality`), a JSON array of issues with
/// `description`, `check_name`, `fingerprint`, `severity` (info, minor, major, critical, blocker) and
/// `location.path`/`location.lines.begin`, which GitLab shows in merge requests.
/// </summary>
public sealed class GitLabCodeQualityReporter : IReporter
{
    public void Write(ScanResult result, TextWriter output) => ReportCommon.WriteJson(output, w =>
    {
        w.WriteStartArray();
        foreach (var f in result.Findings)
        {
            w.WriteStartObject();
            w.WriteString("type", "issue");
            w.WriteString("description", $"{f.Rule.Id} {f.Rule.Name}: {f.Message}");
            w.WriteString("check_name", f.Rule.Id);
            w.WriteString("fingerprint", f.Fingerprint.Length > 0 ? f.Fingerprint : GitLabSastReporter.Id(f));
            w.WriteString("severity", Severity(f.Severity));
            w.WriteStartArray("categories");
            w.WriteStringValue("Security");
            w.WriteEndArray();
            w.WriteStartObject("location");
            w.WriteString("path", ReportCommon.DisplayPath(f.Location.Path));
            w.WriteStartObject("lines");
            w.WriteNumber("begin", Math.Max(1, f.Location.StartLine));
            if (f.Location.EndLine > f.Location.StartLine) w.WriteNumber("end", f.Location.EndLine);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    public static string Severity(Severity s) => s switch
    {
        Core.Severity.Critical => "blocker",
        Core.Severity.High => "critical",
        Core.Severity.Medium => "major",
        _ => "minor",
    };
}

/// <summary>
/// `--format gitlab-sast`: GitLab's SAST security report (`artifacts:reports:sast`, schema 15.x): `version`, a `scan`
/// naming analyzer and scanner, and `vulnerabilities` with `id`, `name`, `description`, `severity`, `location`
/// (`file`, `start_line`, `end_line`) and `identifiers` (the rule, its CWE, an advisory's CVE/GHSA ids).
/// </summary>
public sealed class GitLabSastReporter : IReporter
{
    public const string SchemaVersion = "15.2.1";

    public void Write(ScanResult result, TextWriter output) => ReportCommon.WriteJson(output, w =>
    {
        w.WriteStartObject();
        w.WriteString("version", SchemaVersion);
        w.WriteStartObject("scan");
        WriteTool(w, "analyzer", result.ToolVersion);
        WriteTool(w, "scanner", result.ToolVersion);
        w.WriteString("type", "sast");
        // GitLab's format has no time zone and no fraction: yyyy-MM-ddTHH:mm:ss (UTC here).
        var end = DateTime.UtcNow;
        w.WriteString("start_time", (end - result.Elapsed).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        w.WriteString("end_time", end.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        w.WriteString("status", "success");
        w.WriteEndObject();
        w.WriteStartArray("vulnerabilities");
        foreach (var f in result.Findings)
        {
            w.WriteStartObject();
            w.WriteString("id", Id(f));
            w.WriteString("name", Limit(f.Rule.Name, MaxNameChars));
            w.WriteString("description", Limit(f.Message.Length > 0 ? f.Message : f.Rule.Name, MaxDescriptionChars));
            w.WriteString("severity", f.Severity switch
            {
                Severity.Critical => "Critical", Severity.High => "High", Severity.Medium => "Medium", _ => "Low",
            });
            w.WriteStartObject("location");
            w.WriteString("file", ReportCommon.DisplayPath(f.Location.Path));
            if (!f.Location.IsWholeFile)
            {
                w.WriteNumber("start_line", f.Location.StartLine);
                w.WriteNumber("end_line", Math.Max(f.Location.StartLine, f.Location.EndLine));
            }
            w.WriteEndObject();
            w.WriteStartArray("identifiers");
            int identifiers = 1;
            w.WriteStartObject();
            w.WriteString("type", "bulwark_rule_id");
            w.WriteString("name", $"Bulwark {f.Rule.Id}");
            w.WriteString("value", f.Rule.Id);
            w.WriteEndObject();
            if (f.Rule.Cwe is { } cwe)
            {
                identifiers++;
                w.WriteStartObject();
                w.WriteString("type", "cwe");
                w.WriteString("name", $"CWE-{cwe.ToString(CultureInfo.InvariantCulture)}");
                w.WriteString("value", cwe.ToString(CultureInfo.InvariantCulture));
                w.WriteString("url", RuleDocs.CweUri(cwe));
                w.WriteEndObject();
            }
            if (f.Properties.TryGetValue("advisory", out var adv) && adv.Value is string advisory)
            {
                var ids = new List<string> { advisory };
                if (f.Properties.TryGetValue("aliases", out var al) && al.Value is string[] aliases) ids.AddRange(aliases);
                foreach (var id in ids)
                {
                    if (id.Length == 0) continue;
                    // GitLab rejects more than 20 identifiers; the advisory's own id comes first, then its aliases.
                    if (++identifiers > MaxIdentifiers) break;
                    w.WriteStartObject();
                    w.WriteString("type", id.StartsWith("CVE-", StringComparison.Ordinal) ? "cve" : id.StartsWith("GHSA-", StringComparison.Ordinal) ? "ghsa" : "osv");
                    w.WriteString("name", id);
                    w.WriteString("value", id);
                    w.WriteString("url", SarifReporter.AdvisoryLink(id));
                    w.WriteEndObject();
                }
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>Schema 15.x limits: identifiers per vulnerability, characters of a name and of a description.</summary>
    public const int MaxIdentifiers = 20, MaxNameChars = 255, MaxDescriptionChars = 1024 * 1024;

    /// <summary>Text within a schema limit, cut at a word boundary when it is longer.</summary>
    static string Limit(string text, int max)
    {
        if (text.Length <= max) return text;
        int cut = text.LastIndexOf(' ', max - 1);
        if (cut <= 0) cut = max - 1;
        if (char.IsLowSurrogate(text[cut])) cut--;
        return text[..cut] + "…";
    }

    static void WriteTool(Utf8JsonWriter w, string name, string version)
    {
        w.WriteStartObject(name);
        w.WriteString("id", "bulwark");
        w.WriteString("name", "Bulwark");
        w.WriteString("version", version);
        w.WriteStartObject("vendor");
        w.WriteString("name", "Bulwark");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A stable UUID-shaped id from the finding's fingerprint (or its rule and location when it has none).</summary>
    public static string Id(Finding f)
    {
        var seed = f.Fingerprint.Length > 0 ? f.Fingerprint : $"{f.Rule.Id}\0{f.Location.Path}\0{f.Location.StartLine}\0{f.Location.StartColumn}";
        var hash = Sha256.HashData(Encoding.UTF8.GetBytes(seed));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
