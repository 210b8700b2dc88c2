using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Engine;

public class ScannerTests
{
    const string Vulnerable = "import subprocess\n\ndef run(cmd):\n    subprocess.run(cmd, shell=True)\n    assert cmd\n";

    static ScanResult Scan(string path, ScanSettings? settings = null, BaselineFile? baseline = null) =>
        new Scanner(settings ?? new ScanSettings()).Scan(new ScanRequest([path]) { Baseline = baseline });

    [Fact]
    public void Findings_come_out_sorted_with_relative_paths_and_exact_spans()
    {
        using var dir = new TempDir();
        dir.Write("pkg/b.py", Vulnerable);
        dir.Write("a.py", "assert True\n");
        var result = Scan(dir.Path);
        Assert.Equal(["a.py:1:1:B101", "pkg/b.py:4:5:B602", "pkg/b.py:5:5:B101"],
            result.Findings.Select(f => $"{f.Location.Path}:{f.Location.StartLine}:{f.Location.StartColumn}:{f.Rule.Id}"));
        var b602 = result.Findings.Single(f => f.Rule.Id == "B602");
        Assert.Equal((4, 5, 4, 36), (b602.Location.StartLine, b602.Location.StartColumn, b602.Location.EndLine, b602.Location.EndColumn));
        Assert.Equal("    subprocess.run(cmd, shell=True)", b602.Snippet);
        Assert.Equal(2, result.FilesScanned);
    }

    [Fact]
    public void Parallel_and_sequential_scans_give_identical_results()
    {
        using var dir = new TempDir();
        for (int i = 0; i < 40; i++) dir.Write($"m{i:D2}/f.py", Vulnerable + new string('\n', i) + "assert 1\n");
        var one = Scan(dir.Path, new ScanSettings { Jobs = 1 });
        var many = Scan(dir.Path, new ScanSettings { Jobs = 4 });
        Assert.Equal(one.Findings.Select(f => f.Fingerprint + f.Location), many.Findings.Select(f => f.Fingerprint + f.Location));
    }

    [Fact]
    public void A_single_file_path_is_scanned_even_when_excluded_by_default()
    {
        using var dir = new TempDir();
        var file = dir.Write("build/gen.py", Vulnerable);
        var result = Scan(file);
        Assert.Contains(result.Findings, f => f.Rule.Id == "B602" && f.Location.Path == "gen.py");
    }

    [Fact]
    public void Files_not_fully_analysed_are_still_reported_at_severity_medium()
    {
        using var dir = new TempDir();
        dir.Write("py2.py", "print 'hello'\nimport os\nos.system(cmd)\n");
        File.WriteAllBytes(Path.Combine(dir.Path, "latin.py"), [(byte)'x', (byte)'=', (byte)'"', 0xE9, (byte)'"', (byte)'\n']);
        var result = Scan(dir.Path, new ScanSettings { MinSeverity = Severity.Medium });
        Assert.Contains(result.Findings, f => f.Rule.Id == "BW001" && f.Location.Path == "py2.py");
        Assert.Contains(result.Findings, f => f.Rule.Id == "BW002" && f.Location.Path == "latin.py");
        // the statements after the Python 2 print are analysed
        Assert.Contains(result.Findings, f => f.Rule.Id == "B605" && f.Location.Path == "py2.py" && f.Location.StartLine == 3);
    }

    [Fact]
    public void A_cookie_python_accepts_but_bulwark_cannot_decode_is_a_high_severity_finding()
    {
        using var dir = new TempDir();
        var bytes = System.Text.Encoding.ASCII.GetBytes("# coding: iso2022_jp\ns = '\u001b$B$\\$l\u001b(B'\n");
        File.WriteAllBytes(Path.Combine(dir.Path, "jis.py"), bytes);
        var result = Scan(dir.Path);
        var f = Assert.Single(result.Findings, f => f.Rule.Id == "BW002");
        Assert.Equal(Severity.High, f.Severity);
    }

    [Fact]
    public void Code_hidden_by_an_escape_codec_is_decoded_analysed_and_flagged()
    {
        using var dir = new TempDir();
        dir.Write("settings.py", "# coding: unicode_escape\nDEBUG = False  # \\nimport os\\nos.system(cmd)\n");
        var result = Scan(dir.Path);
        Assert.Contains(result.Findings, f => f.Rule.Id == "BW003");
        Assert.Contains(result.Findings, f => f.Rule.Id == "B605");
    }

    [Fact]
    public void A_file_with_a_syntax_error_is_reported_and_the_scan_goes_on()
    {
        using var dir = new TempDir();
        dir.Write("bad.py", "def f(:\n    pass\n");
        dir.Write("good.py", Vulnerable);
        var result = Scan(dir.Path);
        var error = Assert.Single(result.Findings, f => f.Rule.Id == "BW001");
        Assert.Equal("bad.py", error.Location.Path);
        Assert.Contains(result.Findings, f => f.Rule.Id == "B602" && f.Location.Path == "good.py");
    }

    [Fact]
    public void Statements_after_a_bad_line_are_still_analysed()
    {
        using var dir = new TempDir();
        dir.Write("partly.py", "import subprocess\nx = = 1\nsubprocess.run(cmd, shell=True)\n");
        var result = Scan(dir.Path);
        Assert.Contains(result.Findings, f => f.Rule.Id == "BW001");
        Assert.Contains(result.Findings, f => f.Rule.Id == "B602");
    }

    [Fact]
    public void An_undecodable_file_is_reported_as_such()
    {
        using var dir = new TempDir();
        dir.WriteBytes("latin.py", [.. "# -*- coding: utf-8 -*-\nname = '"u8, 0xFF, 0xFE, .. "'\n"u8]);
        dir.Write("ok.py", "assert 1\n");
        var result = Scan(dir.Path);
        var f = Assert.Single(result.Findings, x => x.Rule.Id == "BW002");
        Assert.Equal("latin.py", f.Location.Path);
        Assert.Contains(result.Findings, x => x.Rule.Id == "B101");
    }

    [Fact]
    public void A_latin1_file_with_a_coding_cookie_is_decoded()
    {
        using var dir = new TempDir();
        dir.WriteBytes("latin.py", [.. "# -*- coding: latin-1 -*-\npassword = '"u8, 0xE9, .. "t\u00e9'\n"u8]);
        var result = Scan(dir.Path);
        Assert.DoesNotContain(result.Findings, x => x.Rule.Id == "BW002");
        Assert.Contains(result.Findings, x => x.Rule.Id == "BW105" && x.Snippet!.Contains("password"));
    }

    [Fact]
    public void Binary_files_are_skipped()
    {
        using var dir = new TempDir();
        dir.WriteBytes("image.png", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1, 2, 3]);
        dir.Write("a.py", "x = 1\n");
        var result = Scan(dir.Path);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Severity_and_confidence_thresholds_filter_findings()
    {
        using var dir = new TempDir();
        dir.Write("a.py", Vulnerable + "password = 'hunter2'\n");
        Assert.Equal(["B602"], Scan(dir.Path, new ScanSettings { MinSeverity = Severity.High }).Findings.Select(f => f.Rule.Id));
        Assert.DoesNotContain(Scan(dir.Path, new ScanSettings { MinConfidence = Confidence.High }).Findings, f => f.Rule.Id == "B105");
    }

    [Fact]
    public void Select_and_ignore_by_id_family_and_ruff_code()
    {
        using var dir = new TempDir();
        dir.Write("a.py", Vulnerable);
        Assert.Equal(["B602"], Scan(dir.Path, new ScanSettings { Select = ["S602"] }).Findings.Select(f => f.Rule.Id));
        Assert.Equal(["B101"], Scan(dir.Path, new ScanSettings { Ignore = ["B6"] }).Findings.Select(f => f.Rule.Id));
        Assert.Empty(Scan(dir.Path, new ScanSettings { Ignore = ["code"] }).Findings);
    }

    [Fact]
    public void Per_file_ignores_hide_findings_and_are_counted()
    {
        using var dir = new TempDir();
        dir.Write("scripts/check.py", "assert 1\n");
        dir.Write("app.py", "import subprocess\nsubprocess.run(c, shell=True)\n");
        var result = Scan(dir.Path, new ScanSettings { PerFileIgnores = [new("scripts/**", ["B101"])] });
        Assert.DoesNotContain(result.Findings, f => f.Rule.Id == "B101");
        Assert.Equal(1, result.Suppressed.Config);
    }

    [Fact]
    public void Suppressed_findings_are_counted_by_mechanism()
    {
        using var dir = new TempDir();
        dir.Write("a.py", "import subprocess\nsubprocess.run(c, shell=True)  # nosec\nassert x  # noqa: S101\nassert y  # bulwark: ignore[B101]\n");
        var result = Scan(dir.Path);
        Assert.Empty(result.Findings);
        Assert.Equal((1, 2), (result.Suppressed.Nosec, result.Suppressed.Inline));
        var ignoring = Scan(dir.Path, new ScanSettings { IgnoreNosec = true });
        Assert.Equal(3, ignoring.Findings.Count);
    }

    [Fact]
    public void Baseline_survives_lines_inserted_above_a_finding()
    {
        using var dir = new TempDir();
        dir.Write("a.py", Vulnerable);
        var first = Scan(dir.Path);
        var baseline = BaselineFile.From(first.Findings);

        dir.Write("a.py", "# a new header comment\nimport os\n\n" + Vulnerable);
        var shifted = Scan(dir.Path, baseline: baseline);
        Assert.Empty(shifted.Findings);
        Assert.Equal(first.Findings.Count, shifted.Suppressed.Baseline);

        dir.Write("a.py", "# a new header comment\nimport os\n\n" + Vulnerable + "subprocess.call(other, shell=True)\n");
        var added = Scan(dir.Path, baseline: baseline);
        var fresh = Assert.Single(added.Findings);
        Assert.Equal(9, fresh.Location.StartLine);
    }

    [Fact]
    public void Identical_findings_in_one_file_get_distinct_fingerprints()
    {
        using var dir = new TempDir();
        dir.Write("a.py", "assert x\nassert x\n");
        var result = Scan(dir.Path);
        Assert.Equal(2, result.Findings.Select(f => f.Fingerprint).Distinct().Count());
    }

    [Fact]
    public void Secrets_never_appear_unmasked_in_snippets()
    {
        using var dir = new TempDir();
        dir.Write("a.py", "password = 'correct-horse-battery'\n");
        var f = Assert.Single(Scan(dir.Path).Findings);
        Assert.DoesNotContain("correct-horse-battery", f.Snippet);
        Assert.DoesNotContain("correct-horse-battery", f.Message);
    }

    [Fact]
    public void Deeply_nested_code_is_an_error_not_a_crash()
    {
        using var dir = new TempDir();
        dir.Write("deep.py", "x = " + new string('(', 10_000) + new string(')', 10_000) + "\n");
        dir.Write("ok.py", "assert 1\n");
        var result = Scan(dir.Path);
        Assert.Contains(result.Findings, f => f.Rule.Id == "BW001" && f.Location.Path == "deep.py");
        Assert.Contains(result.Findings, f => f.Rule.Id == "B101");
    }

    [Fact]
    public void Selecting_a_bandit_id_runs_that_rule_and_not_its_sharper_variant()
    {
        using var dir = new TempDir();
        dir.Write("a.py", "password = 'hunter2'\n");
        Assert.Equal(["B105"], Scan(dir.Path, new ScanSettings { Select = ["B105"] }).Findings.Select(f => f.Rule.Id));
        Assert.Equal(["BW105"], Scan(dir.Path, new ScanSettings { Select = ["BW105"] }).Findings.Select(f => f.Rule.Id));
        Assert.Empty(Scan(dir.Path, new ScanSettings { Ignore = ["B105"] }).Findings); // ignoring B105 covers its variant
    }

    [Fact]
    public void A_hash_inside_a_string_literal_does_not_suppress()
    {
        using var dir = new TempDir();
        dir.Write("a.py", "import subprocess\nsubprocess.Popen('ls #nosec', shell=True)\n");
        Assert.Single(Scan(dir.Path, new ScanSettings { Select = ["B602"] }).Findings);
    }

    [Fact]
    public void Nosec_between_implicitly_concatenated_strings_is_a_comment()
    {
        using var dir = new TempDir();
        dir.Write("a.py", "import subprocess\nsubprocess.Popen('ls '  # nosec\n    + cmd, shell=True)\nq = ('SELECT * '  # nosec\n     'FROM t WHERE a = ' + a)\n");
        var result = Scan(dir.Path, new ScanSettings { Select = ["B602", "B608"], Profile = RuleProfile.Bandit });
        Assert.Empty(result.Findings);
        Assert.Equal(2, result.Suppressed.Nosec);
    }

    [Fact]
    public void Nosec_on_the_closing_line_of_a_multiline_statement_counts()
    {
        using var dir = new TempDir();
        dir.Write("a.py", "query = f\"\"\"\nSELECT *\nFROM foo WHERE id = {ident}\n\"\"\"  # nosec\n");
        var result = Scan(dir.Path, new ScanSettings { Select = ["B608"], Profile = RuleProfile.Bandit });
        Assert.Empty(result.Findings);
        Assert.Equal(1, result.Suppressed.Nosec);
    }
}
