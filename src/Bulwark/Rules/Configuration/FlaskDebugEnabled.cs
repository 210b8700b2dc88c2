using Bulwark.Core;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG201 — Flask debug mode switched on through configuration (`app.debug = True`, `DEBUG = True`).</summary>
public sealed class FlaskDebugEnabled : FlaskConfigRule
{
    public override RuleInfo Info { get; } = new(
        Id: "CFG201", Name: "flask-debug-enabled", Family: Family.Configuration,
        Severity: Severity.High, Confidence: Confidence.Medium, Cwe: 94,
        What: """
            Flask's debug mode switched on through configuration: `app.debug = True`, `app.config["DEBUG"] = True`,
            `app.config.update(DEBUG=True)`, or `DEBUG = True` in a configuration class or module production loads.
            `app.run(debug=True)` is B201's; this rule does not report it again.

            How CFG201–CFG203 read Flask configuration (the whole project at once):
            - Writes on the app in modules that import Flask are taken as written.
            - Configuration classes are evaluated with inheritance: a subclass's assignment overrides its base's, and a
              base class's value is reported at its line, once, when a production class inherits it unchanged.
            - `app.config.from_object(ProductionConfig)`, `from_object("pkg.settings.ProductionConfig")`,
              `from_object(__name__)` and `from_pyfile("settings.py")` are followed to the class or module they load,
              in other modules too. When every load outside tests can be followed, only the loaded classes are checked;
              when one cannot (`from_object(config[name])`, a parameter, an environment variable) or there is none,
              every configuration class (named `…Config`, `…Settings`, or derived from one) that no other one derives
              from is checked.
            - Development and test configurations are not reported: classes named for them (`DevelopmentConfig`,
              `TestingConfig`, `LocalConfig`), classes with `TESTING = True`, and anything under `tests/` or in a file
              named for development or tests (`test_app.py`, `conftest.py`); a load in such a file does not make a class
              production. A class so named is not reported even when the application loads it: the name is the
              project's own statement of where it runs.
            """,
        Why: """
            In debug mode Flask serves the Werkzeug interactive debugger on every error: a Python console in the
            server process for anyone who can trigger an exception, that is arbitrary code execution.
            """,
        Example: """
            app = Flask(__name__)
            app.config["DEBUG"] = True
            """,
        Fix: """
            app.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"
            # or keep DEBUG = True only in a DevelopmentConfig class that production never loads
            """,
        References: ["https://flask.palletsprojects.com/en/latest/config/#DEBUG",
                     "https://flask.palletsprojects.com/en/latest/debugging/"])
    {
        Compliance = Compliance.Misconfiguration,
        DifferencesFromBandit = "Bandit's B201 sees only `app.run(debug=True)`; this rule covers the configuration forms B201 misses.",
    };

    protected override void Check(FlaskSetting s, Action<string, Severity?> report)
    {
        if (s.Key == "DEBUG" && s.Constant is { Truthy: true, Kind: Bulwark.Semantics.ValueKind.Bool or Bulwark.Semantics.ValueKind.Int })
            report("Flask debug mode is on: the Werkzeug debugger allows arbitrary code execution on any error.", null);
    }
}
