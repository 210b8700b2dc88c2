using System.Text.RegularExpressions;
using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Reports;
using static Bulwark.Tests.Reports.ReportFixtures;

namespace Bulwark.Tests.Reports;

public class TextReporterTests
{
    const string Expected = """
config/settings.py (1 finding)
config/settings.py:7:11  SEC001 [critical/high] aws-access-key-id (CWE-798)
  AWS access key id in source
  (the secret's value is masked)
    |
  7 | AWS_KEY = "AKIA************MPLE"
    |           ^^^^^^^^^^^^^^^^^^^^^^

requirements.txt (1 finding)
requirements.txt  DEP001 [high/high] vulnerable-dependency (CWE-1395)
  requests 2.19.0 has 2 known vulnerabilities

src/app.py (1 finding)
src/app.py:12:5  B602 [high/high] subprocess-popen-with-shell-equals-true (CWE-78)
  subprocess call with shell=True
     |
  12 |     subprocess.Popen(cmd, shell=True)
     |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  related src/app.py:3:1  cmd is assigned here

src/vues/café.py (1 finding)
src/vues/café.py:20:5  PYT101 [critical/medium] sql-injection (CWE-89)
  requête SQL construite à partir de request.args
     |
  20 |     cur.execute(
     |     ^^^^^^^^^^^^
  21 |         "SELECT * FROM t WHERE id = '%s'" % ident
  22 |     )
  flow:
    1. src/vues/café.py:17:13  source: request.args
    2. src/vues/café.py:18:5  assigned to ident
    3. src/vues/café.py:20:5  sink: cursor.execute

Found 4 findings in 4 files: 2 critical, 2 high, 0 medium, 0 low.
By family: code 1, injection 1, secrets 1, dependencies 1.
Compliance (areas with findings / checked / in all; `bulwark report compliance` shows the matrix):
  Principles          5 / 5 / 7    confidentiality, integrity, availability, authentication, authorization
  OWASP Top 10 2021   3 / 4 / 10   A03:2021, A06:2021, A07:2021
  CWE Top 25 2024     3 / 3 / 25   CWE-89, CWE-78, CWE-798
  GDPR                3 / 3 / 6    Art. 25(1), Art. 32(1)(b), Art. 32(1)(d)
  HIPAA               3 / 3 / 8    §164.312(a)(1), §164.312(c)(1), §164.312(d)
  CCPA                1 / 1 / 2    §1798.150(a)(1)
  PCI DSS 4.0 req. 6  4 / 6 / 7    6.2.1, 6.2.4, 6.3.1, 6.3.3
Scanned 42 files (2 skipped).
Suppressed 10 findings: 1 nosec, 2 inline, 3 baseline, 4 config.
Warning:
  - advisory database is 40 days old; run `bulwark db update`
""";

    [Fact]
    public void Sample_report_groups_findings_by_file_with_snippets_carets_and_summary()
    {
        Assert.Equal(Expected + "\n", Render(ReportFormat.Text, Sample()));
    }

    [Fact]
    public void Empty_scan_says_no_findings_and_still_summarises_the_run()
    {
        // The compliance lines say what the one rule that ran checked, clean.
        Assert.Equal("No findings.\n" +
            "Compliance (areas with findings / checked / in all; `bulwark report compliance` shows the matrix):\n" +
            "  Principles          0 / 3 / 7\n" +
            "  OWASP Top 10 2021   0 / 1 / 10\n" +
            "  CWE Top 25 2024     0 / 1 / 25\n" +
            "  GDPR                0 / 2 / 6\n" +
            "  HIPAA               0 / 1 / 8\n" +
            "  CCPA                0 / 1 / 2\n" +
            "  PCI DSS 4.0 req. 6  0 / 1 / 7\n" +
            "Scanned 1 file.\n", Render(ReportFormat.Text, Empty()));
    }

    [Fact]
    public void Colour_is_off_by_default_and_on_adds_only_ansi_sequences()
    {
        var plain = Render(ReportFormat.Text, Sample());
        var coloured = Render(ReportFormat.Text, Sample(), new ReportOptions { Color = true });
        Assert.DoesNotContain('\u001b', plain);
        Assert.Contains("\u001b[1;35m", coloured); // critical
        Assert.Contains("\u001b[31m", coloured);   // high
        Assert.Equal(plain, Regex.Replace(coloured, "\u001b\\[[0-9;]*m", ""));
    }

    [Theory]
    [InlineData("x = eval(data)", 5, 9, "    ^^^^")]
    [InlineData("\tif x: eval(data)", 9, 13, "\t       ^^^^")]
    [InlineData("call(", 1, 3, "^^^^^")]         // continues on the next line: underline to the end
    [InlineData("abc", 2, 2, " ^")]              // empty span: one caret
    [InlineData("abc", 9, 12, "   ^")]           // past the end: clamped, still visible
    [InlineData("s = '😀😀' + x", 5, 11, "    ^^^^")] // a surrogate pair is one character on screen
    public void Underline_marks_the_span_of_the_first_line(string line, int start, int end, string expected)
    {
        int endLine = line == "call(" ? 2 : 1;
        Assert.Equal(expected, TextReporter.Underline(line, new Location("a.py", 1, start, endLine, end)));
    }

    [Fact]
    public void Control_characters_from_scanned_files_cannot_reach_the_terminal()
    {
        var result = Empty() with
        {
            Findings =
            [
                new Finding
                {
                    Rule = ShellTrue, Severity = Severity.High, Confidence = Confidence.High,
                    Message = "bad \u001b[2J name", Location = new Location("evil\u001b]0;x\u0007.py", 1, 1, 1, 4),
                    Snippet = "ab\u202Ec = 1\r",
                },
            ],
        };
        var text = Render(ReportFormat.Text, result);
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
        Assert.DoesNotContain('\u202E', text);
        Assert.DoesNotContain('\r', text);
        Assert.Contains("bad \u241b[2J name", text);
    }

    [Fact]
    public void Long_snippets_are_cut_after_five_lines()
    {
        var result = Empty() with
        {
            Findings =
            [
                new Finding
                {
                    Rule = ShellTrue, Severity = Severity.High, Confidence = Confidence.High, Message = "m",
                    Location = new Location("a.py", 8, 1, 15, 2), Snippet = string.Join("\n", Enumerable.Range(8, 8).Select(i => $"line{i}")),
                },
            ],
        };
        var text = Render(ReportFormat.Text, result);
        Assert.Contains("  12 | line12\n", text);
        Assert.DoesNotContain("line13", text);
        Assert.Contains("     | …\n", text);
    }

    [Fact]
    public void Summary_pluralises_and_omits_empty_sections()
    {
        var one = Empty() with
        {
            Findings = [new Finding { Rule = ShellTrue, Severity = Severity.Low, Confidence = Confidence.High, Message = "m", Location = new Location("a.py", 1, 1, 1, 2) }],
            Suppressed = new SuppressionCounts(0, 1, 0, 0),
        };
        var text = Render(ReportFormat.Text, one);
        Assert.Contains("Found 1 finding in 1 file: 0 critical, 0 high, 0 medium, 1 low.\n", text);
        Assert.Contains("By family: code 1.\n", text);
        Assert.Contains("Suppressed 1 finding: 0 nosec, 1 inline, 0 baseline, 0 config.\n", text);
        Assert.DoesNotContain("skipped", text);
        Assert.DoesNotContain("Warning", text);
    }
}
