using Bulwark.Core;

namespace Bulwark.Rules.Injection;

/// <summary>INJ009 — LDAP injection: attacker-controlled data reaching a `ldap` sink unsanitised.</summary>
public sealed class LdapInjection : TaintRule
{
    public override RuleInfo Info { get; } = new(
        Id: "INJ009", Name: "ldap-injection", Family: Family.Injection,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 90,
        What: """
            Request data in an LDAP search filter or base DN: python-ldap `search*`, ldap3 `Connection.search`. Values escaped with `escape_filter_chars` (python-ldap or ldap3) are safe.
            """,
        Why: """
            Filter metacharacters (`*`, `(`, `)`, `|`, `&`) change the query: authentication bypass, or reading entries the user should not see.
            """,
        Example: "conn.search_s(BASE, ldap.SCOPE_SUBTREE, f\"(uid={request.args['user']})\")",
        Fix: "user = ldap.filter.escape_filter_chars(request.args[\"user\"])\nconn.search_s(BASE, ldap.SCOPE_SUBTREE, f\"(uid={user})\")",
        References: ["https://cwe.mitre.org/data/definitions/90.html",
                     "https://cheatsheetseries.owasp.org/cheatsheets/LDAP_Injection_Prevention_Cheat_Sheet.html"])
    {
        Compliance = Compliance.Injection,
        Aliases = [],
        Profiles = RuleProfile.Default,
        DifferencesFromBandit = """
            Bandit has no LDAP-injection check.
            """,
    };

    public override string SinkKind => "ldap";
    public override IReadOnlyList<string> SourceKinds => RemoteOnly;
    public override string Weakness => "LDAP injection";
}
