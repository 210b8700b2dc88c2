using Bulwark.Taint;

namespace Bulwark.Tests.Taint;

/// <summary>
/// The demand estimate (<see cref="TaintOptions.EstimateDemand"/>) counts the functions on a call path from one that
/// creates a source fact to one that calls a sink, and leaves the flows as they are.
/// </summary>
public class DemandEstimateTests
{
    static readonly (string, string)[] Project =
    [
        ("app/views.py", """
            from flask import Flask, request
            from app import db, text

            app = Flask(__name__)

            @app.route("/user")
            def user():
                name = request.args.get("name")
                return str(db.find(text.tidy(name)))

            def about():
                return "about"
            """),
        ("app/db.py", """
            import sqlite3

            def find(name):
                conn = sqlite3.connect("app.db")
                return conn.execute("SELECT * FROM users WHERE name = '%s'" % name).fetchall()

            def unused():
                return sqlite3.connect("app.db").execute("SELECT 1").fetchall()
            """),
        ("app/text.py", """
            def tidy(value):
                return value.strip()

            def shout(value):
                return value.upper()
            """),
    ];

    static (TaintAnalysis Analysis, TaintResult Result) Run(bool estimate)
    {
        var catalog = new ModelCatalog();
        var modules = TaintPruningTests.Lower(Project.Select(p => (p.Item1, p.Item2.Replace("\r\n", "\n"))), catalog);
        var analysis = new TaintAnalysis(modules, catalog, new TaintOptions { EstimateDemand = estimate });
        return (analysis, analysis.Run());
    }

    [Fact]
    public void Counts_the_functions_between_sources_and_sinks()
    {
        var (analysis, result) = Run(estimate: true);
        Assert.Contains(result.Flows, f => f.SinkCallee.EndsWith("execute", StringComparison.Ordinal));
        var d = analysis.Demand;
        Assert.NotNull(d);
        // The view reads the request; the view (an entry point) and both query functions hold sinks.
        Assert.Equal(1, d.Created);
        Assert.Equal(1, d.CreatedByModel);
        Assert.Equal(0, d.CreatedByName);
        Assert.Equal(3, d.Sinks);
        // On the path: the view and `find`; with what they call, `tidy` too. `about`, `unused`, `shout` and the module bodies are not.
        Assert.Equal(2, d.OnPath);
        Assert.Equal(3, d.WithCallees);
        Assert.True(d.Functions >= 9, $"{d.Functions} functions");
        // What held taint once analysed: the view (its source), `find` and `tidy` (each given the name): one per module.
        Assert.Equal(3, d.Touched);
        Assert.Equal(3, d.TouchedWithCallees);
        Assert.Equal(3, d.Modules);
        Assert.Equal((2, 3, 3, 3), (d.PathModules, d.WithCalleesModules, d.TouchedModules, d.TouchedWithCalleesModules));
    }

    [Fact]
    public void Leaves_the_flows_as_they_are()
    {
        var (plain, without) = Run(estimate: false);
        var (_, with) = Run(estimate: true);
        Assert.Null(plain.Demand);
        Assert.NotEmpty(without.Flows);
        Assert.Equal(without.Flows.Select(Render), with.Flows.Select(Render));
    }

    static string Render(TaintFlow f) => $"{f.Kind} {f.Sink} {f.SinkCallee} {f.Source}: " + string.Join(" -> ", f.Steps);
}
