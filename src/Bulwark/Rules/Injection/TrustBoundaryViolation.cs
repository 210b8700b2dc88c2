using Bulwark.Core;

namespace Bulwark.Rules.Injection;

/// <summary>INJ013 — Trust boundary violation: attacker-controlled data reaching a `trust-boundary` sink unsanitised.</summary>
public sealed class TrustBoundaryViolation : TaintRule
{
    public override RuleInfo Info { get; } = new(
        Id: "INJ013", Name: "trust-boundary-violation", Family: Family.Injection,
        Severity: Severity.Low, Confidence: Confidence.High, Cwe: 501,
        What: """
            Request data stored in the server-side session without validation (Flask `session`, Django `request.session`, Starlette `request.session`, `aiohttp_session`, and Tornado's signed cookies, `set_secure_cookie`/`set_signed_cookie`, which the application trusts when they come back), as a value or as the key that chooses which entry is set (`session[name] = "1"`). Values checked against an allowlist, converted to numbers, or taken from the database are not reported.
            """,
        Why: """
            Code that reads the session trusts it as the application's own state; unvalidated request data there crosses that boundary and turns later trusted reads into injection points.
            """,
        Example: "session[\"role\"] = request.form[\"role\"]",
        Fix: "role = request.form[\"role\"]\nif role not in ALLOWED_ROLES:\n    abort(400)\nsession[\"role\"] = role",
        References: ["https://cwe.mitre.org/data/definitions/501.html"])
    {
        Compliance = Compliance.InsecureDesign,
        Aliases = [],
        Profiles = RuleProfile.Default,
        DifferencesFromBandit = """
            Bandit has no trust-boundary check.
            """,
    };

    public override string SinkKind => "trust-boundary";
    public override IReadOnlyList<string> SourceKinds => RemoteOnly;
    public override string Weakness => "Trust boundary violation";
}
