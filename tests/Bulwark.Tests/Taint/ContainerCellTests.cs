using Bulwark.Taint;

namespace Bulwark.Tests.Taint;

/// <summary>
/// A store into a string, number or container (or a value annotated `Any`) is not a shared variable of its type
/// (`dict[*]` would join every dictionary of a project): it lands in the module variable or the attribute that holds
/// the container.
/// </summary>
public class ContainerCellTests
{
    static string Flows(params (string Path, string Code)[] files)
    {
        var catalog = new ModelCatalog();
        var modules = TaintPruningTests.Lower(files, catalog);
        var pruned = TaintPruningTests.Analyse(modules, catalog, prune: true).Flows;
        // The pruning must keep every function such a store makes relevant.
        Assert.Equal(TaintPruningTests.Analyse(modules, catalog, prune: false).Flows, pruned);
        return pruned;
    }

    [Fact]
    public void A_request_value_in_one_objects_dict_does_not_reach_an_unrelated_dict()
    {
        var flows = Flows(
            ("tracing.py", """
                class Segment:
                    def __init__(self):
                        self.annotations = {}

                    def annotate(self, key, value):
                        self.annotations[key] = value
                """),
            ("views.py", """
                from flask import Flask, request
                from tracing import Segment

                app = Flask(__name__)

                @app.route("/t")
                def traced():
                    Segment().annotate("url", request.args["u"])
                    return "ok"
                """),
            ("jobs.py", """
                import os

                class Registry:
                    def __init__(self):
                        self.commands = {}

                    def add(self, name, command):
                        self.commands[name] = command

                    def run(self, name):
                        os.system(self.commands[name])
                """));
        Assert.DoesNotContain("command", flows);
    }

    [Fact]
    public void A_request_value_stored_into_a_value_annotated_any_does_not_reach_another_one()
    {
        var flows = Flows(
            ("tracing.py", """
                from typing import Any

                class Segment:
                    def __init__(self, meta: Any):
                        self.meta = meta

                    def annotate(self, key, value):
                        self.meta[key] = value
                """),
            ("views.py", """
                from flask import Flask, request
                from tracing import Segment

                app = Flask(__name__)

                @app.route("/t")
                def traced():
                    Segment({}).annotate("url", request.args["u"])
                    return "ok"
                """),
            ("jobs.py", """
                import os
                from typing import Any

                class Runner:
                    def __init__(self, table: Any):
                        self.table = table

                    def run(self, name):
                        os.system(self.table[name])
                """));
        Assert.DoesNotContain("command", flows);
    }

    [Fact]
    public void A_dict_attribute_filled_in_one_method_and_read_in_another_still_carries_the_source()
    {
        var flows = Flows(
            ("app.py", """
                import os
                from flask import Flask, request

                app = Flask(__name__)

                class Jobs:
                    def __init__(self):
                        self.pending = {}

                    def queue(self, name, command):
                        self.pending[name] = command

                    def run(self, name):
                        os.system(self.pending[name])

                JOBS = Jobs()

                @app.route("/q")
                def queue_view():
                    JOBS.queue("a", request.args["cmd"])
                    return "ok"
                """));
        Assert.Contains("os.system from source", flows);
        Assert.Contains(" Store self.pending -> ", flows);
    }

    [Fact]
    public void A_module_level_dict_filled_in_one_function_and_read_in_another_still_carries_the_source()
    {
        var flows = Flows(
            ("app.py", """
                import os
                from flask import Flask, request

                app = Flask(__name__)
                COMMANDS = dict(home=os.getcwd())

                @app.route("/set")
                def remember():
                    COMMANDS["last"] = request.args["cmd"]
                    return "ok"

                def replay():
                    os.system(COMMANDS["last"])
                """));
        Assert.Contains("os.system from source", flows);
    }
}
