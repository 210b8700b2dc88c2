using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B605 — a function that always runs its command through a shell.</summary>
public sealed class StartProcessWithAShell : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B605", Name: "start-process-with-a-shell", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 78,
        What: """
            Calls to functions that start a process through a shell (`os.system`, `os.popen`, `subprocess.getoutput`, …
            — the `shell` option). A literal command is reported with low severity.
            """,
        Why: """
            The command line is interpreted by `/bin/sh`: any input formatted into it can add commands with `;`, `|`,
            `$(...)` or backquotes.
            """,
        Example: """os.system("ping -c 1 " + host)""",
        Fix: """subprocess.run(["ping", "-c", "1", host], check=True)""",
        References: [Bandit.Doc("B605", "start_process_with_a_shell"), Bandit.Cwe(78)])
    {
        Compliance = Compliance.Injection,
        Aliases = ["S605"],
        DifferencesFromBandit = """
            In the default profile a command built only from constants and numbers on every path (literals, module
            constants, `int(...)`, joins and f-strings of those) is not reported: nothing outside the program can change
            it. Data from a request, the command line or the environment reaching it is reported by INJ002 (command injection)
            with its path, which replaces this finding on the same line. `--profile bandit` reports as Bandit does.
            """,
        Options = ShellFunctions.Options,
    };

    public override CallInterest? CallsFor(ScanSettings settings) => ShellFunctions.Interest(this, settings, "shell");

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.QualifiedName is not { } name || !ShellFunctions.List(context, this, "shell").Contains(name) || call.PositionalCount == 0) return;
        if (ProvenSafe.SkipInDefaultProfile(context, call.Positional(0))) return;
        if (ShellFunctions.CommandIsLiteral(call.Node))
            context.Report(this, call.Node, $"Starting a process with a shell (`{name}`): a literal command seems safe, but consider a list without shell.",
                Severity.Low, Confidence.High);
        else
            context.Report(this, call.Node, $"Starting a process with a shell (`{name}`): possible command injection.");
    }
}
