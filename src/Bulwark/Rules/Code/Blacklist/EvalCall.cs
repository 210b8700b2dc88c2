using Bulwark.Core;
using Bulwark.Python.Syntax;

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
        DifferencesFromBandit = """
            In the default profile a code built only from constants and numbers on every path (literals, module
            constants, `int(...)`, joins and f-strings of those) is not reported: nothing outside the program can change
            it. Data from a request, the command line or the environment reaching it is reported by INJ003 (code injection)
            with its path, which replaces this finding on the same line. `--profile bandit` reports as Bandit does.
            """,
    };

    /// <summary>In the default profile, code built only from constants: there is nothing to inject.</summary>
    protected override bool Harmless(Call call, CodeContext context) =>
        call.Args.Count > 0 && call.Args[0] is not Starred && ProvenSafe.SkipInDefaultProfile(context, call.Args[0]);

    protected override string Message(string name) =>
        "Use of `eval`: it executes arbitrary code; for data, use `ast.literal_eval` or a parser.";
}
