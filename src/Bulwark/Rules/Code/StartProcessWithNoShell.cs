using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B606 — a function that starts a process without a shell.</summary>
public sealed class StartProcessWithNoShell : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B606", Name: "start-process-with-no-shell", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.Medium, Cwe: 78,
        What: "Calls to `os.exec*`, `os.spawn*`, `os.startfile` and the other functions of the `no_shell` option.",
        Why: """
            No shell injection is possible, but a program path or arguments taken from input still let an attacker run
            something unintended. An audit reminder.
            """,
        Example: "os.execvp(program, [program, *args])",
        Fix: """os.execv("/usr/bin/tool", ["tool", "--", *args])""",
        References: [Bandit.Doc("B606", "start_process_with_no_shell"), Bandit.Cwe(78)])
    {
        Compliance = Compliance.Injection,
        Aliases = ["S606"],
        Options = ShellFunctions.Options,
    };

    public override CallInterest? CallsFor(ScanSettings settings) => ShellFunctions.Interest(this, settings, "no_shell");

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.QualifiedName is { } name && ShellFunctions.List(context, this, "no_shell").Contains(name))
            context.Report(this, call.Node, $"Starting a process without a shell (`{name}`): check its program and arguments.");
    }
}
