using Bulwark.Core;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>B307 — the builtin `eval`.</summary>
public sealed class EvalCall : BlacklistedCall
{
    // `builtins.eval` is Bulwark's addition: the same function reached explicitly.
    static readonly string[] Names = ["eval", "builtins.eval"];

    protected override IReadOnlyList<string> QualifiedNames => Names;

    public override RuleInfo Info { get; } = new(
        Id: "B307", Name: "eval", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 78,
        What: """
            Calls to the builtin `eval` (by its bare name, or as `builtins.eval`). Methods named `eval` (`df.eval`,
            `self.eval`) are not reported.
            """,
        Why: """
            `eval` runs any Python expression, so a string that contains user input can call
            `__import__('os').system(...)`. Restricting globals does not make it safe.
            """,
        Example: """value = eval(request.args["value"])""",
        Fix: """value = ast.literal_eval(request.args["value"])  # literals only""",
        References: ["https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b307-eval",
                     "https://docs.python.org/3/library/ast.html#ast.literal_eval"])
    {
        Compliance = Compliance.Injection,
        Aliases = ["S307"],
    };

    protected override string Message(string name) =>
        "Use of `eval`: it executes arbitrary code; for data, use `ast.literal_eval` or a parser.";
}
