using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B604 — a function other than the known subprocess ones called with `shell=True`.</summary>
public sealed class AnyOtherFunctionWithShell : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B604", Name: "any-other-function-with-shell-equals-true", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.Low, Cwe: 78,
        What: """
            Calls to any function not listed in the `subprocess` option with a `shell=` argument that is true or not
            known at analysis time.
            """,
        Why: """
            A `shell=True` parameter usually means a wrapper around `subprocess` that runs its command through
            `/bin/sh`, with the same injection risk.
            """,
        Example: """run_tool("grep " + pattern, shell=True)""",
        Fix: """run_tool(["grep", "--", pattern])""",
        References: [Bandit.Doc("B604", "any_other_function_with_shell_equals_true"), Bandit.Cwe(78)])
    {
        Compliance = Compliance.Injection,
        Aliases = ["S604"],
        DifferencesFromBandit = """
            In the default profile a command built only from constants and numbers on every path (literals, module
            constants, `int(...)`, joins and f-strings of those) is not reported: nothing outside the program can change
            it. Data from a request, the command line or the environment reaching it is reported by INJ002 (command injection)
            with its path, which replaces this finding on the same line. The default profile also reports only a
            `shell=` known to be true (`True`, `1`, a constant that is), as Ruff's S604 does: Bandit counts any other
            value as true, so every `shell=shell` passing an object named so (IPython's shell, a parser's) was reported.
            A wrapper's own `subprocess` call with `shell=flag` is still B602's. `--profile bandit` reports as Bandit does.
            """,
        Options = ShellFunctions.Options,
    };

    /// <summary>Only a call passing `shell=` can run a shell.</summary>
    public override CallInterest? Calls { get; } = new() { Keywords = ["shell"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (!call.HasKeyword("shell")) return; // without `shell=` the shell is off: nothing to report
        var name = call.QualifiedName;
        if (name is not null && ShellFunctions.List(context, this, "subprocess").Contains(name)) return;
        if (call.ShellIsOn && call.PositionalCount > 0 && ProvenSafe.SkipInDefaultProfile(context, call.Positional(0))) return;
        // A value not known at analysis time counts as on for Bandit; the default profile wants it known to be true.
        if (context.Settings.Profile != RuleProfile.Bandit && context.Semantic.Truthiness(call.Keyword("shell")!.Value) != true) return;
        if (call.ShellIsOn)
            context.Report(this, call.Node, $"Function call with `shell=True`{(call.LooseName is { } n ? $" (`{n}`)" : "")}: possible shell injection.");
    }
}
