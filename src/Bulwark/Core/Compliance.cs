namespace Bulwark.Core;

/// <summary>The seven security principles an auditor asks about. A rule names every principle its findings weaken.</summary>
[Flags]
public enum SecurityPrinciple
{
    None = 0,
    Confidentiality = 1,
    Integrity = 2,
    Availability = 4,
    Authentication = 8,
    Authorization = 16,
    NonRepudiation = 32,
    Accountability = 64,
}

/// <summary>OWASP Top 10, 2021 edition.</summary>
public enum Owasp2021
{
    A01BrokenAccessControl = 1,
    A02CryptographicFailures,
    A03Injection,
    A04InsecureDesign,
    A05SecurityMisconfiguration,
    A06VulnerableAndOutdatedComponents,
    A07IdentificationAndAuthenticationFailures,
    A08SoftwareAndDataIntegrityFailures,
    A09SecurityLoggingAndMonitoringFailures,
    A10ServerSideRequestForgery,
}

/// <summary>The views of the compliance matrix: the principles, two weakness lists and four regulations or standards.</summary>
public enum ComplianceFramework { Principles, Owasp, CweTop25, Gdpr, Hipaa, Ccpa, Pci }

/// <summary>One control of a regulation or standard that a finding can be evidence against.</summary>
/// <param name="Key">Stable machine key (`gdpr-32-1-b`), used in JSON and SARIF tags.</param>
/// <param name="Label">The citation as the text of the regulation numbers it (`Art. 32(1)(b)`).</param>
public sealed record ComplianceControl(ComplianceFramework Framework, string Key, string Label, string Title);

/// <summary>
/// The controls Bulwark maps findings to: GDPR Art. 25 and 32, the HIPAA Security Rule's technical safeguards
/// (45 CFR §164.312), CCPA §1798.150 and PCI DSS 4.0 requirement 6. Data, not logic: rules pick from these
/// through <see cref="Compliance"/> presets.
/// </summary>
public static class ComplianceControls
{
    public static readonly ComplianceControl GdprByDesign = new(ComplianceFramework.Gdpr, "gdpr-25-1", "Art. 25(1)", "Data protection by design");
    public static readonly ComplianceControl GdprByDefault = new(ComplianceFramework.Gdpr, "gdpr-25-2", "Art. 25(2)", "Data protection by default");
    public static readonly ComplianceControl GdprEncryption = new(ComplianceFramework.Gdpr, "gdpr-32-1-a", "Art. 32(1)(a)", "Pseudonymisation and encryption of personal data");
    public static readonly ComplianceControl GdprSystems = new(ComplianceFramework.Gdpr, "gdpr-32-1-b", "Art. 32(1)(b)", "Ongoing confidentiality, integrity, availability and resilience of processing systems");
    public static readonly ComplianceControl GdprRestore = new(ComplianceFramework.Gdpr, "gdpr-32-1-c", "Art. 32(1)(c)", "Restoring availability of and access to personal data after an incident");
    public static readonly ComplianceControl GdprTesting = new(ComplianceFramework.Gdpr, "gdpr-32-1-d", "Art. 32(1)(d)", "Regularly testing and evaluating the effectiveness of security measures");

    public static readonly ComplianceControl HipaaAccess = new(ComplianceFramework.Hipaa, "hipaa-164.312-a-1", "§164.312(a)(1)", "Access control");
    public static readonly ComplianceControl HipaaEncryption = new(ComplianceFramework.Hipaa, "hipaa-164.312-a-2-iv", "§164.312(a)(2)(iv)", "Encryption and decryption");
    public static readonly ComplianceControl HipaaAudit = new(ComplianceFramework.Hipaa, "hipaa-164.312-b", "§164.312(b)", "Audit controls");
    public static readonly ComplianceControl HipaaIntegrity = new(ComplianceFramework.Hipaa, "hipaa-164.312-c-1", "§164.312(c)(1)", "Integrity");
    public static readonly ComplianceControl HipaaAuthenticateData = new(ComplianceFramework.Hipaa, "hipaa-164.312-c-2", "§164.312(c)(2)", "Mechanism to authenticate electronic protected health information");
    public static readonly ComplianceControl HipaaPersonAuthentication = new(ComplianceFramework.Hipaa, "hipaa-164.312-d", "§164.312(d)", "Person or entity authentication");
    public static readonly ComplianceControl HipaaTransmission = new(ComplianceFramework.Hipaa, "hipaa-164.312-e-1", "§164.312(e)(1)", "Transmission security");
    public static readonly ComplianceControl HipaaTransmissionEncryption = new(ComplianceFramework.Hipaa, "hipaa-164.312-e-2-ii", "§164.312(e)(2)(ii)", "Encryption of data in transmission");

    public static readonly ComplianceControl CcpaReasonableSecurity = new(ComplianceFramework.Ccpa, "ccpa-1798.150-a-1-security", "§1798.150(a)(1)", "Reasonable security procedures and practices appropriate to the nature of the personal information");
    public static readonly ComplianceControl CcpaEncryption = new(ComplianceFramework.Ccpa, "ccpa-1798.150-a-1-encryption", "§1798.150(a)(1)", "Personal information kept encrypted or redacted (unauthorised access to nonencrypted, nonredacted data)");

    public static readonly ComplianceControl PciSecureDevelopment = new(ComplianceFramework.Pci, "pci-6.2.1", "6.2.1", "Bespoke and custom software is developed securely");
    public static readonly ComplianceControl PciCodeReview = new(ComplianceFramework.Pci, "pci-6.2.3", "6.2.3", "Bespoke and custom software is reviewed before release");
    public static readonly ComplianceControl PciCommonAttacks = new(ComplianceFramework.Pci, "pci-6.2.4", "6.2.4", "Software engineering techniques prevent or mitigate common software attacks");
    public static readonly ComplianceControl PciVulnerabilities = new(ComplianceFramework.Pci, "pci-6.3.1", "6.3.1", "Security vulnerabilities are identified and managed");
    public static readonly ComplianceControl PciInventory = new(ComplianceFramework.Pci, "pci-6.3.2", "6.3.2", "An inventory of bespoke, custom and third-party software components is maintained");
    public static readonly ComplianceControl PciPatches = new(ComplianceFramework.Pci, "pci-6.3.3", "6.3.3", "System components are protected from known vulnerabilities by installing patches");
    public static readonly ComplianceControl PciChangeControl = new(ComplianceFramework.Pci, "pci-6.5.1", "6.5.1", "Changes to system components are made through an established, controlled procedure");

    /// <summary>Every control, in the order reports list them.</summary>
    public static IReadOnlyList<ComplianceControl> All { get; } =
    [
        GdprByDesign, GdprByDefault, GdprEncryption, GdprSystems, GdprRestore, GdprTesting,
        HipaaAccess, HipaaEncryption, HipaaAudit, HipaaIntegrity, HipaaAuthenticateData, HipaaPersonAuthentication, HipaaTransmission, HipaaTransmissionEncryption,
        CcpaReasonableSecurity, CcpaEncryption,
        PciSecureDevelopment, PciCodeReview, PciCommonAttacks, PciVulnerabilities, PciInventory, PciPatches, PciChangeControl,
    ];
}

/// <summary>The CWE Top 25 Most Dangerous Software Weaknesses (2024 edition), in rank order: data that rules' CWEs are looked up in.</summary>
public static class CweTop25
{
    public const string Edition = "2024";

    public static IReadOnlyList<(int Cwe, string Name)> Entries { get; } =
    [
        (79, "Cross-site scripting"), (787, "Out-of-bounds write"), (89, "SQL injection"), (352, "Cross-site request forgery"),
        (22, "Path traversal"), (125, "Out-of-bounds read"), (78, "OS command injection"), (416, "Use after free"),
        (862, "Missing authorization"), (434, "Unrestricted upload of a dangerous file type"), (94, "Code injection"),
        (20, "Improper input validation"), (77, "Command injection"), (287, "Improper authentication"),
        (269, "Improper privilege management"), (502, "Deserialization of untrusted data"),
        (200, "Exposure of sensitive information to an unauthorized actor"), (863, "Incorrect authorization"),
        (918, "Server-side request forgery"), (119, "Improper restriction of operations within the bounds of a memory buffer"),
        (476, "NULL pointer dereference"), (798, "Use of hard-coded credentials"), (190, "Integer overflow or wraparound"),
        (400, "Uncontrolled resource consumption"), (306, "Missing authentication for a critical function"),
    ];

    /// <summary>The 1-based rank of a CWE in the list, or null when it is not in it.</summary>
    public static int? Rank(int? cwe)
    {
        if (cwe is not { } c) return null;
        for (int i = 0; i < Entries.Count; i++)
            if (Entries[i].Cwe == c) return i + 1;
        return null;
    }
}

/// <summary>
/// What a rule's findings are evidence against: principles, OWASP Top 10 (2021) category and regulatory controls.
/// CWE Top 25 membership follows from <see cref="RuleInfo.Cwe"/>. A rule declares one of the presets below
/// (`Compliance = Compliance.Injection`), adjusts one (`Compliance.SecretExposure with { Owasp = … }`) or lists its own.
/// </summary>
public sealed record Compliance(SecurityPrinciple Principles, Owasp2021? Owasp, IReadOnlyList<ComplianceControl> Controls)
{
    /// <summary>Nothing declared: a test fails for any rule left like this.</summary>
    public static readonly Compliance None = new(SecurityPrinciple.None, null, []);

    const SecurityPrinciple CIA = SecurityPrinciple.Confidentiality | SecurityPrinciple.Integrity | SecurityPrinciple.Availability;

    /// <summary>Untrusted data reaches a command, query, template, markup or interpreter (SQL, shell, eval, XSS, CI expression injection).</summary>
    public static readonly Compliance Injection = new(CIA, Owasp2021.A03Injection,
        [ComplianceControls.GdprByDesign, ComplianceControls.GdprSystems, ComplianceControls.HipaaIntegrity, ComplianceControls.CcpaReasonableSecurity, ComplianceControls.PciCommonAttacks]);

    /// <summary>Untrusted data chooses where the server sends a request (SSRF).</summary>
    public static readonly Compliance ServerSideRequestForgery = new(SecurityPrinciple.Confidentiality | SecurityPrinciple.Integrity | SecurityPrinciple.Authorization, Owasp2021.A10ServerSideRequestForgery,
        [ComplianceControls.GdprByDesign, ComplianceControls.GdprSystems, ComplianceControls.HipaaAccess, ComplianceControls.CcpaReasonableSecurity, ComplianceControls.PciCommonAttacks]);

    /// <summary>Untrusted data forges or corrupts log records: the audit trail can no longer be trusted.</summary>
    public static readonly Compliance LogInjection = new(SecurityPrinciple.Integrity | SecurityPrinciple.Accountability | SecurityPrinciple.NonRepudiation, Owasp2021.A09SecurityLoggingAndMonitoringFailures,
        [ComplianceControls.GdprSystems, ComplianceControls.HipaaAudit, ComplianceControls.HipaaIntegrity, ComplianceControls.PciCommonAttacks]);

    /// <summary>Untrusted bytes turned into objects (pickle, marshal, unsafe YAML, torch.load).</summary>
    public static readonly Compliance Deserialization = new(CIA, Owasp2021.A08SoftwareAndDataIntegrityFailures,
        [ComplianceControls.GdprByDesign, ComplianceControls.GdprSystems, ComplianceControls.HipaaIntegrity, ComplianceControls.CcpaReasonableSecurity, ComplianceControls.PciCommonAttacks]);

    /// <summary>Broken or too-weak ciphers, modes, hashes and keys.</summary>
    public static readonly Compliance WeakCryptography = new(SecurityPrinciple.Confidentiality | SecurityPrinciple.Integrity, Owasp2021.A02CryptographicFailures,
        [ComplianceControls.GdprEncryption, ComplianceControls.HipaaEncryption, ComplianceControls.HipaaAuthenticateData, ComplianceControls.CcpaEncryption, ComplianceControls.PciCommonAttacks]);

    /// <summary>Cleartext protocols (telnet, FTP, SNMPv1/2) and obsolete TLS versions.</summary>
    public static readonly Compliance CleartextTransport = new(SecurityPrinciple.Confidentiality | SecurityPrinciple.Integrity | SecurityPrinciple.Authentication, Owasp2021.A02CryptographicFailures,
        [ComplianceControls.GdprEncryption, ComplianceControls.HipaaTransmission, ComplianceControls.HipaaTransmissionEncryption, ComplianceControls.CcpaEncryption, ComplianceControls.PciCommonAttacks]);

    /// <summary>TLS certificates or SSH host keys not verified: the peer is not authenticated.</summary>
    public static readonly Compliance CertificateValidation = new(SecurityPrinciple.Confidentiality | SecurityPrinciple.Integrity | SecurityPrinciple.Authentication, Owasp2021.A07IdentificationAndAuthenticationFailures,
        [ComplianceControls.GdprEncryption, ComplianceControls.HipaaTransmission, ComplianceControls.HipaaPersonAuthentication, ComplianceControls.CcpaEncryption, ComplianceControls.PciCommonAttacks]);

    /// <summary>Predictable random numbers where secrets or tokens need unpredictable ones.</summary>
    public static readonly Compliance WeakRandomness = new(SecurityPrinciple.Confidentiality | SecurityPrinciple.Authentication, Owasp2021.A02CryptographicFailures,
        [ComplianceControls.GdprEncryption, ComplianceControls.GdprSystems, ComplianceControls.CcpaReasonableSecurity, ComplianceControls.PciCommonAttacks]);

    /// <summary>Passwords, keys and tokens written into code, configuration or pipelines.</summary>
    public static readonly Compliance HardcodedCredentials = new(SecurityPrinciple.Confidentiality | SecurityPrinciple.Authentication | SecurityPrinciple.Authorization, Owasp2021.A07IdentificationAndAuthenticationFailures,
        [ComplianceControls.GdprSystems, ComplianceControls.HipaaAccess, ComplianceControls.HipaaPersonAuthentication, ComplianceControls.CcpaReasonableSecurity, ComplianceControls.PciSecureDevelopment, ComplianceControls.PciCommonAttacks]);

    /// <summary>Secrets or sensitive files exposed to more people or processes than need them (logs, inherited secrets, served files).</summary>
    public static readonly Compliance SecretExposure = new(SecurityPrinciple.Confidentiality, Owasp2021.A01BrokenAccessControl,
        [ComplianceControls.GdprSystems, ComplianceControls.HipaaAccess, ComplianceControls.CcpaReasonableSecurity, ComplianceControls.PciCommonAttacks]);

    /// <summary>Insecure settings or defaults: debug mode, listening on every interface, configuration servers.</summary>
    public static readonly Compliance Misconfiguration = new(CIA, Owasp2021.A05SecurityMisconfiguration,
        [ComplianceControls.GdprByDefault, ComplianceControls.GdprSystems, ComplianceControls.HipaaAccess, ComplianceControls.CcpaReasonableSecurity, ComplianceControls.PciCommonAttacks]);

    /// <summary>Files and temporary files others can read, replace or predict.</summary>
    public static readonly Compliance FilePermissions = new(SecurityPrinciple.Confidentiality | SecurityPrinciple.Integrity | SecurityPrinciple.Authorization, Owasp2021.A01BrokenAccessControl,
        [ComplianceControls.GdprByDefault, ComplianceControls.GdprSystems, ComplianceControls.HipaaAccess, ComplianceControls.CcpaReasonableSecurity, ComplianceControls.PciCommonAttacks]);

    /// <summary>Paths or URLs that escape where they should stay (archive members, `file:` URLs).</summary>
    public static readonly Compliance PathTraversal = new(SecurityPrinciple.Confidentiality | SecurityPrinciple.Integrity | SecurityPrinciple.Authorization, Owasp2021.A01BrokenAccessControl,
        [ComplianceControls.GdprSystems, ComplianceControls.HipaaAccess, ComplianceControls.CcpaReasonableSecurity, ComplianceControls.PciCommonAttacks]);

    /// <summary>XML parsers open to external entities and entity expansion.</summary>
    public static readonly Compliance XmlParsing = new(SecurityPrinciple.Confidentiality | SecurityPrinciple.Availability, Owasp2021.A05SecurityMisconfiguration,
        [ComplianceControls.GdprSystems, ComplianceControls.HipaaIntegrity, ComplianceControls.CcpaReasonableSecurity, ComplianceControls.PciCommonAttacks]);

    /// <summary>Work without a bound (no timeout, no limit): an attacker or a slow peer can exhaust the service.</summary>
    public static readonly Compliance ResourceExhaustion = new(SecurityPrinciple.Availability, Owasp2021.A04InsecureDesign,
        [ComplianceControls.GdprSystems, ComplianceControls.GdprRestore, ComplianceControls.PciCommonAttacks]);

    /// <summary>Errors swallowed silently: failures and attacks leave no trace.</summary>
    public static readonly Compliance ErrorHandling = new(SecurityPrinciple.Accountability | SecurityPrinciple.Availability, Owasp2021.A09SecurityLoggingAndMonitoringFailures,
        [ComplianceControls.GdprTesting, ComplianceControls.HipaaAudit, ComplianceControls.PciSecureDevelopment]);

    /// <summary>Security checks that can be compiled away or bypassed by design.</summary>
    public static readonly Compliance InsecureDesign = new(SecurityPrinciple.Integrity | SecurityPrinciple.Authorization, Owasp2021.A04InsecureDesign,
        [ComplianceControls.GdprByDesign, ComplianceControls.PciSecureDevelopment]);

    /// <summary>A dependency with a known vulnerability.</summary>
    public static readonly Compliance VulnerableComponent = new(CIA, Owasp2021.A06VulnerableAndOutdatedComponents,
        [ComplianceControls.GdprSystems, ComplianceControls.GdprTesting, ComplianceControls.HipaaIntegrity, ComplianceControls.CcpaReasonableSecurity, ComplianceControls.PciVulnerabilities, ComplianceControls.PciPatches]);

    /// <summary>Dependencies, actions, images or hooks not pinned: what runs can change without review.</summary>
    public static readonly Compliance UnpinnedComponent = new(SecurityPrinciple.Integrity, Owasp2021.A08SoftwareAndDataIntegrityFailures,
        [ComplianceControls.GdprSystems, ComplianceControls.HipaaIntegrity, ComplianceControls.PciInventory, ComplianceControls.PciChangeControl]);

    /// <summary>Code or artefacts fetched and run without an integrity check (hashes, revisions, checksums; caches others can write).</summary>
    public static readonly Compliance UnverifiedIntegrity = new(SecurityPrinciple.Integrity, Owasp2021.A08SoftwareAndDataIntegrityFailures,
        [ComplianceControls.GdprSystems, ComplianceControls.HipaaIntegrity, ComplianceControls.HipaaAuthenticateData, ComplianceControls.PciInventory, ComplianceControls.PciChangeControl]);

    /// <summary>Code that reads differently to a reviewer than to the interpreter (Trojan Source, source encodings).</summary>
    public static readonly Compliance HiddenCode = new(SecurityPrinciple.Integrity | SecurityPrinciple.NonRepudiation, Owasp2021.A08SoftwareAndDataIntegrityFailures,
        [ComplianceControls.GdprSystems, ComplianceControls.HipaaIntegrity, ComplianceControls.PciCodeReview]);

    /// <summary>More privilege than the job needs (CI token permissions, persisted credentials, shared runners).</summary>
    public static readonly Compliance ExcessivePrivilege = new(SecurityPrinciple.Authorization | SecurityPrinciple.Confidentiality | SecurityPrinciple.Integrity, Owasp2021.A01BrokenAccessControl,
        [ComplianceControls.GdprByDefault, ComplianceControls.GdprSystems, ComplianceControls.HipaaAccess, ComplianceControls.CcpaReasonableSecurity, ComplianceControls.PciCommonAttacks]);

    /// <summary>Untrusted contributions run with trusted credentials (pull-request code in privileged CI).</summary>
    public static readonly Compliance UntrustedCode = new(SecurityPrinciple.Integrity | SecurityPrinciple.Authorization | SecurityPrinciple.Confidentiality, Owasp2021.A08SoftwareAndDataIntegrityFailures,
        [ComplianceControls.GdprSystems, ComplianceControls.HipaaIntegrity, ComplianceControls.HipaaAccess, ComplianceControls.PciChangeControl, ComplianceControls.PciCommonAttacks]);

    /// <summary>Identity decided by something an attacker can choose (names, headers, actor strings).</summary>
    public static readonly Compliance SpoofableIdentity = new(SecurityPrinciple.Authentication | SecurityPrinciple.NonRepudiation, Owasp2021.A07IdentificationAndAuthenticationFailures,
        [ComplianceControls.GdprSystems, ComplianceControls.HipaaPersonAuthentication, ComplianceControls.PciCommonAttacks]);

    /// <summary>A file could not be analysed: the evidence that it was checked is missing.</summary>
    public static readonly Compliance Unanalysable = new(SecurityPrinciple.Accountability, null, [ComplianceControls.GdprTesting]);

    /// <summary>The same mapping with more controls.</summary>
    public Compliance With(params ComplianceControl[] more)
    {
        var list = new List<ComplianceControl>(Controls);
        foreach (var c in more) if (!list.Contains(c)) list.Add(c);
        return this with { Controls = list };
    }

    public static IReadOnlyList<SecurityPrinciple> AllPrinciples { get; } =
    [
        SecurityPrinciple.Confidentiality, SecurityPrinciple.Integrity, SecurityPrinciple.Availability, SecurityPrinciple.Authentication,
        SecurityPrinciple.Authorization, SecurityPrinciple.NonRepudiation, SecurityPrinciple.Accountability,
    ];
}

public static class ComplianceNames
{
    public static string Name(this SecurityPrinciple p) => p switch
    {
        SecurityPrinciple.Confidentiality => "confidentiality", SecurityPrinciple.Integrity => "integrity", SecurityPrinciple.Availability => "availability",
        SecurityPrinciple.Authentication => "authentication", SecurityPrinciple.Authorization => "authorization",
        SecurityPrinciple.NonRepudiation => "non-repudiation", SecurityPrinciple.Accountability => "accountability",
        _ => throw new ArgumentOutOfRangeException(nameof(p)),
    };

    /// <summary>`A03:2021`.</summary>
    public static string Code(this Owasp2021 o) => $"A{((int)o).ToString("00", System.Globalization.CultureInfo.InvariantCulture)}:2021";

    public static string Title(this Owasp2021 o) => o switch
    {
        Owasp2021.A01BrokenAccessControl => "Broken Access Control",
        Owasp2021.A02CryptographicFailures => "Cryptographic Failures",
        Owasp2021.A03Injection => "Injection",
        Owasp2021.A04InsecureDesign => "Insecure Design",
        Owasp2021.A05SecurityMisconfiguration => "Security Misconfiguration",
        Owasp2021.A06VulnerableAndOutdatedComponents => "Vulnerable and Outdated Components",
        Owasp2021.A07IdentificationAndAuthenticationFailures => "Identification and Authentication Failures",
        Owasp2021.A08SoftwareAndDataIntegrityFailures => "Software and Data Integrity Failures",
        Owasp2021.A09SecurityLoggingAndMonitoringFailures => "Security Logging and Monitoring Failures",
        Owasp2021.A10ServerSideRequestForgery => "Server-Side Request Forgery",
        _ => throw new ArgumentOutOfRangeException(nameof(o)),
    };

    public static string Name(this ComplianceFramework f) => f switch
    {
        ComplianceFramework.Principles => "principles", ComplianceFramework.Owasp => "owasp", ComplianceFramework.CweTop25 => "cwe-top25",
        ComplianceFramework.Gdpr => "gdpr", ComplianceFramework.Hipaa => "hipaa", ComplianceFramework.Ccpa => "ccpa", ComplianceFramework.Pci => "pci",
        _ => throw new ArgumentOutOfRangeException(nameof(f)),
    };

    public static string Title(this ComplianceFramework f) => f switch
    {
        ComplianceFramework.Principles => "Security principles",
        ComplianceFramework.Owasp => "OWASP Top 10 (2021)",
        ComplianceFramework.CweTop25 => $"CWE Top 25 ({CweTop25.Edition})",
        ComplianceFramework.Gdpr => "GDPR Art. 25 and 32",
        ComplianceFramework.Hipaa => "HIPAA Security Rule §164.312 (technical safeguards)",
        ComplianceFramework.Ccpa => "CCPA §1798.150",
        ComplianceFramework.Pci => "PCI DSS 4.0 requirement 6",
        _ => throw new ArgumentOutOfRangeException(nameof(f)),
    };

    public static bool TryParseFramework(string s, out ComplianceFramework f)
    {
        foreach (var v in Enum.GetValues<ComplianceFramework>())
            if (string.Equals(v.Name(), s, StringComparison.OrdinalIgnoreCase)) { f = v; return true; }
        if (string.Equals(s, "pci-dss", StringComparison.OrdinalIgnoreCase)) { f = ComplianceFramework.Pci; return true; }
        f = default;
        return false;
    }
}
