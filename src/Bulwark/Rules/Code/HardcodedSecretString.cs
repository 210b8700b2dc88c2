using Bulwark.Core;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Code;

/// <summary>BW105 — B105 for the default profile: the same places, but only values that can be secrets.</summary>
public sealed class HardcodedSecretString : CodeRule
{
    /// <summary>Name parts that make a password-like name describe something else: `TOKEN_TYPE`, `password_field`, `SECRET_URL`.</summary>
    static readonly HashSet<string> DescriptorParts = new(StringComparer.OrdinalIgnoreCase)
    {
        "type", "types", "kind", "field", "fields", "name", "names", "label", "title", "url", "uri", "endpoint", "path",
        "file", "filename", "dir", "header", "prefix", "suffix", "param", "parameter", "regex", "pattern", "re",
        "length", "len", "min", "max", "policy", "hint", "prompt", "placeholder", "input", "column", "col", "attr",
        "attribute", "format", "fmt", "scheme", "location", "cookie", "env", "var", "setting", "template", "message", "msg",
        "error", "help", "text",
    };

    /// <summary>Values that are vocabulary, not credentials: token schemes and the names of credential fields.</summary>
    static readonly HashSet<string> VocabularyValues = new(StringComparer.OrdinalIgnoreCase)
    {
        "bearer", "basic", "digest", "jwt", "mac", "oauth", "oauth2", "token", "access_token", "refresh_token", "id_token",
        "password", "passwd", "pwd", "pass", "passphrase", "secret", "client_secret", "api_key", "apikey", "authorization",
        "x-api-key", "auth", "none", "null", "true", "false", "hidden", "required", "optional", "new-password", "current-password",
    };

    public override RuleInfo Info { get; } = new(
        Id: "BW105", Name: "hardcoded-secret-string", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.Medium, Cwe: 259,
        What: "String literals assigned to, stored under or compared with a password- or token-like name (as B105), excluding values that cannot be secrets: empty strings, the name of a field or token scheme (`\"bearer\"`, `\"password\"`), placeholders (`<password>`, `${TOKEN}`, `{{ secret }}`), sentences, and names that describe a credential rather than hold one (`TOKEN_TYPE`, `PASSWORD_FIELD`, `SECRET_URL`).",
        Why: "A credential in source code is readable by everyone with access to the repository, its history and every copy of it, and cannot be rotated without a release.",
        Example: "DB_PASSWORD = \"hunter2\"",
        Fix: "DB_PASSWORD = os.environ[\"DB_PASSWORD\"]",
        References: [Bandit.Doc("B105", "hardcoded_password_string"), Bandit.Cwe(259)])
    {
        Aliases = ["B105", "S105"],
        Profiles = RuleProfile.Default,
        DifferencesFromBandit = "Replaces B105 in the default profile. Bandit reports every string bound to a password-like name, including `TOKEN_TYPE = \"bearer\"`, `password_field = \"password\"` and `password = \"\"`; BW105 ignores such non-secret values and also covers annotated assignments. `# nosec B105` and `--ignore B105` apply to it.",
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Constant];

    public override void Check(Node node, CodeContext context)
    {
        if (node is not Constant { ValueKind: ConstantKind.Str } literal) return;
        var candidate = HardcodedPasswordString.Candidate(literal, context.Semantic);
        if (candidate is null && context.Semantic.Parent(literal) is AnnAssign ann && ReferenceEquals(ann.Value, literal)
            && PasswordNames.TargetName(ann.Target) is { } annName && PasswordNames.IsCandidate(annName))
            candidate = (annName, literal);
        if (candidate is not var (name, value) || value.AsString is not { } secret) return;
        if (DescribesCredential(name) || !CanBeSecret(secret, name)) return;
        HardcodedPasswordString.Report(this, context, value, name);
    }

    static bool DescribesCredential(string name)
    {
        foreach (var part in name.Split('_', StringSplitOptions.RemoveEmptyEntries))
            if (DescriptorParts.Contains(part)) return true;
        return false;
    }

    internal static bool CanBeSecret(string value, string name)
    {
        var v = value.Trim();
        if (v.Length == 0) return false;
        if (VocabularyValues.Contains(v) || string.Equals(v, name, StringComparison.OrdinalIgnoreCase)) return false;
        // Placeholders and templates: <password>, ${TOKEN}, {{ secret }}, %(password)s, {password}, ***.
        if (v.StartsWith('<') && v.EndsWith('>')) return false;
        if (v.StartsWith("${") || v.StartsWith("{{") || v.StartsWith("%(") || (v.StartsWith('{') && v.EndsWith('}'))) return false;
        if (v.Trim('*', 'x', 'X', '.', '-', '_').Length == 0) return false;
        // A sentence is a message ("Password is incorrect"), not a credential.
        int spaces = 0;
        foreach (var c in v) if (c == ' ') spaces++;
        return spaces < 2;
    }
}
