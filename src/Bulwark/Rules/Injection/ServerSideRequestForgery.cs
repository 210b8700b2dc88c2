using Bulwark.Core;

namespace Bulwark.Rules.Injection;

/// <summary>INJ005 — Server-side request forgery: attacker-controlled data reaching a `ssrf` sink unsanitised.</summary>
public sealed class ServerSideRequestForgery : TaintRule
{
    public override RuleInfo Info { get; } = new(
        Id: "INJ005", Name: "server-side-request-forgery", Family: Family.Injection,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 918,
        What: """
            Request data that decides the URL or host the server fetches: `requests`, `httpx`, `urllib`, `urllib3`, `aiohttp` and Tornado (`AsyncHTTPClient.fetch`) clients, `http.client` connections, and the URL an Azure SDK client (Key Vault, Storage, Tables, Cosmos DB) is made for, where it sends its credential. A fixed scheme and host with the data only in the path (percent-encoded) or in `params=`, a host checked against an allowlist, and URLs looked up in a constant table are safe.
            """,
        Why: """
            The server's requests reach what the attacker cannot: internal services, cloud metadata endpoints, localhost administration interfaces.
            """,
        Example: "url = request.args[\"url\"]\nreturn requests.get(url, timeout=5).text",
        Fix: "name = request.args[\"service\"]\nreturn requests.get(SERVICES[name], timeout=5).text  # SERVICES: a constant table",
        References: ["https://cwe.mitre.org/data/definitions/918.html",
                     "https://cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html"])
    {
        Compliance = Compliance.ServerSideRequestForgery,
        Aliases = ["B310", "S310"],
        Profiles = RuleProfile.Default,
        DifferencesFromBandit = """
            Bandit's B310 reports every `urllib.urlopen` (for its schemes), not whether the URL comes from a request.
            """,
    };

    public override string SinkKind => "ssrf";
    public override IReadOnlyList<string> SourceKinds => RemoteOnly;
    public override string Weakness => "Server-side request forgery";

    public override IReadOnlyList<string> Replaces { get; } = ["B310", "BW310"];
}
