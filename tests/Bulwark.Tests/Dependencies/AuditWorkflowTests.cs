using System.Text.Json;
using Bulwark.Dependencies;
using Bulwark.Dependencies.Advisories;
using Bulwark.Dependencies.Manifests;
using Bulwark.Reports;
using Bulwark.Tests.Support;
using static Bulwark.Tests.Cli.ExitCodeTests;

namespace Bulwark.Tests.Dependencies;

/// <summary>
/// Issue 9, dependency audit as pip-audit users expect it: one table row per advisory with `--desc`, links, words kept
/// whole; `fix deps` never writing pins that cannot be installed together; `--strict`.
/// </summary>
public class AuditWorkflowTests
{
    static string Osv(string id, string package, string fixedIn, string summary = "", string details = "", string aliases = "") => $$"""
        {"id": "{{id}}", "modified": "2026-01-01T00:00:00Z", "aliases": [{{aliases}}],
         "summary": {{JsonSerializer.Serialize(summary)}}, "details": {{JsonSerializer.Serialize(details)}},
         "affected": [{"package": {"ecosystem": "PyPI", "name": "{{package}}"},
                       "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "{{fixedIn}}"}]}]}]}
        """;

    /// <summary>Five pins, seven advisories between them.</summary>
    static TempDir FivePins()
    {
        var dir = new TempDir();
        dir.Write("requirements.txt", "flask==1.1.4\njinja2==2.11.3\nrequests==2.19.0\nurllib3==1.24.1\npyyaml==5.3\n");
        dir.Write("osv/PYSEC-2023-62.json", Osv("PYSEC-2023-62", "flask", "2.2.5", "Flask session cookie disclosure",
            "When all of the following conditions are met, a response containing data intended for one client may be cached " +
            "and subsequently sent by a proxy to other clients.\n\nIf the proxy also caches Set-Cookie headers, it may send one " +
            "client's session cookie to other clients.", "\"CVE-2023-30861\""));
        dir.Write("osv/GHSA-h5c8-rqwp-cp95.json", Osv("GHSA-h5c8-rqwp-cp95", "jinja2", "3.1.3", "Jinja xmlattr injection"));
        dir.Write("osv/GHSA-h75v-3vvj-5mfj.json", Osv("GHSA-h75v-3vvj-5mfj", "jinja2", "3.1.4", "Jinja xmlattr keys with spaces"));
        dir.Write("osv/PYSEC-2018-28.json", Osv("PYSEC-2018-28", "requests", "2.20.0", "Requests sends credentials after redirect"));
        dir.Write("osv/PYSEC-2019-132.json", Osv("PYSEC-2019-132", "urllib3", "1.24.2", "CRLF injection"));
        dir.Write("osv/PYSEC-2019-133.json", Osv("PYSEC-2019-133", "urllib3", "1.24.3", "Certificate check bypass"));
        dir.Write("osv/PYSEC-2021-142.json", Osv("PYSEC-2021-142", "pyyaml", "5.4", "Arbitrary code execution in full_load"));
        return dir;
    }

    [Fact]
    public void Text_report_lists_each_advisory_as_one_table_row_with_its_link()
    {
        using var dir = FivePins();
        var (code, output, _) = Run("scan", dir.Path, "--vuln-db", Path.Combine(dir.Path, "osv"), "--select", "DEP001", "--no-progress", "-q");
        Assert.Equal(1, code);
        var lines = output.TrimEnd().Split('\n');
        // A title, a header, a rule and seven rows: not a block of lines per advisory.
        Assert.Equal(10, lines.Length);
        Assert.Equal("Vulnerable dependencies: 7 known vulnerabilities in 5 packages", lines[0]);
        Assert.Matches(@"^Name +Version +ID +Fix Versions +Severity +Manifest +Link$", lines[1]);
        Assert.Matches(@"^flask +1\.1\.4 +PYSEC-2023-62 +2\.2\.5 +medium +requirements\.txt:1 +https://osv\.dev/vulnerability/PYSEC-2023-62$", lines[3]);
        Assert.Contains(lines, l => l.StartsWith("jinja2", StringComparison.Ordinal) && l.EndsWith("https://github.com/advisories/GHSA-h75v-3vvj-5mfj", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => l.StartsWith("urllib3 ", StringComparison.Ordinal)));
        // Columns line up: every row has its ID where the header has it.
        int idColumn = lines[1].IndexOf("ID", StringComparison.Ordinal);
        Assert.All(lines[3..], l => Assert.Matches("^(PYSEC|GHSA)-", l[idColumn..]));
        Assert.DoesNotContain("When all of the following", output); // descriptions only with --desc
    }

    [Fact]
    public void Desc_prints_each_description_under_its_row_wrapped_between_words()
    {
        using var dir = FivePins();
        foreach (var args in new[] { new[] { "--desc" }, ["--desc", "on"], ["--desc=on"] })
        {
            // `--desc` before the path does not take the path as its value.
            var (code, output, err) = Run(["scan", .. args, dir.Path, "--vuln-db", Path.Combine(dir.Path, "osv"), "--select", "DEP001", "--no-progress", "-q"]);
            Assert.True(code == 1, err);
            var lines = output.Split('\n');
            int row = Array.FindIndex(lines, l => l.StartsWith("flask ", StringComparison.Ordinal));
            Assert.StartsWith("    When all of the following conditions", lines[row + 1]);
            var description = lines.Skip(row + 1).TakeWhile(l => !l.StartsWith("jinja2", StringComparison.Ordinal)).Where(l => l.Length > 0).ToList();
            Assert.All(description, l => Assert.True(l.Length <= 100 && l.StartsWith("    ", StringComparison.Ordinal), l));
            // Every word of the details is there, whole.
            var words = string.Join(' ', description).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("When all of the following conditions are met, a response containing data intended for one client may be cached and " +
                "subsequently sent by a proxy to other clients. If the proxy also caches Set-Cookie headers, it may send one client's " +
                "session cookie to other clients.", string.Join(' ', words));
            // An advisory without details shows its summary.
            int jinja = Array.FindIndex(lines, l => l.StartsWith("jinja2 ", StringComparison.Ordinal));
            Assert.Equal("    Jinja xmlattr injection", lines[jinja + 1]);
        }
        Assert.DoesNotContain("When all", Run("scan", dir.Path, "--desc", "off", "--vuln-db", Path.Combine(dir.Path, "osv"), "--no-progress").Out);
        Assert.Equal(2, Run("scan", dir.Path, "--desc", "sometimes").Code);
    }

    [Fact]
    public void Json_carries_descriptions_and_links_unless_desc_is_off()
    {
        using var dir = FivePins();
        var db = Path.Combine(dir.Path, "osv");
        JsonElement Flask(string output) =>
            JsonDocument.Parse(output).RootElement.GetProperty("findings").EnumerateArray()
                .Single(f => f.GetProperty("properties").GetProperty("package").GetString() == "flask").GetProperty("properties");
        var auto = Flask(Run("scan", dir.Path, "--vuln-db", db, "--select", "DEP001", "-f", "json", "--no-progress").Out);
        Assert.StartsWith("When all of the following", auto.GetProperty("description").GetString());
        Assert.Equal("https://osv.dev/vulnerability/PYSEC-2023-62", auto.GetProperty("url").GetString());
        var off = Flask(Run("scan", dir.Path, "--vuln-db", db, "--select", "DEP001", "-f", "json", "--desc", "off", "--no-progress").Out);
        Assert.False(off.TryGetProperty("description", out _));
        Assert.Equal("Flask session cookie disclosure", off.GetProperty("summary").GetString());
    }

    [Fact]
    public void Markdown_and_html_link_every_advisory()
    {
        using var dir = FivePins();
        var db = Path.Combine(dir.Path, "osv");
        var md = Run("scan", dir.Path, "--vuln-db", db, "--select", "DEP001", "-f", "markdown", "--no-progress").Out;
        Assert.Contains("| Name | Version | ID | Fix Versions | Severity | Manifest | Summary |", md);
        Assert.Contains("| flask | 1.1.4 | [PYSEC-2023-62](https://osv.dev/vulnerability/PYSEC-2023-62) | 2.2.5 | medium | `requirements.txt:1:1` | Flask session cookie disclosure |", md);
        Assert.Contains("[GHSA-h5c8-rqwp-cp95](https://github.com/advisories/GHSA-h5c8-rqwp-cp95)", md);
        Assert.DoesNotContain("| `DEP001`", md); // not listed twice
        var mdDesc = Run("scan", dir.Path, "--vuln-db", db, "--select", "DEP001", "-f", "markdown", "--desc", "--no-progress").Out;
        Assert.Contains("| Description |", mdDesc);
        Assert.Contains("| When all of the following conditions are met,", mdDesc);

        var output = Path.Combine(dir.Path, "report.html");
        Run("scan", dir.Path, "--vuln-db", db, "--select", "DEP001", "-f", "html", "-o", output, "--no-progress");
        var html = File.ReadAllText(output);
        foreach (var id in new[] { "PYSEC-2023-62", "PYSEC-2018-28", "PYSEC-2019-132", "PYSEC-2019-133", "PYSEC-2021-142" })
            Assert.Contains($"<a href=\"https://osv.dev/vulnerability/{id}\" rel=\"noreferrer noopener\">{id}</a>", html);
        Assert.Contains("<a href=\"https://github.com/advisories/GHSA-h75v-3vvj-5mfj\" rel=\"noreferrer noopener\">GHSA-h75v-3vvj-5mfj</a>", html);
        Assert.Contains("If the proxy also caches Set-Cookie headers", html);
    }

    [Fact]
    public void Summaries_are_never_cut_in_the_middle_of_a_word()
    {
        var words = string.Join(' ', Enumerable.Range(0, 80).Select(i => "word" + i));
        foreach (int max in new[] { 40, 57, 100, 200 })
        {
            var shortened = OsvReader.Shorten(words, max);
            Assert.True(shortened.Length <= max, shortened);
            Assert.EndsWith("…", shortened);
            var kept = shortened[..^1].Split(' ');
            Assert.All(kept, w => Assert.Matches(@"^word\d+$", w));
            Assert.Equal(words[..shortened[..^1].Length], shortened[..^1]);
        }
        Assert.Equal("short enough", OsvReader.Shorten("short enough", 40));
        // A record without a summary gets one from its details, whole words only.
        var details = "Some " + string.Concat(Enumerable.Repeat("verylongwordwithoutanystop ", 12)).Trim();
        var advisory = OsvReader.FromJson(Osv("PYSEC-1", "x", "1.0", "", details));
        Assert.EndsWith("…", advisory.Summary);
        Assert.Matches(@"^Some( verylongwordwithoutanystop)+…$", advisory.Summary);
        Assert.Equal(details, advisory.Details);
        // The wrapped description keeps words whole too, and a word longer than the line is not split.
        var wrapped = AdvisoryRows.Wrap("a " + new string('x', 120) + " b c", 50, "  ");
        Assert.Equal(["  a", "  " + new string('x', 120), "  b c"], wrapped);
    }

    [Fact]
    public void Details_survive_the_store_and_a_format_1_store_still_loads()
    {
        using var dir = new TempDir();
        dir.Write("osv/PYSEC-1.json", Osv("PYSEC-1", "x", "1.0", "sum", "long details"));
        var store = AdvisoryStore.Import(Path.Combine(dir.Path, "osv"));
        var file = Path.Combine(dir.Path, "a.bwdb");
        store.Save(file);
        Assert.Equal("long details", AdvisoryStore.Load(file).Advisories[0].Details);

        // A store written before details were kept (format 1): same layout without them.
        var v1 = Path.Combine(dir.Path, "v1.bwdb");
        using (var fs = File.Create(v1))
        using (var br = new System.IO.Compression.BrotliStream(fs, System.IO.Compression.CompressionLevel.Fastest))
        using (var w = new BinaryWriter(br, System.Text.Encoding.UTF8))
        {
            w.Write(0x42445742u); w.Write(1);
            w.Write("old"); w.Write(DateTimeOffset.UnixEpoch.UtcTicks); w.Write("");
            w.Write(1);
            w.Write("PYSEC-OLD"); w.Write(0); w.Write("old summary"); w.Write(DateTimeOffset.UnixEpoch.UtcTicks); w.Write(0L); w.Write(0L);
            w.Write(0); w.Write(""); w.Write(0); w.Write(0);
        }
        var old = AdvisoryStore.Load(v1);
        Assert.Equal("old summary", old.Advisories[0].Summary);
        Assert.Equal("", old.Advisories[0].Details);
    }
}
