using Bulwark.Taint;

namespace Bulwark.Tests.Taint;

/// <summary>
/// A class method called on its class gets the class as `cls` and the call's arguments after it, whether the class is
/// the caller module's own or imported (`from .models import Pattern`, then `Pattern.validate(x)`).
/// </summary>
public class ClassMethodBindingTests
{
    const string Models = """
        import subprocess

        class Job:
            COMMAND = "ls"

            @classmethod
            def run(cls, name):
                subprocess.call(cls.COMMAND, shell=True)
                return name

            @classmethod
            def run_named(cls, name):
                subprocess.call(cls.COMMAND + " " + name, shell=True)
        """;

    static string Flows(string views, bool liveness)
    {
        var catalog = new ModelCatalog();
        return TaintPruningTests.Analyse(TaintPruningTests.Lower([("jobs.py", Models), ("views.py", views)], catalog), catalog, prune: false, liveness: liveness).Flows;
    }

    [Theory]
    [InlineData("from jobs import Job", false)]
    [InlineData("from jobs import Job", true)]
    [InlineData("import jobs as Job_module\nfrom jobs import Job as Job", true)]
    public void The_argument_is_the_first_parameter_after_cls(string import, bool liveness)
    {
        var flows = Flows(import + """

            from flask import Flask, request

            app = Flask(__name__)

            @app.route("/a")
            def a():
                Job.run(request.args["n"])
                return "ok"

            @app.route("/b")
            def b():
                Job.run_named(request.args["n"])
                return "ok"
            """, liveness);
        // The constant command is not the request's; the name added to it is.
        var line = Assert.Single(flows.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"command jobs.py:{Models.IndexOf("subprocess.call(cls.COMMAND + ", StringComparison.Ordinal)} subprocess.call", line, StringComparison.Ordinal);
    }
}
