using Bulwark.Rules.Code;
using Bulwark.Taint;

namespace Bulwark.Tests.Taint;

/// <summary>
/// Parameter liveness (<see cref="TaintOptions.ParameterLiveness"/>): a parameter's own taint is analysed only once a
/// call may pass it some. The flows must be those of analysing every parameter of every function, and parameters no
/// call passes taint to must stay dead.
/// </summary>
public class TaintLivenessTests
{
    static TaintOptions AllKinds() => new()
    {
        SourceKinds = SourceKinds.Default | SourceKinds.Environment | SourceKinds.File | SourceKinds.Secrets,
        NameSources = SensitiveNameSources.Instance,
    };

    [Fact]
    public void Liveness_reports_the_flows_of_analysing_every_parameter_on_every_fixture()
    {
        var catalog = new ModelCatalog();
        var modules = TaintPruningTests.Lower(TaintPruningTests.Corpus(), catalog);
        foreach (var kinds in new[] { AllKinds(), new TaintOptions() })
        {
            var full = TaintPruningTests.Analyse(modules, catalog, prune: false, kinds, liveness: false);
            var live = TaintPruningTests.Analyse(modules, catalog, prune: false, kinds, liveness: true);
            Assert.NotEmpty(full.Flows);
            Assert.Equal(full.Flows, live.Flows);
        }
    }

    static (string Flows, TaintAnalysis Analysis) Run(string code)
    {
        var catalog = new ModelCatalog();
        var modules = TaintPruningTests.Lower([("app.py", code)], catalog);
        var full = TaintPruningTests.Analyse(modules, catalog, prune: false, AllKinds(), liveness: false);
        var analysis = new TaintAnalysis(modules, catalog, AllKinds() with { ParameterLiveness = true });
        var result = analysis.Run();
        var live = TaintPruningTests.Analyse(modules, catalog, prune: false, AllKinds(), liveness: true);
        Assert.Equal(full.Flows, live.Flows);
        Assert.Equal(full.Flows.Length > 0, result.Flows.Count > 0);
        return (live.Flows, analysis);
    }

    [Fact]
    public void Parameters_given_only_clean_values_stay_dead_and_tainted_ones_carry_the_flow()
    {
        var (flows, analysis) = Run("""
            import os
            from flask import Flask, request

            app = Flask(__name__)

            def run(cmd, label):
                os.system(cmd)
                return label

            def area(w, h):
                return w * h

            @app.route("/run")
            def view():
                area(2, 3)
                return run(request.args["cmd"], "done")
            """);
        Assert.Contains("os.system", flows);
        Assert.Contains("Parameter", flows, StringComparison.Ordinal);
        Assert.Equal(1UL, analysis.LiveParameters("app.py", "run"));
        Assert.Equal(0UL, analysis.LiveParameters("app.py", "area"));
    }

    [Fact]
    public void A_value_that_is_tainted_only_through_a_helper_s_return_makes_the_next_callee_live()
    {
        var (flows, analysis) = Run("""
            import os
            from flask import Flask, request

            app = Flask(__name__)

            def clean(value):
                return value.strip()

            def execute(command):
                os.system(command)

            @app.route("/run")
            def view():
                command = clean(request.args["cmd"])
                execute(command)
                return "ok"
            """);
        Assert.Contains("os.system", flows);
        Assert.Contains("Return", flows, StringComparison.Ordinal);
        Assert.Equal(1UL, analysis.LiveParameters("app.py", "execute"));
    }

    [Fact]
    public void A_cell_that_gets_a_source_after_it_was_passed_on_makes_the_parameter_live()
    {
        // `use` is analysed before `store` (nothing calls it, and it comes first) and passes the attribute on while it
        // holds no source; the parameter waits for the attribute, and `use` maps the callee's edge to it once it is live.
        var (flows, analysis) = Run("""
            import os
            from flask import Flask, request

            app = Flask(__name__)

            class Config:
                def __init__(self):
                    self.command = "true"

                def update(self, value):
                    self.command = value

            CONFIG = Config()

            def execute(command):
                os.system(command)

            def use(config: Config):
                execute(config.command)

            @app.route("/store")
            def store():
                CONFIG.update(request.args["cmd"])
                return "ok"
            """);
        Assert.Contains("os.system", flows);
        Assert.Equal(1UL, analysis.LiveParameters("app.py", "execute"));
    }

    [Fact]
    public void An_object_whose_member_gets_a_source_later_makes_the_parameter_live()
    {
        // `launch` passes a `Job` before any `Job.command` holds a source: the parameter waits for the type.
        var (flows, analysis) = Run("""
            import os
            from flask import Flask, request

            app = Flask(__name__)

            class Job:
                def __init__(self):
                    self.command = "true"

            def execute(job):
                os.system(job.command)

            def launch(job: Job):
                execute(job)

            @app.route("/job")
            def configure():
                job = Job()
                job.command = request.args["cmd"]
                return "ok"
            """);
        Assert.Contains("os.system", flows);
        Assert.Equal(1UL, analysis.LiveParameters("app.py", "execute"));
    }

    [Fact]
    public void A_request_object_passed_on_makes_the_parameter_live_through_its_type()
    {
        var (flows, analysis) = Run("""
            import os
            from django.http import HttpRequest, HttpResponse

            def run(req):
                os.system(req.GET["cmd"])

            def view(request: HttpRequest):
                run(request)
                return HttpResponse("ok")
            """);
        Assert.Contains("os.system", flows);
        Assert.Equal(1UL, analysis.LiveParameters("app.py", "run"));
    }

    [Fact]
    public void A_recursive_call_that_swaps_parameters_is_followed_to_the_sink()
    {
        // `a` reaches the sink only through the recursive call, once `b`'s edge is in the summary that call uses.
        var (flows, analysis) = Run("""
            import os
            from flask import Flask, request

            app = Flask(__name__)

            def swap(a, b, n):
                if n == 0:
                    os.system(b)
                    return
                swap(b, a, n - 1)

            @app.route("/swap")
            def view():
                swap(request.args["cmd"], "true", 3)
                return "ok"
            """);
        Assert.Contains("os.system", flows);
        Assert.Equal(3UL, analysis.LiveParameters("app.py", "swap"));
    }

    [Fact]
    public void Taint_of_a_kind_no_rule_reports_makes_no_parameter_live()
    {
        var catalog = new ModelCatalog();
        var modules = TaintPruningTests.Lower([("app.py", """
            import os

            def execute(command):
                os.system(command)

            def main():
                execute(os.environ["CMD"])
            """)], catalog);
        foreach (var (kinds, live) in new[] { (new TaintOptions(), 0UL), (AllKinds(), 1UL) })
        {
            var analysis = new TaintAnalysis(modules, catalog, kinds with { ParameterLiveness = true });
            var result = analysis.Run();
            Assert.Equal(live, analysis.LiveParameters("app.py", "execute"));
            Assert.Equal(live == 1, result.Flows.Count > 0);
            Assert.Equal(TaintPruningTests.Analyse(modules, catalog, prune: false, kinds, liveness: false).Flows,
                         TaintPruningTests.Analyse(modules, catalog, prune: false, kinds, liveness: true).Flows);
        }
    }
    [Fact]
    public void A_cell_read_before_it_gets_a_source_is_read_again_once_it_does()
    {
        // `run` is analysed before `store` (nothing calls it, and it comes first) and reads the attribute while it holds
        // no source; `Config.limit` never holds one.
        var catalog = new ModelCatalog();
        var modules = TaintPruningTests.Lower([("app.py", """
            import os
            from flask import Flask, request

            app = Flask(__name__)

            class Config:
                limit = 10

                def __init__(self):
                    self.command = "true"

                def update(self, value):
                    self.command = value

            CONFIG = Config()

            def run(config: Config):
                os.system(config.command)
                os.system("ls -l %d" % config.limit)

            @app.route("/store")
            def store():
                CONFIG.update(request.args["cmd"])
                return "ok"
            """)], catalog);
        var eager = TaintPruningTests.Analyse(modules, catalog, prune: false, AllKinds() with { CellLiveness = false }, liveness: true);
        var lazy = TaintPruningTests.Analyse(modules, catalog, prune: false, AllKinds(), liveness: true);
        var full = TaintPruningTests.Analyse(modules, catalog, prune: false, AllKinds(), liveness: false);
        Assert.Single(lazy.Flows.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("os.system from", StringComparison.Ordinal));
        Assert.Equal(eager.Flows, lazy.Flows);
        Assert.Equal(full.Flows, lazy.Flows);
    }
    [Fact]
    public void Every_function_that_read_a_module_variable_before_it_got_a_source_reads_it_again()
    {
        // `first` and `second` read `config.LAST` while it holds nothing (the value of an imported name without facts
        // is made once per module, so the second read must still wait for the cell); `store` gives it a source
        // through `remember`'s summary, analysed after them.
        var catalog = new ModelCatalog();
        var modules = TaintPruningTests.Lower([("config.py", """
            LAST = ""

            def remember(value):
                global LAST
                LAST = value
            """), ("app.py", """
            import os
            import config
            from flask import Flask, request

            app = Flask(__name__)

            def first():
                os.system(config.LAST)

            def second():
                os.system(config.LAST)

            @app.route("/store")
            def store():
                config.remember(request.args["cmd"])
                return "ok"
            """)], catalog);
        var lazy = TaintPruningTests.Analyse(modules, catalog, prune: false, AllKinds(), liveness: true);
        Assert.Equal(2, lazy.Flows.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains("os.system from", StringComparison.Ordinal)));
        Assert.Equal(TaintPruningTests.Analyse(modules, catalog, prune: false, AllKinds(), liveness: false).Flows, lazy.Flows);
    }
}
