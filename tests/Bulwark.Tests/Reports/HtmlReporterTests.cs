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
    public void Report_is_one_self_contained_balanced_document_without_scripts()
    {
        var html = Render(ReportFormat.Html, Sample());
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html);
        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        AssertBalanced(html);
    }

    [Fact]
    public void Summary_and_findings_by_file_are_present()
    {
        var html = Render(ReportFormat.Html, Sample());
        Assert.Contains("<li class=\"sev-critical\"><strong>2</strong> critical</li>", html);
        Assert.Contains("<tr><th>Files skipped</th><td>2</td></tr>", html);
        Assert.Contains("<tr><th>Suppressed</th><td>10 (nosec 1, inline 2, baseline 3, config 4)</td></tr>", html);
        Assert.Contains("<li>advisory database is 40 days old; run `bulwark db update`</li>", html);
        Assert.Contains("<h3>src/vues/café.py <span class=\"count\">1 finding</span></h3>", html);
        Assert.Contains("<span class=\"ln\">12</span>    <mark>subprocess.Popen(cmd, shell=True)</mark>\n", html);
        Assert.Contains("<li><span class=\"loc\">src/vues/café.py:17:13</span> source: request.args</li>", html);
        Assert.Contains("<dt>advisories</dt><dd>GHSA-x84v-xcm2-53pg, PYSEC-2018-28</dd>", html);
        Assert.Contains("<p class=\"about\"><a href=\"#rule-B602\">About B602 and how to fix it</a></p>", html);
        Assert.Contains("<article class=\"rule-doc\" id=\"rule-B602\">", html);
        Assert.DoesNotContain("id=\"rule-CI001\"", html); // ran, but found nothing
        Assert.Contains("<h4>Example</h4>\n<pre class=\"snippet\">import subprocess\nsubprocess.Popen(cmd, shell=True)</pre>", html);
        Assert.Contains("<p class=\"masked\">The secret's value is masked.</p>", html);
        // Findings keep the scanner's order.
        Assert.True(html.IndexOf("config/settings.py", StringComparison.Ordinal) < html.IndexOf("src/app.py", StringComparison.Ordinal));
    }

    [Fact]
    public void Everything_from_the_scan_is_html_escaped()
    {
        var evil = new RuleInfo("X1", "x<y>", Family.Code, Severity.High, Confidence.High, null,
            What: "<b>what</b>", Why: "why", Example: "", Fix: "fix & more", References: ["javascript:alert(1)"]);
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
                    Message = "<script>alert(1)</script>", Location = new Location("a\"<b>'.py", 1, 5, 1, 9),
                    Snippet = "x = \"<img src=x onerror=alert(1)>\"",
                    Related = [new FlowStep(new Location("<r>.py", 1, 1, 1, 2), "<rel>")],
                    Properties = new Dictionary<string, PropertyValue> { ["<k>"] = "<v>" },
                },
            ],
        };
        var html = Render(ReportFormat.Html, result);
        Assert.Contains("href=\"#rule-X1\"", html);
        foreach (var raw in new[] { "<script>", "<img", "<root>", "<i>warn", "<b>what", "x<y>", "<rel>", "<k>", "<v>", "javascript:" , "a\"<b>" })
            Assert.DoesNotContain(raw, html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("x = <mark>&quot;&lt;im</mark>g src=x onerror=alert(1)&gt;&quot;", html);
        AssertBalanced(html);
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
