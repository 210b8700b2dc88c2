using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B602 — a subprocess function called with `shell=True`.</summary>
public sealed class SubprocessPopenWithShell : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B602", Name: "subprocess-popen-with-shell-equals-true", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 78,
        What: """
            Calls to `subprocess` functions (`Popen`, `run`, `call`, `check_call`, `check_output`, and any configured in
            `subprocess`) with a `shell=` argument that is true or not known at analysis time. A literal command is
            reported with low severity.
            """,
        Why: """
            With `shell=True` the command line is interpreted by `/bin/sh`: if any part of it comes from a user,
            metacharacters such as `;`, `|` or `$(...)` run commands of the attacker's choosing. A literal command is
            safe until someone formats input into it.
            """,
        Example: """subprocess.run(f"convert {upload} out.png", shell=True)""",
        Fix: """subprocess.run(["convert", upload, "out.png"])  # a list, no shell""",
        References: [Bandit.Doc("B602", "subprocess_popen_with_shell_equals_true"), Bandit.Cwe(78),
                     "https://docs.python.org/3/library/subprocess.html#security-considerations"])
    {
        Compliance = Compliance.Injection,
        Aliases = ["S602"],
        DifferencesFromBandit = """
            In the default profile a command built only from constants and numbers on every path (literals, module
            constants, `int(...)`, joins and f-strings of those) is not reported: nothing outside the program can change
            it. Data from a request, the command line or the environment reaching it is reported by INJ002 (command injection)
            with its path, which replaces this finding on the same line. `--profile bandit` reports as Bandit does.
            """,
        Options = ShellFunctions.Options,
    };

    public override CallInterest? CallsFor(ScanSettings settings) => ShellFunctions.Interest(this, settings, "subprocess");

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.QualifiedName is not { } name || !ShellFunctions.List(context, this, "subprocess").Contains(name)) return;
        if (!call.ShellIsOn || call.PositionalCount == 0) return;
        if (ProvenSafe.SkipInDefaultProfile(context, call.Positional(0))) return;
        if (ShellFunctions.CommandIsLiteral(call.Node))
            context.Report(this, call.Node, $"`{name}` with `shell=True` runs a literal command through the shell: safe as written, but consider a list without shell.",
                Severity.Low, Confidence.High);
        else
            context.Report(this, call.Node, $"`{name}` with `shell=True`: a command built from data can inject shell commands.");
    }
}
