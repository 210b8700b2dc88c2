using Bulwark.Core;

namespace Bulwark.Rules.Injection;

/// <summary>INJ014 — HTTP header injection: attacker-controlled data reaching a `header` sink unsanitised.</summary>
public sealed class HeaderInjection : TaintRule
{
    public override RuleInfo Info { get; } = new(
        Id: "INJ014", Name: "http-header-injection", Family: Family.Injection,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 113,
        What: """
            Request data written into a response header: `response.headers[...] = value`, `response[...] = value` (Django), `headers=` of a response constructor, `set_cookie` values. Values percent-encoded with `urllib.parse.quote`, numbers and UUIDs are safe. Servers that reject CR/LF in headers (Werkzeug, Django, h11) stop response splitting, not header spoofing, so a tainted value is still reported.
            """,
        Why: """
            CR/LF in a header value splits the response (cache poisoning, injected content); other characters forge header parameters such as a download's file name.
            """,
        Example: "resp.headers[\"Content-Disposition\"] = f\"attachment; filename={request.args['name']}\"",
        Fix: "name = quote(request.args[\"name\"])\nresp.headers[\"Content-Disposition\"] = f\"attachment; filename*=UTF-8''{name}\"",
        References: ["https://cwe.mitre.org/data/definitions/113.html",
                     "https://owasp.org/www-community/attacks/HTTP_Response_Splitting"])
    {
        Compliance = Compliance.Injection,
        Aliases = [],
        Profiles = RuleProfile.Default,
        DifferencesFromBandit = """
            Bandit has no header-injection check.
            """,
    };

    public override string SinkKind => "header";
    public override IReadOnlyList<string> SourceKinds => RemoteOnly;
    public override string Weakness => "HTTP header injection";
}
