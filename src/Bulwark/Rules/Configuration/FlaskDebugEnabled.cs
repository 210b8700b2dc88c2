using Bulwark.Core;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG201 — Flask debug mode switched on through configuration (`app.debug = True`, `DEBUG = True`).</summary>
public sealed class FlaskDebugEnabled : CodeRule
{
    public override RuleInfo Info { get; } = new(
        Id: "CFG201", Name: "flask-debug-enabled", Family: Family.Configuration,
        Severity: Severity.High, Confidence: Confidence.Medium, Cwe: 94,
        What: """
            Flask's debug mode switched on through configuration: `app.debug = True`, `app.config["DEBUG"] = True`,
            `app.config.update(DEBUG=True)` and `DEBUG = True` in a configuration class that is not named for
            development or tests. `app.run(debug=True)` is B201's; this rule does not report it again.
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

    public override IReadOnlyList<NodeKind> Kinds => FlaskConfig.Kinds;

    public override void Check(Node node, CodeContext context)
    {
        foreach (var s in FlaskConfig.Settings(node, context))
            if (s.Key == "DEBUG" && context.Semantic.Evaluate(s.Value) is { Truthy: true, Kind: Bulwark.Semantics.ValueKind.Bool or Bulwark.Semantics.ValueKind.Int })
                context.Report(this, s.At, "Flask debug mode is on: the Werkzeug debugger allows arbitrary code execution on any error.");
    }
}
