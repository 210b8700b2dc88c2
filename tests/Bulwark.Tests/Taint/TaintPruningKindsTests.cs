using System.Text;
using Bulwark.Python;
using Bulwark.Semantics;
using Bulwark.Taint;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Taint;

/// <summary>
/// The pruning with only the default source kinds reported (no environment, files or secrets), and the ways a fact
/// reaches a caller other than through a return value: the flows must be exactly those of analysing every function.
/// </summary>
public class TaintPruningKindsTests
{
    static List<ModuleIr> Lower(IEnumerable<(string Path, string Code)> files, ModelCatalog catalog)
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

    static (string Flows, int Pruned) Analyse(List<ModuleIr> modules, ModelCatalog catalog, bool prune)
    {
        var analysis = new TaintAnalysis(modules, catalog, new TaintOptions { Prune = prune });
        var result = analysis.Run();
        var sb = new StringBuilder();
        foreach (var flow in result.Flows)
            sb.Append($"{SinkKinds.NameOf(flow.Kind)} {modules[flow.Sink.Module].Path}:{flow.Sink.Start} {flow.SinkCallee} from {flow.Source}: "
                      + string.Join(" -> ", flow.Steps.Select(s => $"{modules[s.Module].Path}:{s.Start} {s.Kind} {s.What}")) + "\n");
        return (sb.ToString(), analysis.Pruned);
    }

    static IEnumerable<(string, string)> Corpus()
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
    public void Pruned_analysis_with_default_source_kinds_reports_exactly_the_flows_of_the_full_one()
    {
        var catalog = new ModelCatalog();
        var modules = Lower(Corpus(), catalog);
        var full = Analyse(modules, catalog, prune: false);
        var pruned = Analyse(modules, catalog, prune: true);
        Assert.NotEmpty(full.Flows);
        Assert.Equal(full.Flows, pruned.Flows);
        Assert.True(pruned.Pruned > 0, "nothing was pruned");
    }

    [Fact]
    public void Facts_made_in_a_caller_from_a_callee_reading_below_a_parameter_are_kept()
    {
        var catalog = new ModelCatalog();
        var modules = Lower(
        [
            ("app.py", """
                import os
                import subprocess
                from flask import Flask, Request, request
                from django.views import View

                app = Flask(__name__)

                class MyRequest(Request):
                    pass

                def run_arg(req):
                    # Returns nothing: the source is made where the caller's argument has the request type.
                    os.system(req.args["cmd"])

                def run_typed(req: Request):
                    subprocess.call(req.form["cmd"], shell=True)

                def run_attr(req):
                    os.system(req.user_cmd)

                def through(req):
                    run_arg(req)

                def get_request():
                    return request

                @app.before_request
                def middleware():
                    request.user_cmd = request.headers.get("X-Cmd")

                @app.route("/a")
                def view_a():
                    through(request)
                    return "ok"

                @app.route("/b")
                def view_b():
                    run_typed(request)
                    run_attr(request)
                    return "ok"

                class Holder:
                    def __init__(self, req):
                        self.req = req

                    def run(self):
                        os.system(self.req.args["x"])

                CURRENT = None

                @app.route("/c")
                def view_c():
                    global CURRENT
                    CURRENT = get_request()
                    Holder(request).run()
                    return "ok"

                def later():
                    os.system(CURRENT.args["y"])

                class Echo(View):
                    def get(self, request, name):
                        os.system(self.kwargs["name"])
                        os.system(request.GET["q"])
                        return "ok"

                def only_environment():
                    os.system(os.environ["CMD"])

                def constant():
                    return 42

                def user_of_constant():
                    return constant() + 1
                """),
        ], catalog);
        var full = Analyse(modules, catalog, prune: false);
        var pruned = Analyse(modules, catalog, prune: true);
        Assert.Contains("os.system", pruned.Flows);
        Assert.Equal(full.Flows, pruned.Flows);
        // `only_environment` reads a source no rule reports; `constant` and `user_of_constant` see no source.
        Assert.True(pruned.Pruned >= 3, $"pruned {pruned.Pruned}");
    }
}
