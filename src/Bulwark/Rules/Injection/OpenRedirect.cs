using Bulwark.Core;

namespace Bulwark.Rules.Injection;

/// <summary>INJ006 — Open redirect: attacker-controlled data reaching a `redirect` sink unsanitised.</summary>
public sealed class OpenRedirect : TaintRule
{
    public override RuleInfo Info { get; } = new(
        Id: "INJ006", Name: "open-redirect", Family: Family.Injection,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 601,
        What: """
            Request data used as the target of a redirect: Flask `redirect`, Django `redirect`/`HttpResponseRedirect`, Starlette/FastAPI `RedirectResponse`, aiohttp `HTTPFound`, Tornado `self.redirect`, Bottle and Sanic `redirect`, Pyramid and Falcon `HTTPFound`/`HTTPSeeOther`. Safe: `url_for`/`reverse`/`reverse_url`/`route_url`, `url_has_allowed_host_and_scheme` (and a method named `is_safe_url`, which wraps it), the project's own check used as a condition when its name says it checks a redirect target (`validate_redirect_url(next)`, `is_safe_next(url)`: a safety word such as safe, allowed, local or relative, or valid with redirect or next — not `is_valid_url`), an allowlist, a query or fragment after a `?` or `#`, a fixed host, a local path prefix other than a bare `/` (which `//evil.example` defeats).
            """,
        Why: """
            A link to the trusted site that sends the user to an attacker's page makes phishing credible and can leak tokens carried in the URL.
            """,
        Example: "return redirect(request.args.get(\"next\", \"/\"))",
        Fix: "target = request.args.get(\"next\", \"/\")\nif not url_has_allowed_host_and_scheme(target, allowed_hosts={request.host}):\n    target = \"/\"\nreturn redirect(target)",
        References: ["https://cwe.mitre.org/data/definitions/601.html",
                     "https://cheatsheetseries.owasp.org/cheatsheets/Unvalidated_Redirects_and_Forwards_Cheat_Sheet.html"])
    {
        Compliance = Compliance.Injection with { Owasp = Owasp2021.A01BrokenAccessControl },
        Aliases = [],
        Profiles = RuleProfile.Default,
        DifferencesFromBandit = """
            Bandit has no open-redirect check.
            """,
    };

    public override string SinkKind => "redirect";
    public override IReadOnlyList<string> SourceKinds => RemoteOnly;
    public override string Weakness => "Open redirect";
}
