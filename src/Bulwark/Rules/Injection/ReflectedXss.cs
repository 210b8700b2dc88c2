using Bulwark.Core;

namespace Bulwark.Rules.Injection;

/// <summary>INJ007 — Cross-site scripting: attacker-controlled data reaching a `xss` sink unsanitised.</summary>
public sealed class ReflectedXss : TaintRule
{
    public override RuleInfo Info { get; } = new(
        Id: "INJ007", Name: "reflected-xss", Family: Family.Injection,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 79,
        What: """
            Request data placed in an HTML response without escaping: a string returned from a Flask or Bottle view or from a FastAPI or Starlette route declared with `response_class=HTMLResponse` (or a subclass), `make_response` and `Response`, Django `HttpResponse` and `StreamingHttpResponse`, Pyramid/WebOb `Response` (each unless it declares a non-HTML content type: a `mimetype` or `content_type` argument, by keyword or position, or a `Content-Type` entry of a constant headers dict), `HTMLResponse`, aiohttp `web.Response(content_type="text/html")`, Sanic `html()`, a string a Tornado handler writes (`self.write`, `self.finish`: text/html unless the handler declares another content type), what an `http.server` handler writes to `self.wfile` (unless it sends a non-HTML `Content-Type`), `Markup`/`mark_safe` around such text, and a value passed to `render`/`render_template` that the scanned template prints unescaped (`{{ bio|safe }}`, `{% autoescape off %}`). Otherwise autoescaped templates (`render_template`, `render`), `html.escape`, `markupsafe.escape`, `format_html`, `Markup(...).format(...)`, Bottle `template`, and JSON or plain-text responses (including a Flask view's `(body, status, headers)` tuple whose `Content-Type` is not HTML, and a dict a Tornado handler writes) are safe.
            """,
        Why: """
            Markup or script in the response runs in the victim's browser with the site's origin: session theft, actions on the user's behalf, defacement.
            """,
        Example: "name = request.args.get(\"name\", \"\")\nreturn f\"<h1>Hello {name}</h1>\"",
        Fix: "name = request.args.get(\"name\", \"\")\nreturn render_template(\"hello.html\", name=name)  # autoescaped",
        References: ["https://cwe.mitre.org/data/definitions/79.html",
                     "https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html"])
    {
        Compliance = Compliance.Injection,
        Aliases = ["B703", "B704", "B308", "S308", "S704"],
        Profiles = RuleProfile.Default,
        DifferencesFromBandit = """
            Bandit's B703/B704/B308 report every `mark_safe`/`Markup` call on non-constant text; this rule reports request data reaching HTML, including plain string responses Bandit cannot see.
            """,
    };

    public override string SinkKind => "xss";
    public override IReadOnlyList<string> SourceKinds => RemoteOnly;
    public override string Weakness => "Cross-site scripting";

    public override IReadOnlyList<string> Replaces { get; } = ["B703", "B704", "B308"];
}
