using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B603 — a subprocess call without a shell (still worth checking its inputs).</summary>
public sealed class SubprocessWithoutShell : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B603", Name: "subprocess-without-shell-equals-true", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.High, Cwe: 78,
        What: "Calls to `subprocess` functions (the `subprocess` option) without `shell=True`.",
        Why: """
            Without a shell there is no metacharacter injection, but an attacker who controls the program or its
            arguments can still run something unintended (`--` options, another executable). An audit reminder rather
            than a vulnerability.
            """,
        Example: "subprocess.run([tool, user_arg])",
        Fix: """subprocess.run(["/usr/bin/convert", "--", user_arg])  # fixed program, end of options""",
        References: [Bandit.Doc("B603", "subprocess_without_shell_equals_true"), Bandit.Cwe(78)])
    {
        Compliance = Compliance.Injection,
        Aliases = ["S603"],
        Options = ShellFunctions.Options,
    };

    public override CallInterest? CallsFor(ScanSettings settings) => ShellFunctions.Interest(this, settings, "subprocess");

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.QualifiedName is { } name && ShellFunctions.List(context, this, "subprocess").Contains(name) && !call.ShellIsOn)
            context.Report(this, call.Node, $"`{name}` without a shell: check for execution of untrusted input.");
    }
}
