using Bulwark.Core;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Code;

/// <summary>B110 — an exception handler whose whole body is `pass`.</summary>
public sealed class TryExceptPass : CodeRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B110", Name: "try-except-pass", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.High, Cwe: 703,
        What: """
            `except:` or `except Exception:` handlers whose only statement is `pass` (with `check_typed_exception`,
            handlers for any type).
            """,
        Why: """
            Swallowing every error hides failed security checks, half-applied changes and attacks in progress: the
            program continues in a state nobody anticipated and leaves no trace.
            """,
        Example: """
            try:
                verify_signature(token)
            except Exception:
                pass
            """,
        Fix: """
            try:
                verify_signature(token)
            except InvalidSignature:
                log.warning("rejected token")
                raise
            """,
        References: [Bandit.Doc("B110", "try_except_pass"), Bandit.Cwe(703)])
    {
        Compliance = Compliance.ErrorHandling,
        Aliases = ["S110"],
        Options = [new RuleOptionInfo("check_typed_exception", RuleOptionType.Bool, false,
            "Also report handlers of specific exception types (`except KeyError: pass`).")],
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.ExceptHandler];

    public override void Check(Node node, CodeContext context)
    {
        var handler = (ExceptHandler)node;
        if (handler.Body is [Pass] && ExceptHandlers.CatchesBroadly(handler, context.Options(this).Bool("check_typed_exception")))
            context.Report(this, handler, "`try`/`except`/`pass`: errors are silently ignored.");
    }
}
