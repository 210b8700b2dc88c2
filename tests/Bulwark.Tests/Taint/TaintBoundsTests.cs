using System.Diagnostics;
using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Tests.Support;
using Bulwark.Taint;

namespace Bulwark.Tests.Taint;

/// <summary>
/// Shapes of ordinary code that once made the analysis exponential: it must stay fast on them and still find the flow
/// that follows. The bounds are generous (the fixed analysis takes well under a second on each; before the fixes the
/// first took 26 s with five branches and grows with each one, the second 7 s and more per recursion level).
/// </summary>
public class TaintBoundsTests
{
    static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    static (ScanResult Result, TimeSpan Took) Scan(TempDir dir)
    {
        var clock = Stopwatch.StartNew();
        var result = new Scanner(new ScanSettings { Select = ["INJ001"] }).Scan(new ScanRequest([dir.Path]));
        return (result, clock.Elapsed);
    }

    const string Flow = """

        import sqlite3
        from flask import Flask, request

        app = Flask(__name__)

        @app.route("/u")
        def user():
            return str(sqlite3.connect("a").execute("SELECT '%s'" % request.args["n"]))
        """;

    [Fact]
    public void A_loop_over_a_long_elif_chain_that_mutates_a_list_is_typed_in_linear_time()
    {
        using var dir = new TempDir();
        var branches = string.Concat(Enumerable.Range(1, 14).Select(i =>
            $"        {(i == 1 ? "if" : "elif")} x == {i}:\n            rv.append(x)\n"));
        dir.Write("app.py", "def collect(items):\n    rv = []\n    for x in items:\n" + branches + "    return rv\n" + Flow);
        var (result, took) = Scan(dir);
        Assert.True(took < Generous, $"took {took}");
        Assert.Single(result.Findings);
    }

    [Fact]
    public void A_recursive_function_storing_its_parameters_into_what_it_recurses_on_has_a_bounded_summary()
    {
        using var dir = new TempDir();
        dir.Write("app.py", """
            def fix(node, a, b, c, d):
                if not hasattr(node, "a"):
                    node.a = a
                else:
                    a = node.a
                if not hasattr(node, "b"):
                    node.b = b
                else:
                    b = node.b
                if not hasattr(node, "c"):
                    node.c = c
                else:
                    c = node.c
                if not hasattr(node, "d"):
                    node.d = d
                else:
                    d = node.d
                for child in node.children:
                    fix(child, a, b, c, d)
                    fix(child.left, b, a, d, c)
            """ + Flow);
        var (result, took) = Scan(dir);
        Assert.True(took < Generous, $"took {took}");
        Assert.Single(result.Findings);
    }

    [Fact]
    public void Constant_texts_past_the_bound_are_not_kept_and_flows_beside_and_through_them_are_still_found()
    {
        // An embedded multi-megabyte document (moto's managed policies) was held through the whole project phase.
        var big = new string('x', 3 * Lowering.MaxConstantText);
        var edge = new string('y', Lowering.MaxConstantText);
        var code = $$"""
            import json, sqlite3
            from flask import Flask, request

            app = Flask(__name__)
            DOC = "{{big}}"
            EDGE = "{{edge}}"
            POLICIES = json.loads("{{big}}")

            @app.route("/u")
            def user():
                return str(sqlite3.connect("a").execute(DOC + request.args["n"]))

            @app.route("/v")
            def other():
                return str(sqlite3.connect("a").execute("SELECT '%s'" % request.args["n"]))
            """;
        var module = Assert.Single(TaintPruningTests.Lower([("app.py", code)], new ModelCatalog()));
        Assert.DoesNotContain(big, module.Strings);
        Assert.Contains(edge, module.Strings);
        Assert.All(module.Strings, s => Assert.True(s.Length <= Lowering.MaxConstantText));
        using var dir = new TempDir();
        dir.Write("app.py", code);
        var result = new Scanner(new ScanSettings { Select = ["INJ001"] }).Scan(new ScanRequest([dir.Path]));
        Assert.Equal([11, 15], result.Findings.Select(f => f.Location.StartLine).Order());
    }
}
