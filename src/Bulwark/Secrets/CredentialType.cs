using Bulwark.Core;

namespace Bulwark.Secrets;

/// <summary>How a credential type is recognised.</summary>
public enum DetectorKind
{
    /// <summary>A self-identifying token: a fixed prefix (or marker), alphabets and lengths, maybe a checksum.</summary>
    Token,
    /// <summary>A value of a given shape assigned to a name that mentions the provider (`ALGOLIA_API_KEY = …`).</summary>
    NamedValue,
    /// <summary>A JSON Web Token: three base64url parts whose header decodes to a JSON object with `alg`.</summary>
    Jwt,
    /// <summary>A PEM/OpenSSH/PGP/PuTTY private key block.</summary>
    PrivateKey,
    /// <summary>A URL or connection string with a password in its user information (`postgres://u:p@host`).</summary>
    UrlPassword,
}

/// <summary>Extra structure a match must have beyond its shape.</summary>
public enum TokenCheck
{
    None,
    /// <summary>The last 6 characters are the base62 CRC32 of the characters between the prefix and them (GitHub, npm).</summary>
    Crc32Base62,
    /// <summary>The header part decodes to a JSON object naming an `alg`, and the payload to a JSON object.</summary>
    JwtStructure,
}

/// <summary>
/// One row of the credential table: what a credential of one provider looks like, how to find it cheaply (keywords
/// for the one-pass prefilter) and how sure a match is. Pure data; <see cref="SecretScanner"/> interprets it.
/// </summary>
public sealed record CredentialType(string Id, string Provider, string Description, DetectorKind Kind, string Pattern)
{
    public Severity Severity { get; init; } = Severity.High;
    public Confidence Confidence { get; init; } = Confidence.High;
    /// <summary>Minimum Shannon entropy (bits per character) of the variable part; 0 for none.</summary>
    public double MinEntropy { get; init; }
    public TokenCheck Check { get; init; }
    /// <summary>For <see cref="DetectorKind.NamedValue"/>: words one of which the assigned name must contain (lower case).</summary>
    public IReadOnlyList<string> Names { get; init; } = [];
    /// <summary>Prefilter keywords (lower case); by default the pattern's leading literals.</summary>
    public IReadOnlyList<string>? Keywords { get; init; }
    /// <summary>Characters between the start of the match and the start of the keyword (a marker inside the token).</summary>
    public int KeywordOffset { get; init; }
    /// <summary>The match may follow a letter or digit (the pattern starts with a separator such as `.`).</summary>
    public bool Unanchored { get; init; }
    /// <summary>Text the token must contain somewhere (OpenAI's `T3BlbkFJ`).</summary>
    public string? MustContain { get; init; }
    /// <summary>Where the provider documents the format or how to revoke it.</summary>
    public string? Reference { get; init; }

    TokenPattern? _compiled;
    public TokenPattern Compiled => _compiled ??= TokenPattern.Parse(Pattern);

    /// <summary>The rule that reports this type.</summary>
    public string RuleId => Kind switch
    {
        DetectorKind.PrivateKey => SecretRuleIds.PrivateKey,
        DetectorKind.UrlPassword => SecretRuleIds.UrlPassword,
        _ => SecretRuleIds.ProviderCredential,
    };

    /// <summary>The shape for people: never a full example value, so the docs hold nothing a scanner would flag.</summary>
    public string Shape => Kind switch
    {
        DetectorKind.PrivateKey => $"a `{Pattern}` block with a base64 body",
        DetectorKind.UrlPassword => $"`{Pattern}USER:PASSWORD@HOST…`",
        DetectorKind.Jwt => "`eyJ…` header `.` payload `.` signature (base64url), header decoding to JSON with `alg`",
        DetectorKind.NamedValue => Compiled.Describe() + " assigned to a name containing " + string.Join(" or ", Names.Select(n => "`" + n + "`")),
        _ => Compiled.Describe(),
    };
}

/// <summary>The ids of the secrets family's rules, shared by the detectors and the rules.</summary>
public static class SecretRuleIds
{
    public const string ProviderCredential = "BW800";
    public const string PrivateKey = "BW801";
    public const string UrlPassword = "BW802";
    public const string GenericSecret = "BW803";
    public const string EnvFile = "BW804";
    public const string HardcodedSecret = "BW105";
}
