using Bulwark.Core;

namespace Bulwark.Rules.Injection;

/// <summary>INJ015 — Log injection: attacker-controlled data reaching a `log` sink unsanitised.</summary>
public sealed class LogInjection : TaintRule
{
    public override RuleInfo Info { get; } = new(
        Id: "INJ015", Name: "log-injection", Family: Family.Injection,
        Severity: Severity.Low, Confidence: Confidence.High, Cwe: 117,
        What: """
            Request data written to a log through the `logging` module (loggers, `logging.info` and kin), as part of the message or as a `%s` argument. Values with line breaks removed (`replace("\n", ...)`, `re.sub` of `\r`/`\n`), `json.dumps`, `!r`/`repr()` (and a `%r` argument, which the logger writes with `repr()`), and numbers (a `%d` argument) are safe.
            """,
        Why: """
            Line breaks in a logged value forge log entries, hiding an attack or framing another user; log viewers may also render injected markup.
            """,
        Example: "log.warning(\"failed login for %s\", request.form[\"user\"])",
        Fix: "user = request.form[\"user\"].replace(\"\\r\", \"\").replace(\"\\n\", \"\")\nlog.warning(\"failed login for %s\", user)",
        References: ["https://cwe.mitre.org/data/definitions/117.html",
                     "https://owasp.org/www-community/attacks/Log_Injection"])
    {
        Compliance = Compliance.LogInjection,
        Aliases = [],
        Profiles = RuleProfile.Default,
        DifferencesFromBandit = """
            Bandit has no log-injection check.
            """,
    };

    public override string SinkKind => "log";
    public override IReadOnlyList<string> SourceKinds => RemoteOnly;
    public override string Weakness => "Log injection";
}
