using System.Text.Json;
using Bulwark.History;
using Bulwark.Tests.Reports;
using Bulwark.Tests.Support;
using Microsoft.Data.Sqlite;
using static Bulwark.Tests.Cli.ExitCodeTests;

namespace Bulwark.Tests.History;

/// <summary>`scan --record`, `bulwark history` and `history diff`, on new, existing, corrupt, locked and read-only databases.</summary>
public class ScanHistoryTests
{
    const string Shell = "import subprocess\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n";
    const string Eval = "def calc(expr):\n    return eval(expr)\n";

    /// <summary>A project in a git work tree on <paramref name="branch"/> (`.git` written by hand: the scan reads it, never runs git).</summary>
    static TempDir Project(string branch = "main")
    {
        var dir = new TempDir();
        dir.Write("app/shell.py", Shell);
        SetBranch(dir, branch);
        return dir;
    }

    static void SetBranch(TempDir dir, string branch, string commit = "0123456789abcdef0123456789abcdef01234567")
    {
        dir.Write(".git/HEAD", $"ref: refs/heads/{branch}\n");
        dir.Write($".git/refs/heads/{branch}", commit + "\n");
    }

    static (int Code, string Out, string Err) Scan(TempDir dir, params string[] extra) =>
        Run(["scan", dir.Path, "--isolated", "--no-posture", "--select", "B602,B307", .. extra]);

    static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void First_recorded_scan_creates_the_database_and_compares_with_nothing()
    {
        using var dir = Project();
        var db = Path.Combine(dir.Path, "state", "history.db");
        var (code, json, err) = Scan(dir, "--record=" + db, "--format", "json");
        Assert.Equal(1, code);
        Assert.Equal("", err);
        Assert.True(File.Exists(db));
        var history = Json(json).GetProperty("history");
        Assert.Equal("main", history.GetProperty("branch").GetString());
        Assert.Equal(JsonValueKind.Null, history.GetProperty("previous").ValueKind);
        Assert.Equal(JsonValueKind.Null, history.GetProperty("new").ValueKind);
        Assert.Equal(0, history.GetProperty("trend").GetArrayLength());

        var (listCode, list, _) = Run("history", "--db", db, "--format", "json");
        Assert.Equal(0, listCode);
        var scans = Json(list).GetProperty("scans");
        Assert.Equal(1, scans.GetArrayLength());
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", scans[0].GetProperty("commit").GetString());
        Assert.Equal(1, scans[0].GetProperty("findings").GetInt32());
        Assert.Equal(".", scans[0].GetProperty("paths")[0].GetString());
    }

    [Fact]
    public void Second_scan_reports_new_and_fixed_findings_by_fingerprint_in_every_format()
    {
        using var dir = Project();
        var db = Path.Combine(dir.Path, "h.db");
        Scan(dir, "--record=" + db);
        File.Delete(Path.Combine(dir.Path, "app", "shell.py"));
        dir.Write("app/calc.py", Eval);
        var json = Path.Combine(dir.Path, "..", Path.GetFileName(dir.Path) + "-r.json");
        try
        {
            var (code, text, err) = Scan(dir, "--record=" + db, "--no-show-source");
            Assert.Equal(1, code);
            Assert.Equal("", err);
            Assert.Contains("History: 1 new, 1 fixed, 0 unchanged since scan #1 (", text);
            Assert.Contains("of branch main.", text);
            var lines = text.Split('\n');
            Assert.EndsWith("[new]", lines.Single(l => l.Contains("  B307 [")).TrimEnd());
            Assert.DoesNotContain(lines, l => l.Contains("[new]") && !l.Contains("B307"));

            var (_, report, _) = Scan(dir, "--record=" + db, "--format", "json");
            var history = Json(report).GetProperty("history");
            // Against scan #2 now: nothing changed.
            Assert.Equal(2, history.GetProperty("previous").GetProperty("id").GetInt32());
            Assert.Equal(0, history.GetProperty("new").GetInt32());
            Assert.Equal(0, history.GetProperty("fixed").GetInt32());
            Assert.Equal(1, history.GetProperty("unchanged").GetInt32());
            Assert.Equal(2, history.GetProperty("trend").GetArrayLength());
            var errors = SchemaValidation.Errors(SchemaValidation.Load(Path.Combine(RepoPaths.RepoRoot, "docs", "schemas", "bulwark-report-v1.schema.json")), report);
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
        finally { File.Delete(json); }

        var (diffCode, diff, _) = Run("history", "diff", "1", "2", "--db", db);
        Assert.Equal(0, diffCode);
        Assert.Contains("New (1):\n  app/calc.py:2  B307 [medium]", diff.ReplaceLineEndings("\n"));
        Assert.Contains("Fixed (1):\n  app/shell.py:4  B602 [high]", diff.ReplaceLineEndings("\n"));
        Assert.Contains("1 new, 1 fixed, 0 unchanged.", diff);
        var diffJson = Json(Run("history", "diff", "1", "3", "--db", db, "--format", "json").Out);
        Assert.Equal("B307", diffJson.GetProperty("new")[0].GetProperty("ruleId").GetString());
        Assert.Equal("B602", diffJson.GetProperty("fixed")[0].GetProperty("ruleId").GetString());
        Assert.Equal(0, diffJson.GetProperty("unchanged").GetArrayLength());
        Assert.Equal(0, Json(Run("history", "diff", "2", "3", "--db", db, "--format", "json").Out).GetProperty("new").GetArrayLength());
    }

    [Fact]
    public void Html_report_marks_new_findings_lists_fixed_ones_and_draws_the_trend()
    {
        using var dir = Project();
        var db = Path.Combine(dir.Path, "h.db");
        Scan(dir, "--record=" + db);
        dir.Write("app/calc.py", Eval);
        File.Delete(Path.Combine(dir.Path, "app", "shell.py"));
        var (_, html, _) = Scan(dir, "--record=" + db, "--format", "html");
        Assert.Contains("data-new=\"1\"", html);
        Assert.Contains("<span class=\"new\"", html);
        Assert.Contains("<section id=\"history\">", html);
        Assert.Contains("<polyline points=", html);
        Assert.Contains("<table class=\"fixed\" id=\"fixed\">", html);
        Assert.Contains("app/shell.py:4", html);
        Assert.Contains("id=\"f-new\"", html);
        Assert.Contains("data-new=\"1\" data-fixed=\"1\"", html);
        // The page's script and style are still allowed by exactly their hashes.
        Assert.Matches("script-src 'sha256-[A-Za-z0-9+/=]+'", html);
        var script = html[(html.LastIndexOf("<script>", StringComparison.Ordinal) + 8)..html.LastIndexOf("</script>", StringComparison.Ordinal)];
        Assert.Contains(Bulwark.Reports.HtmlReporter.CspHash(script), html);
    }

    [Fact]
    public void Branches_are_compared_only_with_their_own_scans()
    {
        using var dir = Project("main");
        var db = Path.Combine(dir.Path, "h.db");
        Scan(dir, "--record=" + db);
        SetBranch(dir, "feature", "89abcdef0123456789abcdef0123456789abcdef");
        dir.Write("app/calc.py", Eval);
        var feature = Json(Scan(dir, "--record=" + db, "--format", "json").Out).GetProperty("history");
        Assert.Equal("feature", feature.GetProperty("branch").GetString());
        Assert.Equal(JsonValueKind.Null, feature.GetProperty("previous").ValueKind);

        SetBranch(dir, "main");
        var main = Json(Scan(dir, "--record=" + db, "--format", "json").Out).GetProperty("history");
        Assert.Equal(1, main.GetProperty("previous").GetProperty("id").GetInt32());
        Assert.Equal(1, main.GetProperty("new").GetInt32());

        var (_, list, _) = Run("history", "--db", db, "--branch", "feature");
        Assert.Single(list.Trim().Split('\n'));
        Assert.Contains("#2 ", list);
        Assert.Contains("feature  89abcdef", list);
    }

    [Fact]
    public void Scans_of_other_paths_are_not_compared()
    {
        using var dir = Project();
        var db = Path.Combine(dir.Path, "h.db");
        Scan(dir, "--record=" + db);
        var (_, json, _) = Run("scan", Path.Combine(dir.Path, "app"), "--isolated", "--no-posture", "--select", "B602", "--record=" + db, "--format", "json");
        Assert.Equal(JsonValueKind.Null, Json(json).GetProperty("history").GetProperty("previous").ValueKind);
    }

    static void AssertReportWrittenThenOneLineError(int code, string json, string err, string expected)
    {
        Assert.Equal(2, code);
        // The scan's own output is complete.
        var report = Json(json);
        Assert.Equal(1, report.GetProperty("summary").GetProperty("findings").GetInt32());
        Assert.False(report.TryGetProperty("history", out _));
        var line = Assert.Single(err.Trim().Split('\n'));
        Assert.StartsWith("bulwark: error: scan history not recorded: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain(" at ", line.Replace("not recorded", ""));
    }

    [Fact]
    public void A_corrupt_database_is_one_line_after_the_report()
    {
        using var dir = Project();
        var db = dir.Write("h.db", string.Concat(Enumerable.Repeat("this is not a database\n", 300)));
        var (code, json, err) = Scan(dir, "--record=" + db, "--format", "json");
        AssertReportWrittenThenOneLineError(code, json, err, "corrupt or not a SQLite database");
        Assert.StartsWith("this is not a database", File.ReadAllText(db));
        var (listCode, _, listErr) = Run("history", "--db", db);
        Assert.Equal(2, listCode);
        Assert.Contains("corrupt or not a SQLite database", listErr);
    }

    [Fact]
    public void A_database_damaged_inside_is_one_line_after_the_report()
    {
        using var dir = Project();
        var db = Path.Combine(dir.Path, "h.db");
        Scan(dir, "--record=" + db);
        // Keep the 100-byte header, overwrite the first page's b-tree and what follows.
        var bytes = File.ReadAllBytes(db);
        for (int i = 100; i < bytes.Length; i++) bytes[i] = 0xA5;
        File.WriteAllBytes(db, bytes);
        var (code, json, err) = Scan(dir, "--record=" + db, "--format", "json");
        AssertReportWrittenThenOneLineError(code, json, err, "h.db: ");
    }

    [Fact]
    public void Another_programs_sqlite_file_is_refused_and_left_alone()
    {
        using var dir = Project();
        var db = Path.Combine(dir.Path, "other.db");
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep me');";
            cmd.ExecuteNonQuery();
        }
        var before = File.ReadAllBytes(db);
        var (code, json, err) = Scan(dir, "--record=" + db, "--format", "json");
        AssertReportWrittenThenOneLineError(code, json, err, "not a Bulwark history database");
        Assert.Equal(before, File.ReadAllBytes(db));
    }

    [Fact]
    public void A_locked_database_is_one_line_after_the_report()
    {
        using var dir = Project();
        var db = Path.Combine(dir.Path, "h.db");
        Scan(dir, "--record=" + db);
        using var other = new SqliteConnection($"Data Source={db};Pooling=False");
        other.Open();
        using (var cmd = other.CreateCommand()) { cmd.CommandText = "BEGIN EXCLUSIVE"; cmd.ExecuteNonQuery(); }
        var (code, json, err) = Scan(dir, "--record=" + db, "--format", "json");
        AssertReportWrittenThenOneLineError(code, json, err, "locked by another process");
        using (var cmd = other.CreateCommand()) { cmd.CommandText = "ROLLBACK"; cmd.ExecuteNonQuery(); }
        other.Close();
        // Once the lock is gone the next scan is recorded, against scan #1.
        var (again, json2, err2) = Scan(dir, "--record=" + db, "--format", "json");
        Assert.Equal(1, again);
        Assert.Equal("", err2);
        Assert.Equal(1, Json(json2).GetProperty("history").GetProperty("previous").GetProperty("id").GetInt32());
    }

    [Fact]
    public void A_read_only_database_is_one_line_after_the_report_and_still_readable()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = Project();
        var db = Path.Combine(dir.Path, "h.db");
        Scan(dir, "--record=" + db);
        File.SetUnixFileMode(db, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        try
        {
            var before = File.ReadAllBytes(db);
            var (code, json, err) = Scan(dir, "--record=" + db, "--format", "json");
            AssertReportWrittenThenOneLineError(code, json, err, "read-only");
            Assert.Equal(before, File.ReadAllBytes(db));
            var (listCode, list, _) = Run("history", "--db", db);
            Assert.Equal(0, listCode);
            Assert.StartsWith("#1 ", list);
        }
        finally { File.SetUnixFileMode(db, UnixFileMode.UserRead | UnixFileMode.UserWrite); }
    }

    [Fact]
    public void A_directory_as_the_database_is_one_line_after_the_report()
    {
        using var dir = Project();
        var (code, json, err) = Scan(dir, "--record=" + Path.Combine(dir.Path, "app"), "--format", "json");
        AssertReportWrittenThenOneLineError(code, json, err, "is a directory");
    }

    [Fact]
    public void Configuration_history_true_records_under_the_repository_root()
    {
        using var dir = Project();
        dir.Write("bulwark.toml", "history = true\nselect = [\"B602\"]\n");
        var (code, _, err) = Run("scan", Path.Combine(dir.Path, "app"), "--no-posture", "-q");
        Assert.Equal(1, code);
        Assert.Equal("", err);
        var db = Path.Combine(dir.Path, ".bulwark", "history.db");
        Assert.True(File.Exists(db));
        // The database is never scanned itself, and --no-record leaves it alone.
        var (_, second, _) = Run("scan", Path.Combine(dir.Path, "app"), "--no-posture", "--format", "json");
        Assert.Equal(0, Json(second).GetProperty("history").GetProperty("new").GetInt32());
        Run("scan", Path.Combine(dir.Path, "app"), "--no-posture", "--no-record");
        using var history = ScanHistory.OpenForReading(db);
        Assert.Equal(2, history.Scans().Count);
    }

    [Theory]
    [InlineData("history = 3", "bulwark.toml:1: 'history' must be true, false or the path")]
    [InlineData("history = \"\"", "bulwark.toml:1: 'history' must be true, false or the path")]
    public void Configuration_history_is_validated(string line, string expected)
    {
        using var dir = Project();
        dir.Write("bulwark.toml", line + "\n");
        var (code, _, err) = Run("scan", dir.Path);
        Assert.Equal(2, code);
        Assert.Contains(expected, err);
    }

    [Fact]
    public void A_found_configuration_cannot_record_outside_the_repository()
    {
        using var dir = Project();
        var outside = Path.Combine(Path.GetTempPath(), "bulwark-outside-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        dir.Write("bulwark.toml", $"history = \"{outside}\"\nselect = [\"B602\"]\n");
        var (code, _, err) = Run("scan", dir.Path, "--no-posture", "-q");
        Assert.Equal(1, code);
        Assert.Contains("history path outside the repository ignored", err);
        Assert.False(File.Exists(outside));
    }

    [Fact]
    public void A_repository_cannot_send_its_history_database_elsewhere_through_a_link()
    {
        using var dir = Project();
        using var elsewhere = new TempDir();
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, ".bulwark"), elsewhere.Path);
        dir.Write("bulwark.toml", "history = true\nselect = [\"B602\"]\n");
        var (code, _, err) = Run("scan", dir.Path, "--no-posture", "-q");
        Assert.Equal(1, code);
        Assert.Contains("through a symbolic link in the repository ignored", err);
        var (recordCode, _, recordErr) = Run("scan", dir.Path, "--isolated", "--no-posture", "-q", "--record");
        Assert.Equal(2, recordCode);
        Assert.Contains("goes through a symbolic link", recordErr);
        Assert.Empty(Directory.GetFileSystemEntries(elsewhere.Path));
    }

    [Fact]
    public void Unrecorded_scans_write_nothing_and_report_no_history()
    {
        using var dir = Project();
        var (_, json, _) = Scan(dir, "--format", "json");
        Assert.False(Json(json).TryGetProperty("history", out _));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, ".bulwark")));
    }

    [Theory]
    [InlineData("--changed-since", "HEAD")]
    [InlineData("--no-record")]
    public void Record_refuses_partial_scans_and_contradictions(params string[] extra)
    {
        using var dir = Project();
        var (code, _, err) = Scan(dir, ["--record=" + Path.Combine(dir.Path, "h.db"), .. extra]);
        Assert.Equal(2, code);
        Assert.StartsWith("bulwark: error: --record ", err);
        Assert.False(File.Exists(Path.Combine(dir.Path, "h.db")));
    }

    [Fact]
    public void History_of_a_missing_database_or_scan_is_one_line()
    {
        using var dir = Project();
        var db = Path.Combine(dir.Path, "h.db");
        var (code, _, err) = Run("history", "--db", db);
        Assert.Equal(2, code);
        Assert.Contains("no scan history here", err);
        Scan(dir, "--record=" + db);
        var (diffCode, _, diffErr) = Run("history", "diff", "1", "9", "--db", db);
        Assert.Equal(2, diffCode);
        Assert.Equal($"bulwark: error: {db}: no scan #9 (see `bulwark history`)", diffErr.Trim());
    }

    [Fact]
    public void The_history_keeps_no_message_snippet_or_secret()
    {
        using var dir = Project();
        dir.Write("app/keys.py", "AWS_SECRET = \"AKIAZZZZZZZZZZZZZZZZ\"\n");
        var db = Path.Combine(dir.Path, "h.db");
        Run("scan", dir.Path, "--isolated", "--no-posture", "--record=" + db, "-q");
        var bytes = File.ReadAllText(db, System.Text.Encoding.Latin1);
        Assert.DoesNotContain("AKIAZZZZ", bytes);
        Assert.DoesNotContain("subprocess.call", bytes);
    }
}
