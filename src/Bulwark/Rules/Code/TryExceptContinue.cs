using Bulwark.Core;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Code;

/// <summary>B112 — an exception handler whose whole body is `continue`.</summary>
public sealed class TryExceptContinue : CodeRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B112", Name: "try-except-continue", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.High, Cwe: 703,
        What: """
            `except:` or `except Exception:` handlers in a loop whose only statement is `continue` (with
            `check_typed_exception`, handlers for any type).
            """,
        Why: """
            Skipping every failing item silently hides errors, including the ones an attacker provokes to get past a
            check, and leaves no trace of them.
            """,
        Example: """
            for row in rows:
                try:
                    check(row)
                except Exception:
                    continue
            """,
        Fix: """
            for row in rows:
                try:
                    check(row)
                except ValidationError as e:
                    log.warning("skipped row %s: %s", row.id, e)
                    continue
            """,
        References: [Bandit.Doc("B112", "try_except_continue"), Bandit.Cwe(703)])
    {
        Compliance = Compliance.ErrorHandling,
        Aliases = ["S112"],
        Options = [new RuleOptionInfo("check_typed_exception", RuleOptionType.Bool, false,
            "Also report handlers of specific exception types (`except KeyError: continue`).")],
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.ExceptHandler];

    public override void Check(Node node, CodeContext context)
    {
        var handler = (ExceptHandler)node;
        if (handler.Body is [Continue] && ExceptHandlers.CatchesBroadly(handler, context.Options(this).Bool("check_typed_exception")))
            context.Report(this, handler, "`try`/`except`/`continue`: errors are silently skipped.");
    }
}
