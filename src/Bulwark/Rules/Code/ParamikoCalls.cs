using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B601 — a command run over SSH with Paramiko.</summary>
public sealed class ParamikoCalls : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B601", Name: "paramiko-calls", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.Medium, Cwe: 78,
        What: "In modules that import Paramiko, calls to `exec_command(...)`.",
        Why: """
            The command string is interpreted by the remote user's shell: input formatted into it runs arbitrary
            commands on the remote host.
            """,
        Example: """client.exec_command("tail -n 100 " + logfile)""",
        Fix: """client.exec_command("tail -n 100 " + shlex.quote(logfile))""",
        References: [Bandit.Doc("B601", "paramiko_calls"), Bandit.Cwe(78)])
    {
        Compliance = Compliance.Injection,
        Aliases = ["S601"],
    };

    public override CallInterest? Calls { get; } = new() { LastNames = ["exec_command"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.Name == "exec_command" && context.Semantic.IsImportedLike("paramiko"))
            context.Report(this, call.Node, "Possible shell injection through Paramiko `exec_command`: check the command's inputs are quoted or validated.");
    }
}
