using Bulwark.Core;

namespace Bulwark.Reports;

/// <summary>
/// A security-review area and the principles an auditor asks about for it. Findings map to an area by CWE
/// first (weak crypto belongs under encryption whatever its family) and otherwise by family.
/// Guidance for reviewers, not a compliance determination.
/// </summary>
public sealed record ControlArea(string Key, string Title, string Principle, string Gdpr, string Hipaa, IReadOnlyList<int> Cwes, Family? Family);

public static class ControlMapping
{
    public static IReadOnlyList<ControlArea> Areas { get; } =
    [
        new("crypto", "Encryption and transport security",
            "Personal data is encrypted at rest and in transit with current algorithms, and TLS certificates are verified.",
            "Art. 32(1)(a) encryption of personal data",
            "§164.312(e)(1) transmission security; §164.312(a)(2)(iv) encryption and decryption",
            [295, 297, 311, 312, 319, 326, 327, 328, 330, 338, 757, 916], null),
        new("logging", "Data minimisation in logs and errors",
            "Logs, error pages and debug output do not carry more personal or secret data than needed.",
            "Art. 5(1)(c) data minimisation; Art. 32(1)(b) confidentiality",
            "§164.502(b) minimum necessary; §164.312(b) audit controls",
            [200, 209, 215, 359, 532], null),
        new("secrets", "Credentials and access control",
            "Credentials are not embedded in code or configuration; only authorised people and systems can use them.",
            "Art. 32(1)(b) confidentiality and integrity of processing systems",
            "§164.312(a)(1) access control; §164.312(d) person or entity authentication",
            [259, 321, 522, 798], Core.Family.Secrets),
        new("injection", "Input handling and integrity of processing",
            "Untrusted input cannot change queries, commands, templates or deserialised objects.",
            "Art. 32(1)(b) integrity of processing systems",
            "§164.312(c)(1) integrity",
            [], Core.Family.Injection),
        new("code", "Secure coding",
            "Code avoids dangerous constructs (dynamic evaluation, unsafe deserialisation, insecure temporary files) that undermine the other controls.",
            "Art. 25(1) data protection by design; Art. 32(1)(b) integrity",
            "§164.312(c)(1) integrity; §164.308(a)(1)(ii)(B) risk management",
            [], Core.Family.Code),
        new("configuration", "Secure configuration and defaults",
            "Frameworks run with secure settings: debug off, secure cookies, CSRF and host checks on.",
            "Art. 25(2) data protection by default; Art. 32(1)(b) confidentiality",
            "§164.312(a)(1) access control; §164.312(e)(1) transmission security",
            [], Core.Family.Configuration),
        new("dependencies", "Vulnerability management",
            "Third-party components are pinned, known-vulnerable versions are upgraded, and this is checked regularly.",
            "Art. 32(1)(d) regular testing and evaluation of security measures",
            "§164.308(a)(1)(ii)(A) risk analysis; §164.308(a)(1)(ii)(B) risk management",
            [1035, 1104, 1395], Core.Family.Dependencies),
        new("ci", "Build and release integrity",
            "CI workflows cannot be hijacked by untrusted input or moved dependencies, and have least-privilege tokens.",
            "Art. 32(1)(b) integrity and resilience of processing systems",
            "§164.312(c)(1) integrity; §164.308(a)(1)(ii)(B) risk management",
            [], Core.Family.Ci),
    ];

    /// <summary>The area a rule's findings belong to: by CWE when one matches, else by family.</summary>
    public static ControlArea AreaOf(RuleInfo rule)
    {
        if (rule.Cwe is { } cwe)
            foreach (var area in Areas)
                foreach (var c in area.Cwes)
                    if (c == cwe) return area;
        foreach (var area in Areas)
            if (area.Family == rule.Family) return area;
        throw new InvalidOperationException($"no control area for family {rule.Family}");
    }
}
