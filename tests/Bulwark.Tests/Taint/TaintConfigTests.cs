using Bulwark.Config;
using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Taint;

/// <summary>`[tool.bulwark.taint]`: user-defined sources, sinks and sanitisers, the budget, extra source kinds.</summary>
public class TaintConfigTests
{
    const string Pyproject = """
        [project]
        name = "shop"

        [tool.bulwark.taint]
        budget-seconds = 30
        report-sources = ["environment"]
        sources = [{ call = "shop.rpc.read_message", kind = "remote" }]
        sinks = [{ call = "shop.legacy.run_query", arg = "0|sql", kind = "sql" }]
        sanitizers = [{ call = "shop.text.clean_sql", clears = "sql" }]
        """;

    [Fact]
    public void Settings_and_models_are_read()
    {
        var file = ConfigFile.Parse(Pyproject, "pyproject.toml", ["tool", "bulwark"])!;
        Assert.Equal(30, file.TaintBudgetSeconds);
        Assert.Equal(new[] { "environment" }, file.TaintReportSources!);
        Assert.Equal(3, file.TaintModels!.Count);
    }

    [Theory]
    [InlineData("sinks = [{ call = \"a.b\", kind = \"sqll\", arg = \"0\" }]", "pyproject.toml:6: unknown sink kind 'sqll'")]
    [InlineData("sinks = [{ call = \"a.b\", kind = \"sql\" }]", "pyproject.toml:6: a sink row needs 'arg'")]
    [InlineData("sources = [{ call = \"a.b\", kind = \"web\" }]", "pyproject.toml:6: unknown source kind 'web'")]
    [InlineData("sanitizers = [{ call = \"a.b\", clear = \"sql\" }]", "pyproject.toml:6: unknown field 'clear'")]
    [InlineData("budget-seconds = 0", "pyproject.toml:6: 'taint.budget-seconds' must be a whole number of seconds")]
    [InlineData("report-sources = [\"cookies\"]", "pyproject.toml:6: taint.report-sources: unknown source kind 'cookies'")]
    [InlineData("sink = []", "pyproject.toml:6: unknown configuration key 'taint.sink'")]
    [InlineData("test-paths = \"tests\"", "pyproject.toml:6: ")]
    public void Mistakes_are_one_line_errors_with_file_and_line(string entry, string expected)
    {
        var toml = "[project]\nname = \"x\"\n\n# models\n[tool.bulwark.taint]\n" + entry + "\n";
        var ex = Assert.Throws<ConfigException>(() => ConfigFile.Parse(toml, "pyproject.toml", ["tool", "bulwark"]));
        Assert.StartsWith(expected, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    /// <summary>A flow in test code and the same flow in the application, scanned with the given `[tool.bulwark.taint]` lines.</summary>
    static IReadOnlyList<Finding> ScanWithTests(string taintTable)
    {
        using var dir = new TempDir();
        dir.Write("pyproject.toml", "[project]\nname = \"shop\"\n\n[tool.bulwark.taint]\n" + taintTable + "\n");
        const string view = """
            import subprocess
            from flask import Flask, request

            app = Flask(__name__)

            @app.route("/ping")
            def ping():
                subprocess.run("ping -c 1 " + request.args["host"], shell=True)
            """;
        dir.Write("shop/__init__.py", "");
        dir.Write("shop/views.py", view);
        dir.Write("tests/test_views.py", view);
        dir.Write("shop/test_helpers.py", view);
        var file = ConfigFile.Discover(dir.Path)!;
        var settings = SettingsBuilder.Build(file, new CommandLineOptions()) with { Select = ["INJ002", "B602"] };
        return new Scanner(settings).Scan(new ScanRequest([dir.Path])).Findings;
    }

    [Fact]
    public void Test_code_gets_the_pattern_rules_but_its_flows_are_not_followed()
    {
        var findings = ScanWithTests("budget-seconds = 30");
        Assert.Equal(["shop/test_helpers.py B602", "shop/views.py INJ002", "tests/test_views.py B602"],
            findings.Select(f => $"{f.Location.Path} {f.Rule.Id}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_empty_test_paths_list_follows_flows_in_test_code_too()
    {
        var findings = ScanWithTests("test-paths = []");
        Assert.Equal(["shop/test_helpers.py INJ002", "shop/views.py INJ002", "tests/test_views.py INJ002"],
            findings.Select(f => $"{f.Location.Path} {f.Rule.Id}").Order(StringComparer.Ordinal));
        var custom = ScanWithTests("test-paths = [\"shop/test_*.py\"]");
        Assert.Equal(["shop/test_helpers.py B602", "shop/views.py INJ002", "tests/test_views.py INJ002"],
            custom.Select(f => $"{f.Location.Path} {f.Rule.Id}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Test_paths_change_the_configuration_digest_only_when_set()
    {
        var plain = new ScanSettings();
        var digest = ScanEvidence.ConfigurationDigestOf(plain);
        Assert.Equal(digest, ScanEvidence.ConfigurationDigestOf(plain with { TaintTestPaths = [.. ScanSettings.DefaultTaintTestPaths] }));
        Assert.NotEqual(digest, ScanEvidence.ConfigurationDigestOf(plain with { TaintTestPaths = [] }));
        Assert.NotEqual(digest, ScanEvidence.ConfigurationDigestOf(plain with { TaintTestPaths = ["tests"] }));
    }

    [Theory]
    [InlineData("tests/test_views.py", true)]
    [InlineData("test/support/helpers.py", true)]
    [InlineData("app/tests.py", true)]
    [InlineData("conftest.py", true)]
    [InlineData("pkg/views_test.py", true)]
    [InlineData("app/views.py", false)]
    [InlineData("app/testing.py", false)]
    [InlineData("samples/app/views.py", false)]
    [InlineData("contest/views.py", false)]
    public void Default_test_paths_follow_the_test_runners_conventions(string path, bool test) =>
        Assert.Equal(test, new ScanSettings().IsTaintTestPath(path));

    [Fact]
    public void User_models_make_a_flow_and_a_user_sanitiser_stops_it()
    {
        using var dir = new TempDir();
        dir.Write("pyproject.toml", Pyproject);
        dir.Write("shop/__init__.py", "");
        dir.Write("shop/worker.py", """
            from shop.rpc import read_message
            from shop.legacy import run_query
            from shop.text import clean_sql

            def handle():
                msg = read_message()
                run_query("UPDATE jobs SET state = '%s'" % msg)
                run_query("UPDATE jobs SET state = '%s'" % clean_sql(msg))
            """);
        var file = ConfigFile.Discover(dir.Path)!;
        var settings = SettingsBuilder.Build(file, new CommandLineOptions()) with { Select = ["INJ001"] };
        var result = new Scanner(settings).Scan(new ScanRequest([dir.Path]));
        var finding = Assert.Single(result.Findings);
        Assert.Equal(7, finding.Location.StartLine);
        Assert.StartsWith("source: ", finding.Flow[0].Message);
    }

    [Fact]
    public void User_file_models_carry_data_written_to_a_store_to_what_is_read_back_from_it()
    {
        using var dir = new TempDir();
        dir.Write("pyproject.toml", """
            [project]
            name = "shop"

            [tool.bulwark.taint]
            files = [{ call = "blobstore.put", path = "0", writes = "1" }, { call = "blobstore.get", path = "0" }]
            """);
        dir.Write("app.py", """
            import pickle
            import blobstore
            from flask import Flask, request

            app = Flask(__name__)

            @app.route("/import", methods=["POST"])
            def import_blob():
                blobstore.put("incoming", request.get_data())
                pickle.loads(blobstore.get("defaults"))
                return str(pickle.loads(blobstore.get("incoming")))
            """);
        var file = ConfigFile.Discover(dir.Path)!;
        var settings = SettingsBuilder.Build(file, new CommandLineOptions()) with { Select = ["INJ012"] };
        var result = new Scanner(settings).Scan(new ScanRequest([dir.Path]));
        var finding = Assert.Single(result.Findings);
        Assert.Equal(11, finding.Location.StartLine);
        Assert.Contains(finding.Flow, s => s.Message == "written to a file by `blobstore.put`");
        Assert.Contains(finding.Flow, s => s.Message == "read back from the file by `blobstore.get`");
    }

    [Fact]
    public void A_spent_budget_degrades_to_intra_procedural_flows_with_a_warning()
    {
        using var dir = new TempDir();
        dir.Write("app/__init__.py", "");
        dir.Write("app/db.py", "import sqlite3\n\ndef find(name):\n    return sqlite3.connect('a').execute(\"SELECT '%s'\" % name)\n");
        dir.Write("app/views.py", """
            import sqlite3
            from flask import Flask, request
            from app import db

            app = Flask(__name__)

            @app.route("/a")
            def a():
                return str(db.find(request.args["n"]))

            @app.route("/b")
            def b():
                return str(sqlite3.connect("a").execute("SELECT '%s'" % request.args["n"]))
            """);
        ScanResult Run(int budget) => new Scanner(new ScanSettings { Select = ["INJ001"], TaintBudgetSeconds = budget })
            .Scan(new ScanRequest([dir.Path]));
        var full = Run(60);
        Assert.Equal(["app/db.py", "app/views.py"], full.Findings.Select(f => f.Location.Path).Order().ToArray());
        Assert.DoesNotContain(full.Warnings, w => w.Contains("budget"));
        var degraded = Run(0);
        Assert.Contains(degraded.Warnings, w => w.Contains("budget is spent"));
        var only = Assert.Single(degraded.Findings);
        Assert.Equal("app/views.py", only.Location.Path); // the flow inside one function is still found
    }

    [Fact]
    public void Report_sources_reports_flows_from_the_extra_source_kinds()
    {
        using var dir = new TempDir();
        dir.Write("tool.py", """
            import os
            import sys

            def main():
                os.system("ls " + os.environ["TARGET"])
                os.system("ls " + sys.argv[1])
            """);
        ScanResult Run(string? pyproject)
        {
            if (pyproject is not null) dir.Write("pyproject.toml", pyproject);
            var file = ConfigFile.Discover(dir.Path);
            var settings = (file is null ? new ScanSettings() : SettingsBuilder.Build(file, new CommandLineOptions())) with { Select = ["INJ002"] };
            return new Scanner(settings).Scan(new ScanRequest([dir.Path]));
        }
        // By default only the command line (a `local` source) is reported…
        Assert.Equal([6], Run(null).Findings.Select(f => f.Location.StartLine).ToArray());
        // …and with report-sources the environment variable too, with low confidence.
        var both = Run("[project]\nname = \"t\"\n\n[tool.bulwark.taint]\nreport-sources = [\"environment\"]\n").Findings
            .OrderBy(f => f.Location.StartLine).ToList();
        Assert.Equal([5, 6], both.Select(f => f.Location.StartLine).ToArray());
        Assert.Equal(Confidence.Low, both[0].Confidence);
        Assert.Contains("an environment variable", both[0].Message);
    }

    [Fact]
    public void A_command_line_tool_opening_the_file_its_user_names_is_reported_only_when_local_sources_are_asked_for()
    {
        using var dir = new TempDir();
        dir.Write("tool.py", """
            import os
            import sys

            def main():
                with open(sys.argv[1]) as f:
                    print(f.read())
                os.system("wc -l " + sys.argv[1])
            """);
        ScanResult Run(string? pyproject)
        {
            if (pyproject is not null) dir.Write("pyproject.toml", pyproject);
            var file = ConfigFile.Discover(dir.Path);
            var settings = (file is null ? new ScanSettings() : SettingsBuilder.Build(file, new CommandLineOptions())) with { Select = ["INJ002", "INJ004"] };
            return new Scanner(settings).Scan(new ScanRequest([dir.Path]));
        }
        // Path traversal is a remote attacker's: the tool's user may read any file already. Command injection stays.
        Assert.Equal(["INJ002"], Run(null).Findings.Select(f => f.Rule.Id).ToArray());
        var local = Run("[project]\nname = \"t\"\n\n[tool.bulwark.taint]\nreport-sources = [\"local\"]\n").Findings;
        Assert.Equal(["INJ002", "INJ004"], local.Select(f => f.Rule.Id).Order().ToArray());
    }

    [Fact]
    public void Files_and_sockets_are_a_source_kind_and_a_file_s_content_is_not_the_path_it_was_opened_with()
    {
        using var dir = new TempDir();
        dir.Write("app.py", """
            import os
            import socket
            from pathlib import Path
            from flask import Flask, request

            app = Flask(__name__)

            @app.route("/show")
            def show():
                return open(os.path.join("/srv", request.args["name"])).read()

            def run_jobs():
                with open("/etc/jobs.txt") as fh:
                    for line in fh:
                        os.system(line)
                os.system(Path("/etc/job").read_text())
                os.system(socket.create_connection(("example.com", 80)).recv(100).decode())
            """);
        ScanResult Run(string? pyproject)
        {
            if (pyproject is not null) dir.Write("pyproject.toml", pyproject);
            var file = ConfigFile.Discover(dir.Path);
            var settings = (file is null ? new ScanSettings() : SettingsBuilder.Build(file, new CommandLineOptions())) with { Select = ["injection"] };
            return new Scanner(settings).Scan(new ScanRequest([dir.Path]));
        }
        // By default: the request value reaches `open` as a path, but what the file holds is not request data (no XSS
        // where the view returns it), and what files and sockets give is not reported.
        var plain = Run(null).Findings;
        Assert.Equal(["INJ004 10"], plain.Select(f => $"{f.Rule.Id} {f.Location.StartLine}").ToArray());
        // With report-sources = ["file"], a file's lines, a path's text and a socket's bytes reach the shell.
        var files = Run("[project]\nname = \"t\"\n\n[tool.bulwark.taint]\nreport-sources = [\"file\"]\n").Findings
            .Where(f => f.Rule.Id == "INJ002").OrderBy(f => f.Location.StartLine).ToList();
        Assert.Equal([15, 16, 17], files.Select(f => f.Location.StartLine).ToArray());
    }
}
