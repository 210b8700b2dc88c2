using System.Text;
using Bulwark.Python;
using Bulwark.Rules.Code;
using Bulwark.Semantics;
using Bulwark.Taint;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Taint;

/// <summary>
/// Without parameter liveness, the project phase analyses only the functions that may hold taint
/// (<see cref="TaintOptions.Prune"/>): the flows, with every step, must be exactly those of analysing every function.
/// </summary>
public class TaintPruningTests
{
    internal static List<ModuleIr> Lower(IEnumerable<(string Path, string Code)> files, ModelCatalog catalog)
    {
        var modules = new List<ModuleIr>();
        foreach (var (path, code) in files)
        {
            var parse = PythonParser.Parse(code);
            var (name, package) = SemanticModel.ModuleNameFor(path);
            modules.Add(Lowering.Lower(path, parse.Module, SemanticModel.Build(parse.Module, name, package), catalog));
        }
        return modules;
    }

    /// <summary>The flows, one line each with every step; by default with every source kind reported.</summary>
    internal static (string Flows, int Pruned, int Analysed) Analyse(List<ModuleIr> modules, ModelCatalog catalog, bool prune, TaintOptions? kinds = null,
                                                                     bool liveness = false, bool steps = true)
    {
        var options = (kinds ?? new TaintOptions { SourceKinds = SourceKinds.Default | SourceKinds.Environment | SourceKinds.File | SourceKinds.Secrets, NameSources = SensitiveNameSources.Instance })
            with { Prune = prune, ParameterLiveness = liveness };
        var analysis = new TaintAnalysis(modules, catalog, options);
        var result = analysis.Run();
        var sb = new StringBuilder();
        foreach (var flow in result.Flows)
            sb.Append($"{SinkKinds.NameOf(flow.Kind)} {modules[flow.Sink.Module].Path}:{flow.Sink.Start} {flow.SinkCallee} from {flow.Source}"
                      + (steps ? ": " + string.Join(" -> ", flow.Steps.Select(s => $"{modules[s.Module].Path}:{s.Start} {s.Kind} {s.What}")) : "") + "\n");
        return (sb.ToString(), analysis.Pruned, result.FunctionsAnalysed);
    }

    /// <summary>A fixture's `os.system` flows are found, the same with and without the pruning, and at least this many functions are left out.</summary>
    internal static void AssertPrunedFlowsMatch(List<ModuleIr> modules, ModelCatalog catalog, int minimumPruned, TaintOptions? kinds = null)
    {
        var full = Analyse(modules, catalog, prune: false, kinds);
        var pruned = Analyse(modules, catalog, prune: true, kinds);
        Assert.Contains("os.system", pruned.Flows);
        Assert.Equal(full.Flows, pruned.Flows);
        Assert.True(pruned.Pruned >= minimumPruned, $"pruned {pruned.Pruned}");
    }

    /// <summary>Every injection and sensitive-data fixture, the sample application and the labelled suite, as one project.</summary>
    internal static IEnumerable<(string, string)> Corpus()
    {
        var root = RepoPaths.RepoRoot;
        foreach (var f in Directory.EnumerateFiles(Path.Combine(root, "tests", "Bulwark.Tests", "Rules", "Fixtures"), "*.py").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(f);
            if (name.StartsWith("INJ", StringComparison.Ordinal) || name.StartsWith("LOG", StringComparison.Ordinal) || name.StartsWith("AUTH", StringComparison.Ordinal))
                yield return ("fixtures/" + name, File.ReadAllText(f));
        }
        foreach (var dir in new[] { Path.Combine(root, "samples", "insecure-app"), Path.Combine(root, "bench", "taint", "suite") })
            foreach (var f in Directory.EnumerateFiles(dir, "*.py", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                yield return (Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f));
    }

    [Fact]
    public void Pruned_analysis_reports_exactly_the_flows_of_the_full_one()
    {
        var catalog = new ModelCatalog();
        var modules = Lower(Corpus(), catalog);
        var full = Analyse(modules, catalog, prune: false);
        var pruned = Analyse(modules, catalog, prune: true);
        Assert.NotEmpty(full.Flows);
        Assert.Equal(full.Flows, pruned.Flows);
        Assert.Equal(0, full.Pruned);
        Assert.True(pruned.Pruned > 0, "nothing was pruned");
        Assert.Equal(full.Analysed - pruned.Pruned, pruned.Analysed);
    }

    [Fact]
    public void Functions_that_never_see_a_source_are_left_out_and_flows_through_shared_state_are_kept()
    {
        var catalog = new ModelCatalog();
        var modules = Lower(
        [
            ("app.py", """
                import os
                from flask import Flask, request

                app = Flask(__name__)
                LAST = ""

                def area(w, h):
                    return w * h

                def unrelated():
                    return area(2, 3)

                def remember(value):
                    global LAST
                    LAST = value

                @app.route("/set")
                def set_name():
                    remember(request.args["n"])
                    return "ok"

                def run():
                    os.system("echo " + LAST)
                """),
        ], catalog);
        // `area` and `unrelated` hold no taint; `run` reads the variable `remember` stores a source into.
        AssertPrunedFlowsMatch(modules, catalog, minimumPruned: 2);
    }
}
