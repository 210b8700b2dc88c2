using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B102 — the `exec` builtin.</summary>
public sealed class ExecUsed : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B102", Name: "exec-used", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 78,
        What: "Calls to the builtin `exec` (not to a local function or method of that name).",
        Why: """
            `exec` runs any Python code it is given; if the string is built from input, an attacker runs code in the
            process with its privileges. Bandit files it under CWE-78, kept here for compatibility.
            """,
        Example: """exec("result = " + request.args["expr"])""",
        Fix: """result = ast.literal_eval(request.args["expr"])  # or a dispatch table of allowed operations""",
        References: [Bandit.Doc("B102", "exec_used"), "https://docs.python.org/3/library/functions.html#exec", Bandit.Cwe(78)])
    {
        Compliance = Compliance.Injection,
        Aliases = ["S102"],
        DifferencesFromBandit = """
            In the default profile a code built only from constants and numbers on every path (literals, module
            constants, `int(...)`, joins and f-strings of those) is not reported: nothing outside the program can change
            it. Data from a request, the command line or the environment reaching it is reported by INJ003 (code injection)
            with its path, which replaces this finding on the same line. `--profile bandit` reports as Bandit does.
            """,
    };

    public override CallInterest? Calls { get; } = new() { Names = ["exec", "builtins.exec"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.Resolves("exec") || call.Resolves("builtins.exec"))
            if (!ProvenSafe.SkipInDefaultProfile(context, call.Positional(0)))
            context.Report(this, call.Node, "Use of `exec`: code built from data runs with the application's privileges.");
    }
}
