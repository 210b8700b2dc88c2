using Bulwark.Taint;

namespace Bulwark.Tests.Taint;

/// <summary>
/// The pruning with only the default source kinds reported (no environment, files or secrets), and the ways a fact
/// reaches a caller other than through a return value: the flows must be exactly those of analysing every function.
/// </summary>
public class TaintPruningKindsTests
{
    static (string Flows, int Pruned, int Analysed) Analyse(List<ModuleIr> modules, ModelCatalog catalog, bool prune) =>
        TaintPruningTests.Analyse(modules, catalog, prune, new TaintOptions());

    [Fact]
    public void Pruned_analysis_with_default_source_kinds_reports_exactly_the_flows_of_the_full_one()
    {
        var catalog = new ModelCatalog();
        var modules = TaintPruningTests.Lower(TaintPruningTests.Corpus(), catalog);
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
        var modules = TaintPruningTests.Lower(
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
        // `constant` and `user_of_constant` never see a source; `only_environment` reads one no rule reports (its flow is
        // not in either list, whether or not the pruning keeps it).
        TaintPruningTests.AssertPrunedFlowsMatch(modules, catalog, minimumPruned: 3, new TaintOptions());
    }
}
