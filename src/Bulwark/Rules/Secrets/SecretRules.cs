using Bulwark.Core;
using Bulwark.Secrets;

namespace Bulwark.Rules.Secrets;

/// <summary>BW800 — a credential recognised by its provider's format (tokens, API keys, webhooks, JWTs) in any text file.</summary>
public sealed class ProviderCredential : FileRule
{
    public override RuleInfo Info { get; } = new(
        Id: SecretRuleIds.ProviderCredential, Name: "provider-credential", Family: Family.Secrets,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 798,
        What: "A credential recognised by its format — a prefix, alphabet, length, checksum or structure that identifies the provider and kind — in any text file of the repository: cloud keys (AWS, Google Cloud, Azure, Alibaba, DigitalOcean…), source-host and CI tokens (GitHub with its CRC-32 check, GitLab, Bitbucket…), chat tokens and webhooks (Slack, Discord, Telegram, Teams), payment keys (Stripe, Square, PayPal/Braintree, Adyen…), e-mail and SMS keys (SendGrid, Mailgun, Mailchimp, Twilio, Postmark…), AI provider keys (OpenAI, Anthropic, Hugging Face, Cohere, Replicate, Groq…), package-registry tokens (PyPI, npm, RubyGems, NuGet, Docker Hub…), observability keys (Datadog, New Relic, Sentry, Grafana, Honeycomb…), database and SaaS keys, and signed JSON Web Tokens. Formats that are not self-identifying are reported only when assigned to a name that mentions the provider (`ALGOLIA_ADMIN_KEY = …`). Each finding names its type (property `secretType`); docs/secrets.md lists all types and their shapes. Severity and confidence come from the type.",
        Why: "A live credential in a repository gives whoever reads the repository — every developer, CI job, fork, clone, backup and, for public repositories, automated scrapers that harvest keys within minutes — the access the credential grants, until it is revoked.",
        Example: "# settings.yaml\nstripe:\n  api_key: sk_live_…   (a live Stripe secret key)",
        Fix: SecretHelp.MoveToEnvironment("stripe:\n  api_key: ${STRIPE_API_KEY}   # injected from the environment or a secret manager"),
        References: ["https://cwe.mitre.org/data/definitions/798.html",
                     "https://docs.github.com/en/code-security/secret-scanning/introduction/supported-secret-scanning-patterns",
                     "https://owasp.org/www-project-top-ten/2017/A3_2017-Sensitive_Data_Exposure"])
    {
        Compliance = Compliance.HardcodedCredentials,
        Profiles = RuleProfile.Default,
    };

    public override bool AppliesTo(DiscoveredFile file) => SecretFiles.IsScannable(file);

    public override void Check(SourceFile file, FileContext context) =>
        SecretFindings.ReportFrom(context, this, m => m.Kind is SecretKind.Token or SecretKind.Jwt or SecretKind.NamedValue);
}

/// <summary>BW801 — a private key block (PEM, OpenSSH, PGP, PuTTY, SSH2) committed in a file.</summary>
public sealed class PrivateKeyCommitted : FileRule
{
    public override RuleInfo Info { get; } = new(
        Id: SecretRuleIds.PrivateKey, Name: "private-key", Family: Family.Secrets,
        Severity: Severity.Critical, Confidence: Confidence.High, Cwe: 321,
        What: "A private key block in any text file, also inside a string literal or a notebook: PEM RSA, EC, DSA and PKCS#8 keys (encrypted or not), OpenSSH keys, PGP private key blocks, SSH2 (RFC 4716) and PuTTY `.ppk` keys. The body must hold at least 64 base64 characters of key-like randomness, so truncated examples (`MIIE…`) are not reported.",
        Why: "A private key is the identity of a server, a signing authority or a user: whoever has it can impersonate them, decrypt their traffic or sign releases in their name. An encrypted key is only as strong as its passphrase and can be attacked offline.",
        Example: "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA…\n-----END OPENSSH PRIVATE KEY-----",
        Fix: "Remove the key file and add its name to `.gitignore`; load the key at run time from a file mounted by the deployment, an environment variable or a secret manager (" + SecretHelp.Managers + "). " + SecretHelp.Rotate,
        References: ["https://cwe.mitre.org/data/definitions/321.html", "https://datatracker.ietf.org/doc/html/rfc7468"])
    {
        Compliance = Compliance.HardcodedCredentials,
        Profiles = RuleProfile.Default,
    };

    public override bool AppliesTo(DiscoveredFile file) => SecretFiles.IsScannable(file);

    public override void Check(SourceFile file, FileContext context) =>
        SecretFindings.ReportFrom(context, this, m => m.Kind == SecretKind.PrivateKey);
}

/// <summary>BW802 — a URL or connection string with a password in its user information.</summary>
public sealed class UrlWithPassword : FileRule
{
    public override RuleInfo Info { get; } = new(
        Id: SecretRuleIds.UrlPassword, Name: "url-embedded-password", Family: Family.Secrets,
        Severity: Severity.High, Confidence: Confidence.Medium, Cwe: 798,
        What: "A URL or connection string whose user information carries a password, in any text file: database URLs (`postgres://`, `mysql://`, `mongodb+srv://`, SQLAlchemy dialects such as `postgresql+psycopg2://`, JDBC URLs), brokers (`redis://`, `amqp://`, Kafka), `https://user:password@…`, FTP, SMTP, LDAP and Git remotes. Placeholders (`user:password@`, `${DB_PASSWORD}`, `%(password)s`, `{password}`) and example hosts are not reported.",
        Why: "A connection string is usually copied from a real environment: the password in it opens the database or broker to anyone who reads the repository.",
        Example: "DATABASE_URL = \"postgresql://app:Xk9…@db.internal:5432/app\"",
        Fix: SecretHelp.MoveToEnvironment("DATABASE_URL = os.environ[\"DATABASE_URL\"]"),
        References: ["https://cwe.mitre.org/data/definitions/798.html", "https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1"])
    {
        Compliance = Compliance.HardcodedCredentials,
        Profiles = RuleProfile.Default,
    };

    public override bool AppliesTo(DiscoveredFile file) => SecretFiles.IsScannable(file);

    public override void Check(SourceFile file, FileContext context) =>
        SecretFindings.ReportFrom(context, this, m => m.Kind == SecretKind.UrlPassword);
}

/// <summary>BW803 — a random-looking value or password under a credential name in a configuration file or notebook.</summary>
public sealed class GenericSecret : FileRule
{
    public override RuleInfo Info { get; } = new(
        Id: SecretRuleIds.GenericSecret, Name: "generic-secret", Family: Family.Secrets,
        Severity: Severity.Medium, Confidence: Confidence.Medium, Cwe: 798,
        What: "A value assigned to a credential name (`password`, `passwd`, `secret`, `token`, `api_key`, `private_key`, `credentials`, `client_secret`…) in a configuration-like file — dotenv files, INI/CFG, TOML, YAML, JSON, Dockerfiles and compose files, shell scripts, Terraform, CI files, `.npmrc`/`.pypirc` — or in a Jupyter notebook's cells and outputs. Passwords count when they are not placeholders (at least six characters mixing two character classes); keys and tokens only when they look random for their alphabet (Shannon entropy of at least 3.0 bits per character for hex, 3.2–3.5 otherwise, 16 characters or more). References are not secrets: `${VAR}`, `$VAR`, `{{ secrets.X }}`, `%(x)s`, `os.environ[…]`, `var.x`, `!vault`, file paths. Python code is covered by BW105; values in a known provider format by BW800.",
        Why: "Configuration files are where credentials end up when they are not injected by the environment, and they are copied into images, artefacts and logs along with the code.",
        Example: "# docker-compose.yml\nenvironment:\n  POSTGRES_PASSWORD: Tr0ub4dor&3",
        Fix: SecretHelp.MoveToEnvironment("environment:\n  POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}   # from the deployment, or a git-ignored .env"),
        References: ["https://cwe.mitre.org/data/definitions/798.html", "https://12factor.net/config"])
    {
        Compliance = Compliance.HardcodedCredentials,
        Profiles = RuleProfile.Default,
    };

    public override bool AppliesTo(DiscoveredFile file) =>
        !file.IsPython && SecretFiles.IsScannable(file) && (SecretFiles.ModeFor(file.RelativePath) & ScanMode.Generic) != 0;

    public override void Check(SourceFile file, FileContext context) =>
        SecretFindings.ReportFrom(context, this, m => m.Kind == SecretKind.Generic);
}
