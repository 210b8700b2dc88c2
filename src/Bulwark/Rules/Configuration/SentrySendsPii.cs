using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Configuration;

/// <summary>CFG401 — Sentry configured to send personal data with every event.</summary>
public sealed class SentrySendsPii : CallRule
{
    public override RuleInfo Info { get; } = new(
        Id: "CFG401", Name: "sentry-send-default-pii", Family: Family.Configuration,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 359,
        What: """
            `sentry_sdk.init(send_default_pii=True)` (also through `sentry_sdk.Client`), the value a true constant.
            """,
        Why: """
            With `send_default_pii` Sentry's integrations attach users' IP addresses, user ids and e-mail addresses,
            cookies, request bodies and headers (session cookies and `Authorization` included) to every error sent to
            a third party: personal data and credentials leave the system.
            """,
        Example: """
            sentry_sdk.init(dsn=os.environ["SENTRY_DSN"], send_default_pii=True)
            """,
        Fix: """
            sentry_sdk.init(
                dsn=os.environ["SENTRY_DSN"],
                send_default_pii=False,      # the default
                before_send=scrub_event,     # drop what you do not need
            )
            """,
        References: ["https://docs.sentry.io/platforms/python/configuration/options/#send-default-pii",
                     "https://docs.sentry.io/platforms/python/data-management/sensitive-data/"])
    {
        Compliance = Compliance.SecretExposure,
    };

    public override CallInterest? Calls { get; } = new() { Names = ["sentry_sdk.init", "sentry_sdk.Client"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.QualifiedName is not ("sentry_sdk.init" or "sentry_sdk.Client")) return;
        if (call.Keyword("send_default_pii") is { } kw && context.Semantic.Evaluate(kw.Value) is { Truthy: true, Kind: ValueKind.Bool })
            context.Report(this, kw.Value, "Sentry sends personal data (IPs, cookies, headers, request bodies) with every event: `send_default_pii=True`.");
    }
}
