using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B612 — `logging.config.listen` without a verification function.</summary>
public sealed class LoggingConfigInsecureListen : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B612", Name: "logging-config-insecure-listen", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 94,
        What: "`logging.config.listen(...)` calls without `verify=`.",
        Why: """
            The listener accepts logging configurations from the network and applies them; configuration files can name
            arbitrary callables, so anyone who can connect to the port runs code in the process.
            """,
        Example: "t = logging.config.listen(9999)",
        Fix: "t = logging.config.listen(9999, verify=check_signature)",
        References: [Bandit.Doc("B612", "logging_config_insecure_listen"), Bandit.Cwe(94),
                     "https://docs.python.org/3/library/logging.config.html#logging.config.listen"])
    {
        Compliance = Compliance.Misconfiguration,
        Aliases = ["S612"],
    };

    public override CallInterest? Calls { get; } = new() { Names = ["logging.config.listen"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.Resolves("logging.config.listen") && !call.HasKeyword("verify"))
            context.Report(this, call.Node, "Use of insecure `logging.config.listen` without `verify=`: configurations from the network can run code.");
    }
}
