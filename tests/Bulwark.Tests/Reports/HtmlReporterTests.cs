using System.Text.RegularExpressions;
using Bulwark.Core;
using Bulwark.Reports;
using static Bulwark.Tests.Reports.ReportFixtures;

namespace Bulwark.Tests.Reports;

public class HtmlReporterTests
{
    static readonly HashSet<string> VoidElements = ["meta", "br", "hr", "img", "link", "input", "wbr"];

    /// <summary>Every non-void element that opens is closed, in order.</summary>
    static void AssertBalanced(string html)
    {
        var stack = new Stack<string>();
        foreach (Match m in Regex.Matches(html, "<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>"))
        {
            var name = m.Groups[2].Value.ToLowerInvariant();
            if (VoidElements.Contains(name)) continue;
            if (m.Groups[1].Value == "") stack.Push(name);
            else
            {
                Assert.True(stack.Count > 0, $"</{name}> closes nothing");
                Assert.Equal(stack.Pop(), name);
            }
        }
        Assert.Empty(stack);
    }

    [Fact]
    public void Report_is_one_self_contained_balanced_document_whose_only_script_and_style_are_allowed_by_hash()
    {
        var html = Render(ReportFormat.Html, Sample());
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html);
        var csp = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").Groups[1].Value;
        Assert.StartsWith("default-src 'none'; ", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        // Exactly one inline script and one style element, each allowed by the SHA-256 of its exact text.
        var scripts = Regex.Matches(html, "<script>(.*?)</script>", RegexOptions.Singleline);
        Assert.Single(scripts);
        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        Assert.Contains("script-src '" + HtmlReporter.CspHash(scripts[0].Groups[1].Value) + "'", csp);
        var styles = Regex.Matches(html, "<style>(.*?)</style>", RegexOptions.Singleline);
        Assert.Single(styles);
        Assert.Contains("style-src '" + HtmlReporter.CspHash(styles[0].Groups[1].Value) + "'", csp);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase); // blocked by the policy anyway
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fetch(", html);
        Assert.DoesNotContain("XMLHttpRequest", html);
        Assert.DoesNotContain("innerHTML", html);
        AssertBalanced(Regex.Replace(html, "<script>.*?</script>", "", RegexOptions.Singleline));
    }

    [Fact]
    public void Header_carries_the_integrity_data()
    {
        var evidence = new Bulwark.Engine.ScanEvidence
        {
            RuleSetDigest = new string('a', 64), RuleCount = 5, ConfigurationDigest = new string('b', 64), FilesDigest = new string('c', 64), FilesHashed = 7,
            GitCommit = new string('d', 40), GitBranch = "main",
            AdvisoryDatabase = new AdvisoryDatabaseInfo("v1-xyz", 1234, new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero)),
        };
        var html = Render(ReportFormat.Html, Sample() with { Evidence = evidence, StartedAt = new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.Zero) });
        Assert.Contains("<dt>Git</dt><dd><code>main @ " + new string('d', 40) + "</code></dd>", html);
        Assert.Contains("5 rules, sha256 " + new string('a', 64), html);
        Assert.Contains("sha256 " + new string('b', 64), html);
        Assert.Contains("7 read, sha256 " + new string('c', 64), html);
        Assert.Contains("1234 advisories, imported 2026-11-30, newest 2026-11-29, digest v1-xyz", html);
        Assert.DoesNotContain("2026-12-01", html); // the date only with --timing: same input, same bytes
        var timed = Render(ReportFormat.Html, Sample() with { Evidence = evidence, StartedAt = new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.Zero) }, new ReportOptions { Timing = true });
        Assert.Contains("<dt>Date</dt><dd>2026-12-01 10:30 UTC</dd>", timed);
    }

    [Fact]
    public void Summary_and_findings_by_file_are_present()
    {
        var html = Render(ReportFormat.Html, Sample());
        Assert.Contains("<li class=\"sev-critical\"><strong id=\"count-critical\">2</strong> critical</li>", html);
        Assert.Contains("<tr><th>Files skipped</th><td>2</td></tr>", html);
        Assert.Contains("<tr><th>Suppressed</th><td>10 (nosec 1, inline 2, baseline 3, config 4)</td></tr>", html);
        Assert.Contains("<li>advisory database is 40 days old; run `bulwark db update`</li>", html);
        Assert.Contains("<h3>src/vues/café.py <span class=\"count\">1 finding</span></h3>", html);
        Assert.Contains("<span class=\"ln\">12</span>    <mark>subprocess.Popen(cmd, shell=True)</mark>\n", html);
        Assert.Contains("<li><span class=\"loc\">src/vues/café.py:17:13</span> source: request.args</li>", html);
        Assert.Contains("<dt>advisories</dt><dd>GHSA-x84v-xcm2-53pg, PYSEC-2018-28</dd>", html);
        Assert.Contains("<p class=\"about\"><a href=\"#rule-B602\">About B602</a></p>", html);
        Assert.Contains("<article class=\"rule-doc\" id=\"rule-B602\">", html);
        Assert.DoesNotContain("id=\"rule-CI001\"", html); // ran, but found nothing
        Assert.Contains("<h4>Example</h4>\n<pre class=\"snippet\">import subprocess\nsubprocess.Popen(cmd, shell=True)</pre>", html);
        Assert.Contains("<p class=\"masked\">The secret's value is masked.</p>", html);
        Assert.Contains("<p class=\"label\">Data flow (source → sink)</p>", html);
        Assert.Contains("<details class=\"fix\"><summary>How to fix</summary>\n<p class=\"doc\">Pass a list of arguments and leave shell at its default:</p>\n<ul class=\"doc\"><li><code>subprocess.run([&quot;ls&quot;, path])</code></li>", html);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", html);
        Assert.Contains("<select id=\"f-rule\"><option value=\"\">all</option><option value=\"B602\">B602</option>", html);
        // Findings keep the scanner's order.
        Assert.True(html.IndexOf("config/settings.py", StringComparison.Ordinal) < html.IndexOf("src/app.py", StringComparison.Ordinal));
    }

    [Fact]
    public void Everything_from_the_scan_is_html_escaped()
    {
        var evil = new RuleInfo("X1", "x<y>", Family.Code, Severity.High, Confidence.High, null,
            What: "<b>what</b> `<i>code</i>`", Why: "why", Example: "</script><script>alert(1)</script>", Fix: "fix & more `</script>`", References: ["javascript:alert(1)"])
        { Compliance = Compliance.Injection };
        const string path = "src/</script><script>alert(1)</script>\"'onerror=alert(1).py";
        var result = Empty() with
        {
            Root = "/tmp/<root>",
            Rules = [evil],
            Warnings = ["<i>warn</i>"],
            Findings =
            [
                new Finding
                {
                    Rule = evil, Severity = Severity.High, Confidence = Confidence.High,
                    Message = "<script>alert(1)</script> `</script><img src=x onerror=alert(1)>`", Location = new Location(path, 1, 5, 1, 9),
                    Snippet = "x = \"<img src=x onerror=alert(1)>\" + '</script>'",
                    Related = [new FlowStep(new Location("<r>.py", 1, 1, 1, 2), "<rel>")],
                    Flow = [new FlowStep(new Location("a.py", 2, 1, 2, 2), "source: \"<svg onload=alert(1)>\"")],
                    Properties = new Dictionary<string, PropertyValue> { ["<k>"] = "<v>", ["package"] = "<pkg onerror=x>", ["advisory"] = "\"><script>", ["version"] = "1'2" },
                },
            ],
        };
        var html = Render(ReportFormat.Html, result);
        Assert.Contains("href=\"#rule-X1\"", html);
        // The only script element is the reporter's own; nothing from the scan opens a tag or leaves an attribute.
        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        Assert.Single(Regex.Matches(html, "</script", RegexOptions.IgnoreCase));
        var withoutScript = Regex.Replace(html, "<script>.*?</script>", "", RegexOptions.Singleline);
        // (The summary's charts are the reporter's own inline SVG; the scan's `<svg onload=…>` must not appear.)
        foreach (var raw in new[] { "<script", "</script", "<img", "<svg onload", "<root>", "<i>", "<b>what", "x<y>", "<rel>", "<k>", "<v>", "<pkg", "javascript:", "\"'onerror", "\"><script" })
            Assert.DoesNotContain(raw, withoutScript);
        // No real tag carries an event handler (escaped text has no '<', so it cannot match).
        Assert.DoesNotMatch("<[^>]*\\s(onerror|onload)=", withoutScript);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; <code>&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</code>", html);
        Assert.Contains("x = <mark>&quot;&lt;im</mark>g src=x onerror=alert(1)&gt;&quot; + &#39;&lt;/script&gt;&#39;", html);
        Assert.Contains("data-path=\"src/&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;onerror=alert(1).py\"", html);
        // The advisory id is escaped as text and percent-encoded in its link.
        Assert.Contains("<td>&lt;pkg onerror=x&gt;</td><td>1&#39;2</td><td><a href=\"https://osv.dev/vulnerability/%22%3E%3Cscript%3E\" rel=\"noreferrer noopener\">&quot;&gt;&lt;script&gt;</a></td>", html);
        Assert.Contains("<code>&lt;i&gt;code&lt;/i&gt;</code>", html);
        AssertBalanced(withoutScript);
    }

    [Fact]
    public void Repeats_share_a_card_only_when_they_share_the_facets_the_filters_read()
    {
        var rule = new RuleInfo("DEPX", "vulnerable-dependency", Family.Dependencies, Severity.Medium, Confidence.High, 1395,
            What: "w", Why: "y", Example: "e", Fix: "f", References: []);
        Finding Advisory(string id, Severity severity) => new()
        {
            Rule = rule, Severity = severity, Confidence = Confidence.High, Message = "urllib3 is vulnerable: " + id,
            Location = new Location("requirements.txt", 6, 1, 6, 16),
            Properties = new Dictionary<string, PropertyValue> { ["package"] = "urllib3", ["advisory"] = id, ["version"] = "1.24.1" },
        };
        var result = Empty() with
        {
            Rules = [rule],
            Findings = [Advisory("A-1", Severity.Medium), Advisory("A-2", Severity.High), Advisory("A-3", Severity.Medium)],
        };
        var html = Render(ReportFormat.Html, result);
        var cards = Regex.Matches(html, "<article class=\"finding sev-(\\w+)\"[^>]*data-n=\"(\\d+)\"").Select(m => m.Groups[1].Value + " x" + m.Groups[2].Value).ToList();
        // The high advisory has its own card: a filter on severity >= high shows it, and counts exactly one finding.
        Assert.Equal(["medium x2", "high x1"], cards);
    }

    [Fact]
    public void Compliance_matrix_marks_areas_with_findings_clean_and_not_checked()
    {
        var html = Render(ReportFormat.Html, Sample());
        string Row(string label)
        {
            var m = Regex.Match(html, "<tr class=\"([\\w-]+)\"><th>" + Regex.Escape(label) + "</th>(.*?)</tr>");
            Assert.True(m.Success, $"no row for {label}");
            return m.Groups[1].Value + "|" + m.Groups[2].Value;
        }
        Assert.StartsWith("findings|", Row("A03:2021"));
        Assert.Contains("B602, PYT101", Row("A03:2021"));
        Assert.StartsWith("clean|", Row("A08:2021")); // CI001 ran (unpinned component), found nothing
        Assert.StartsWith("not-checked|", Row("A10:2021"));
        Assert.StartsWith("findings|", Row("#3 CWE-89"));
        Assert.StartsWith("findings|", Row("Art. 32(1)(b)"));
        Assert.StartsWith("findings|", Row("6.3.3")); // DEP001
        Assert.StartsWith("not-checked|", Row("Non-repudiation"));
    }

    [Fact]
    public void Empty_scan_says_no_findings_and_has_no_findings_section()
    {
        var html = Render(ReportFormat.Html, Empty());
        Assert.Contains("<p class=\"none\">No findings.</p>", html);
        Assert.DoesNotContain("id=\"findings\"", html);
        AssertBalanced(html);
    }
}

public class ReportFormatTests
{
    [Theory]
    [InlineData("text", ReportFormat.Text)]
    [InlineData("JSON", ReportFormat.Json)]
    [InlineData("Sarif", ReportFormat.Sarif)]
    [InlineData("html", ReportFormat.Html)]
    public void Format_names_parse_case_insensitively(string name, ReportFormat expected)
    {
        Assert.True(Reporters.TryParse(name, out var format));
        Assert.Equal(expected, format);
        Assert.Equal(name.ToLowerInvariant(), format.Name());
    }

    [Fact]
    public void Unknown_format_name_does_not_parse() => Assert.False(Reporters.TryParse("xml", out _));

    [Fact]
    public void Factory_creates_a_reporter_of_each_format()
    {
        Assert.IsType<TextReporter>(Reporters.Create(ReportFormat.Text));
        Assert.IsType<JsonReporter>(Reporters.Create(ReportFormat.Json));
        Assert.IsType<SarifReporter>(Reporters.Create(ReportFormat.Sarif));
        Assert.IsType<HtmlReporter>(Reporters.Create(ReportFormat.Html));
    }
}

public class ColorPolicyTests
{
    static Func<string, string?> Env(params (string Key, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Key == name).Value;

    [Theory]
    [InlineData(ColorMode.Auto, true, "", "", "xterm", true)]
    [InlineData(ColorMode.Auto, false, "", "", "xterm", false)]   // piped
    [InlineData(ColorMode.Auto, true, "1", "", "xterm", false)]   // NO_COLOR
    [InlineData(ColorMode.Auto, false, "", "1", "xterm", true)]   // FORCE_COLOR through a pipe
    [InlineData(ColorMode.Auto, false, "", "0", "xterm", false)]  // FORCE_COLOR=0 is not forcing
    [InlineData(ColorMode.Auto, true, "", "", "dumb", false)]
    [InlineData(ColorMode.Always, false, "1", "", "dumb", true)]
    [InlineData(ColorMode.Never, true, "", "1", "xterm", false)]
    public void Colour_follows_the_option_then_no_color_force_color_and_the_terminal(ColorMode mode, bool tty, string noColor, string force, string term, bool expected)
    {
        Assert.Equal(expected, ColorPolicy.UseColor(mode, tty, Env(("NO_COLOR", noColor), ("FORCE_COLOR", force), ("TERM", term))));
    }

    [Fact]
    public void Color_mode_names_parse_case_insensitively()
    {
        Assert.True(ColorPolicy.TryParse("ALWAYS", out var m));
        Assert.Equal(ColorMode.Always, m);
        Assert.False(ColorPolicy.TryParse("sometimes", out _));
    }
}

public class ReportUriTests
{
    [Theory]
    [InlineData("/home/dev/proj", "file:///home/dev/proj/")]
    [InlineData("/home/dev/proj/", "file:///home/dev/proj/")]
    [InlineData("/srv/my project#1", "file:///srv/my%20project%231/")]
    [InlineData(@"C:\work\app", "file:///C:/work/app/")]
    [InlineData("/", "file:///")]
    public void Scan_root_becomes_a_file_uri_ending_in_a_slash(string root, string expected)
    {
        Assert.Equal(expected, ReportCommon.RootUri(root));
        Assert.True(Uri.IsWellFormedUriString(expected, UriKind.Absolute));
    }

    [Theory]
    [InlineData("src/app.py", "src/app.py")]
    [InlineData(@"src\app.py", "src/app.py")]
    [InlineData("a b/c#d?.py", "a%20b/c%23d%3F.py")]
    [InlineData("vues/café.py", "vues/caf%C3%A9.py")]
    public void Finding_paths_become_relative_uri_references(string path, string expected) =>
        Assert.Equal(expected, ReportCommon.RelativeUri(path));
}
