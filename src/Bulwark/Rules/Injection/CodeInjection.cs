using Bulwark.Core;

namespace Bulwark.Rules.Injection;

/// <summary>INJ003 — code injection: attacker-controlled data reaching a `code` sink unsanitised.</summary>
public sealed class CodeInjection : TaintRule
{
    public override RuleInfo Info { get; } = new(
        Id: "INJ003", Name: "code-injection", Family: Family.Injection,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 94,
        What: """
            Request data (or command-line input) evaluated as Python code: `eval`, `exec`, `compile`, libraries that evaluate an expression as Python (Pillow's `ImageMath.eval`, `numexpr.evaluate`), or a module imported by a name from the data (`importlib.import_module`, `__import__`, `runpy`). `ast.literal_eval`, constant code with request values only as data, and names checked against an allowlist are safe.
            """,
        Why: """
            Evaluating attacker-supplied text runs arbitrary Python in the server process; importing a module named by the attacker runs that module's code.
            """,
        Example: "expr = request.args[\"expr\"]\nreturn str(eval(expr))",
        Fix: "expr = request.args[\"expr\"]\nreturn str(ast.literal_eval(expr))",
        References: ["https://cwe.mitre.org/data/definitions/94.html",
                     "https://cwe.mitre.org/data/definitions/95.html",
                     "https://docs.python.org/3/library/ast.html#ast.literal_eval"])
    {
        Compliance = Compliance.Injection,
        Aliases = ["B307", "B102", "S307", "S102"],
        Profiles = RuleProfile.Default,
        DifferencesFromBandit = """
            Bandit's B307 and B102 report every `eval`/`exec`, even of constants. This rule reports only evaluation of data an attacker controls.
            """,
    };

    public override string SinkKind => "code";
    public override string Weakness => "code injection";

    public override IReadOnlyList<string> Replaces { get; } = ["B307", "B102"];
}
