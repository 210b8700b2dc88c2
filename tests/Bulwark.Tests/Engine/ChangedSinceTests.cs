using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Rules;
using Bulwark.Secrets;
using Bulwark.Tests.Cli;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Engine;

/// <summary>`scan --changed-since REF` on temporary git repositories.</summary>
public class ChangedSinceTests
{
    const string Assert1 = "assert x\n";

    static void Git(string dir, params string[] args)
    {
        var env = new[] { "-c", "user.email=dev@example.org", "-c", "user.name=Dev", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main" };
        Assert.NotNull(GitCli.Run(dir, env.Concat(args)));
    }

    static ScanResult Scan(string path, string? since, IReadOnlyList<IRule>? catalog = null, string[]? select = null) =>
        new Scanner(new ScanSettings { Select = select ?? ["B101"], Jobs = 2 }, catalog).Scan(new ScanRequest([path]) { ChangedSince = since });

    static string[] Paths(ScanResult r) => r.Findings.Select(f => f.Location.Path).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>A repository whose `base` tag has a.py, b.py, sub/c.py, gone.py and a .gitignore; then every kind of change.</summary>
    static TempDir Repository()
    {
        var dir = new TempDir();
        Git(dir.Path, "init", "-q");
        foreach (var f in new[] { "a.py", "b.py", "sub/c.py", "gone.py" }) dir.Write(f, Assert1);
        dir.Write(".gitignore", "ignored.py\n");
        Git(dir.Path, "add", "-A");
        Git(dir.Path, "commit", "-q", "-m", "base");
        Git(dir.Path, "tag", "base");
        dir.Write("b.py", Assert1 + Assert1);                         // committed since
        Git(dir.Path, "commit", "-q", "-am", "change b");
        dir.Write("staged.py", Assert1);                              // staged, new
        Git(dir.Path, "add", "staged.py");
        dir.Write("sub/c.py", "x = 1\n" + Assert1);                   // unstaged
        dir.Write("untracked.py", Assert1);                           // untracked, not ignored
        dir.Write("ignored.py", Assert1);                             // untracked and ignored
        File.Delete(Path.Combine(dir.Path, "gone.py"));               // deleted: nothing to scan
        return dir;
    }

    [Fact]
    public void Only_files_committed_staged_unstaged_or_untracked_since_the_revision_are_analysed()
    {
        using var dir = Repository();
        var all = Scan(dir.Path, null);
        Assert.Equal(["a.py", "b.py", "staged.py", "sub/c.py", "untracked.py"], Paths(all));

        var changed = Scan(dir.Path, "base");
        Assert.Equal(["b.py", "staged.py", "sub/c.py", "untracked.py"], Paths(changed));
        Assert.Equal(4, changed.FilesScanned);
        Assert.DoesNotContain(Scan(dir.Path, "HEAD").Findings, f => f.Location.Path is "a.py" or "b.py");
    }

    [Fact]
    public void A_subdirectory_scan_reports_its_own_changed_files_relative_to_itself()
    {
        using var dir = Repository();
        var sub = Scan(Path.Combine(dir.Path, "sub"), "base");
        Assert.Equal(["c.py"], Paths(sub));
        dir.Write("sub/new.py", Assert1);
        Assert.Equal(["c.py", "new.py"], Paths(Scan(Path.Combine(dir.Path, "sub"), "base")));
    }

    [Fact]
    public void Changes_are_counted_from_the_merge_base_so_commits_on_the_other_branch_do_not_count()
    {
        using var dir = new TempDir();
        Git(dir.Path, "init", "-q");
        dir.Write("a.py", Assert1);
        dir.Write("b.py", Assert1);
        Git(dir.Path, "add", "-A");
        Git(dir.Path, "commit", "-q", "-m", "base");
        Git(dir.Path, "checkout", "-q", "-b", "feature");
        dir.Write("b.py", Assert1 + Assert1);
        Git(dir.Path, "commit", "-q", "-am", "feature work");
        Git(dir.Path, "checkout", "-q", "main");
        dir.Write("a.py", Assert1 + Assert1);
        Git(dir.Path, "commit", "-q", "-am", "main moves on");
        Git(dir.Path, "checkout", "-q", "feature");
        Assert.Equal(["b.py"], Paths(Scan(dir.Path, "main")));
    }

    const string View = """
        from flask import Flask, request
        import db

        app = Flask(__name__)

        @app.route("/users")
        def users():
            return str(db.find(request.args["name"]))
        """;

    const string SafeDb = """
        import sqlite3

        def find(name):
            return sqlite3.connect("app.db").execute("SELECT * FROM users WHERE name = ?", (name,)).fetchall()
        """;

    const string UnsafeDb = """
        import sqlite3

        def find(name):
            return sqlite3.connect("app.db").execute(f"SELECT * FROM users WHERE name = '{name}'").fetchall()
        """;

    static TempDir Committed(params (string Path, string Text)[] files)
    {
        var dir = new TempDir();
        Git(dir.Path, "init", "-q");
        foreach (var (path, text) in files) dir.Write(path, text);
        Git(dir.Path, "add", "-A");
        Git(dir.Path, "commit", "-q", "-m", "base");
        return dir;
    }

    static Finding[] Injections(ScanResult r) => r.Findings.Where(f => f.Rule.Family == Family.Injection).ToArray();

    [Fact]
    public void A_changed_helper_is_reported_with_the_flow_from_an_unchanged_view()
    {
        using var dir = Committed(("app/views.py", View), ("app/db.py", SafeDb));
        dir.Write("app/db.py", UnsafeDb);
        var sql = Assert.Single(Injections(Scan(dir.Path, "HEAD", select: ["injection"])));
        Assert.Equal("INJ001", sql.Rule.Id);
        Assert.Equal("app/db.py", sql.Location.Path);
        // The source is in the view, which did not change: it was followed all the same.
        Assert.Equal("app/views.py", sql.Flow[0].Location.Path);
    }

    [Fact]
    public void A_changed_view_is_reported_when_it_sends_request_data_into_an_unchanged_helper()
    {
        using var dir = Committed(("app/views.py", "import db\n"), ("app/db.py", UnsafeDb));
        dir.Write("app/views.py", View);
        var sql = Assert.Single(Injections(Scan(dir.Path, "HEAD", select: ["injection"])));
        Assert.Equal("app/db.py", sql.Location.Path);
        Assert.Contains(sql.Flow, s => s.Location.Path == "app/views.py");
    }

    [Fact]
    public void A_flow_only_through_unchanged_files_is_not_reported()
    {
        using var dir = Committed(("app/views.py", View), ("app/db.py", UnsafeDb), ("app/other.py", "x = 1\n"));
        Assert.Single(Injections(Scan(dir.Path, null, select: ["injection"])));
        dir.Write("app/other.py", "x = 2\n");
        var changed = Scan(dir.Path, "HEAD", select: ["injection"]);
        Assert.Empty(Injections(changed));
        Assert.Equal(1, changed.FilesScanned);
    }

    [Fact]
    public void Project_rules_still_see_every_discovered_file()
    {
        using var dir = Repository();
        dir.Write("requirements.txt", "requests==2.0\n");
        Git(dir.Path, "add", "requirements.txt");
        Git(dir.Path, "commit", "-q", "-m", "manifest");
        var probe = new FileCountingRule();
        Scan(dir.Path, "HEAD", [.. RuleCatalog.All, probe], ["B101", "ZZ999"]);
        Assert.Contains("requirements.txt", probe.Seen);
        Assert.Contains("a.py", probe.Seen);
        Assert.True(probe.Loaded, "an unchanged file's text is still readable by project rules");
    }

    [Fact]
    public void Outside_a_repository_or_with_an_unknown_revision_it_is_a_one_line_error()
    {
        using var plain = new TempDir();
        plain.Write("a.py", Assert1);
        var ex = Assert.Throws<ConfigException>(() => Scan(plain.Path, "HEAD"));
        Assert.Contains("not inside a git work tree", ex.Message);

        using var dir = Repository();
        ex = Assert.Throws<ConfigException>(() => Scan(dir.Path, "no-such-branch"));
        Assert.Equal("--changed-since: unknown revision 'no-such-branch'", ex.Message);
        Assert.Throws<ConfigException>(() => Scan(dir.Path, "--output=/tmp/x"));
    }

    [Fact]
    public void The_command_line_option_is_documented_and_fails_cleanly()
    {
        var (_, help, _) = ExitCodeTests.Run("scan", "--help");
        Assert.Contains("--changed-since <REF>", help);

        using var plain = new TempDir();
        plain.Write("a.py", Assert1);
        var (code, _, err) = ExitCodeTests.Run("scan", plain.Path, "--changed-since", "main");
        Assert.Equal(2, code);
        Assert.StartsWith("bulwark: error: --changed-since:", err);
        Assert.Single(err.Trim().Split('\n'));

        using var dir = Repository();
        var output = Path.Combine(dir.Path, "..", Path.GetFileName(dir.Path) + ".json");
        try
        {
            (code, _, _) = ExitCodeTests.Run("scan", dir.Path, "--select", "B101", "--changed-since", "base", "-f", "json", "-o", output, "--no-progress");
            Assert.Equal(1, code);
            var json = File.ReadAllText(output);
            Assert.Contains("untracked.py", json);
            Assert.DoesNotContain("\"a.py\"", json);
        }
        finally { File.Delete(output); }
    }

    sealed class FileCountingRule : ProjectRule
    {
        public List<string> Seen { get; } = [];
        public bool Loaded { get; private set; }

        public override RuleInfo Info { get; } = new("ZZ999", "probe", Family.Code, Severity.Low, Confidence.Low, null,
            "probe", "probe", "", "", []);

        public override void Check(ProjectContext context)
        {
            foreach (var f in context.Files)
            {
                Seen.Add(f.RelativePath);
                if (f.RelativePath == "a.py") Loaded = f.Load() is not null;
            }
        }
    }
}
