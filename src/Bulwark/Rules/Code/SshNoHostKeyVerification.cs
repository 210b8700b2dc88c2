using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B507 — Paramiko told to accept unknown host keys.</summary>
public sealed class SshNoHostKeyVerification : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B507", Name: "ssh-no-host-key-verification", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.Medium, Cwe: 295,
        What: """
            In modules that import Paramiko, `set_missing_host_key_policy(...)` with `AutoAddPolicy` or `WarningPolicy`
            (class or instance).
            """,
        Why: """
            The client trusts whatever key the server presents the first time, so an attacker on the network path can
            impersonate the host and capture credentials and commands.
            """,
        Example: "client.set_missing_host_key_policy(paramiko.AutoAddPolicy())",
        Fix: """
            client.load_system_host_keys()
            client.set_missing_host_key_policy(paramiko.RejectPolicy())
            """,
        References: [Bandit.Doc("B507", "ssh_no_host_key_verification"), Bandit.Cwe(295)])
    {
        Compliance = Compliance.CertificateValidation,
        Aliases = ["S507"],
    };

    public override CallInterest? Calls { get; } = new() { LastNames = ["set_missing_host_key_policy"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.Name != "set_missing_host_key_policy" || call.Positional(0) is not { } policy) return;
        if (!context.Semantic.IsImportedLike("paramiko")) return;
        var name = policy is Call c ? context.Semantic.SymbolName(c.Func) : context.Semantic.SymbolName(policy);
        if (name is "AutoAddPolicy" or "WarningPolicy")
            context.Report(this, call.Node, $"Paramiko host key policy `{name}` trusts unknown host keys.");
    }
}
