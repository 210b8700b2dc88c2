using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B201 — a Flask application run with the debugger on.</summary>
public sealed class FlaskDebugTrue : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B201", Name: "flask-debug-true", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.Medium, Cwe: 94,
        What: """
            In modules that import Flask, `….run(debug=True)` calls (the value may be a constant that evaluates to
            true).
            """,
        Why: """
            Debug mode serves the Werkzeug interactive debugger: anyone who can trigger an error gets a Python console
            in the server process, that is arbitrary code execution.
            """,
        Example: """
            app = Flask(__name__)
            app.run(debug=True)
            """,
        Fix: """app.run(debug=os.environ.get("FLASK_DEBUG") == "1")  # and never enable it in production""",
        References: [Bandit.Doc("B201", "flask_debug_true"), Bandit.Cwe(94),
                     "https://flask.palletsprojects.com/en/latest/debugging/"])
    {
        Compliance = Compliance.Misconfiguration,
        Aliases = ["S201"],
    };

    public override CallInterest? Calls { get; } = new() { LastNames = ["run"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.Node.Func is not Bulwark.Python.Syntax.AttributeExpr { Attr: "run" } || !context.Semantic.IsImportedLike("flask")) return;
        if (call.Keyword("debug") is { } debug && context.Semantic.Evaluate(debug.Value) is { IsTrue: true })
            context.Report(this, debug.Value, "A Flask app is run with `debug=True`: the Werkzeug debugger allows arbitrary code execution.");
    }
}
