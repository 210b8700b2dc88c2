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
        DifferencesFromBandit = """
            In the default profile a program and arguments built only from constants and numbers on every path
            (literals, module constants, `int(...)`, `sys.executable`, lists of those, a list filled by
            `append`/`extend` of those and not handed to other code before the call) are not reported, nor is an
            `executable=` of that kind: nothing outside the program can change what runs. Data from a request, the
            command line or the environment reaching the command is reported by INJ002 (command injection) with its
            path. `--profile bandit` reports every call, as Bandit does.
            """,
        Options = ShellFunctions.Options,
    };

    public override CallInterest? CallsFor(ScanSettings settings) => ShellFunctions.Interest(this, settings, "subprocess");

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.QualifiedName is not { } name || !ShellFunctions.List(context, this, "subprocess").Contains(name) || call.ShellIsOn) return;
        if (ProvenSafe.SkipInDefaultProfile(context, call.Arg("args", 0))
            && (call.Keyword("executable") is not { } executable || ProvenSafe.SkipInDefaultProfile(context, executable.Value))) return;
        context.Report(this, call.Node, $"`{name}` without a shell: check for execution of untrusted input.");
    }
}
