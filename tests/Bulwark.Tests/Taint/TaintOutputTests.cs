using System.Text.Json;
using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Reports;
using Bulwark.Tests.Reports;
using Bulwark.Tests.Support;
using static Bulwark.Tests.Reports.ReportFixtures;

namespace Bulwark.Tests.Taint;

/// <summary>
/// A taint finding sits at the sink and carries its flow across files into every report format, and its
/// fingerprint rests on the source, the sink and their functions, not on line numbers.
/// </summary>
public class TaintOutputTests
{
    const string Views = """
        from flask import Flask, request
        from app import db

        app = Flask(__name__)

        @app.route("/users")
        def users():
            name = request.args["name"]
            return str(db.find_user(name))
        """;

    const string Db = """
        import sqlite3

        def find_user(name):
            conn = sqlite3.connect("app.db")
            query = "SELECT * FROM users WHERE name = '%s'" % name
            return conn.execute(query).fetchall()
        """;

    static ScanResult Scan(TempDir dir, string views = Views, string db = Db)
    {
        dir.Write("app/__init__.py", "");
        dir.Write("app/views.py", views);
        dir.Write("app/db.py", db);
        var settings = new ScanSettings { Select = ["INJ001"], VulnDbPath = Path.Combine(dir.Path, "none.bwdb") };
        return new Scanner(settings).Scan(new ScanRequest([dir.Path]));
    }

    static Finding SqlFinding(ScanResult result) => Assert.Single(result.Findings, f => f.Rule.Id == "INJ001");

    [Fact]
    public void Finding_is_at_the_sink_with_the_flow_from_the_source_in_another_file()
    {
        using var dir = new TempDir();
        var f = SqlFinding(Scan(dir));
        Assert.Equal("app/db.py", f.Location.Path);
        Assert.Equal(6, f.Location.StartLine);
        Assert.Equal(
            ["app/views.py:8 source: `flask.request.args`", "app/views.py:8 assigned to `name`", "app/views.py:9 passed to `find_user`",
             "app/db.py:3 parameter `name`", "app/db.py:5 assigned to `query`", "app/db.py:6 sink: `sqlite3.Connection.execute`"],
            f.Flow.Select(s => $"{s.Location.Path}:{s.Location.StartLine} {s.Message}").ToArray());
        var source = Assert.Single(f.Related);
        Assert.Equal(f.Flow[0], source);
    }

    [Fact]
    public void Text_report_prints_the_path_once()
    {
        using var dir = new TempDir();
        var text = Render(ReportFormat.Text, Scan(dir));
        Assert.Contains("  flow:\n    1. app/views.py:8:12  source: `flask.request.args`\n", text.ReplaceLineEndings("\n"));
        Assert.Contains("    6. app/db.py:6:12  sink: `sqlite3.Connection.execute`", text);
        Assert.DoesNotContain("related", text); // the source is printed in the flow, not twice
    }

    [Fact]
    public void Sarif_has_code_flows_and_related_locations_and_is_valid()
    {
        using var dir = new TempDir();
        var sarif = Render(ReportFormat.Sarif, Scan(dir));
        var errors = SchemaValidation.Errors(Bulwark.Tests.Reports.SarifReporterTests.OfficialSchema.Value, sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        using var doc = JsonDocument.Parse(sarif);
        var result = doc.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        var locations = result.GetProperty("codeFlows")[0].GetProperty("threadFlows")[0].GetProperty("locations");
        Assert.Equal(6, locations.GetArrayLength());
        var first = locations[0].GetProperty("location");
        Assert.Equal("app/views.py", first.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("source: `flask.request.args`", first.GetProperty("message").GetProperty("text").GetString());
        var last = locations[5].GetProperty("location");
        Assert.Equal("app/db.py", last.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(6, last.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        var related = result.GetProperty("relatedLocations")[0];
        Assert.Equal(1, related.GetProperty("id").GetInt32());
        Assert.Equal(8, related.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Json_and_html_show_the_flow()
    {
        using var dir = new TempDir();
        var result = Scan(dir);
        var json = Render(ReportFormat.Json, result);
        var schema = SchemaValidation.Load(Path.Combine(RepoRoot(), "docs", "schemas", "bulwark-report-v1.schema.json"));
        var errors = SchemaValidation.Errors(schema, json);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        using var doc = JsonDocument.Parse(json);
        var finding = doc.RootElement.GetProperty("findings")[0];
        var flow = finding.GetProperty("flow");
        Assert.Equal(6, flow.GetArrayLength());
        Assert.Equal("app/views.py", flow[0].GetProperty("location").GetProperty("path").GetString());
        Assert.Equal("sink: `sqlite3.Connection.execute`", flow[5].GetProperty("message").GetString());
        Assert.Equal(1, finding.GetProperty("related").GetArrayLength());

        var html = Render(ReportFormat.Html, result);
        Assert.Contains("Data flow", html);
        Assert.Contains("app/views.py:8:12", html);
        Assert.Contains("parameter `name`", html.Replace("&#96;", "`"));
        Assert.DoesNotContain(">Related<", html);
    }

    [Fact]
    public void Fingerprint_survives_moved_lines_but_not_a_different_sink_function()
    {
        using var a = new TempDir();
        var original = SqlFinding(Scan(a)).Fingerprint;
        using var b = new TempDir();
        var moved = SqlFinding(Scan(b, "# a comment\n\n" + Views, "\n\n# moved\n" + Db)).Fingerprint;
        Assert.Equal(original, moved);
        using var c = new TempDir();
        var renamed = SqlFinding(Scan(c, Views.Replace("find_user", "lookup_user"), Db.Replace("find_user", "lookup_user"))).Fingerprint;
        Assert.NotEqual(original, renamed);
    }
}
