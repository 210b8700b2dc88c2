namespace Bulwark.Secrets;

/// <summary>
/// Judging a candidate value: placeholders and indirections are not secrets; entropy is measured per alphabet so
/// that hex, base64 and free-form values each get a fair threshold.
/// </summary>
public static class SecretValues
{
    /// <summary>Shannon entropy in bits per character.</summary>
    public static double Entropy(ReadOnlySpan<char> s)
    {
        if (s.Length == 0) return 0;
        Span<int> counts = stackalloc int[128];
        int other = 0;
        foreach (var c in s)
        {
            if (c < 128) counts[c]++;
            else other++;
        }
        double h = 0, n = s.Length;
        foreach (var k in counts)
            if (k > 0) { double p = k / n; h -= p * Math.Log2(p); }
        if (other > 0) { double p = other / n; h -= p * Math.Log2(p); }
        return h;
    }

    static readonly string[] PlaceholderWords =
    [
        "changeme", "change_me", "change-me", "changeit", "replaceme", "replace_me", "replace-me", "your_", "your-",
        "yourpass", "yoursecret", "yourtoken", "yourkey", "your ", "example", "sample", "dummy", "placeholder", "redacted",
        "fixme", "insert_", "insert-", "enter_", "enter-", "enter your", "xxx", "***", "...", "notasecret",
        "not_a_secret", "not-a-secret", "not-secret", "<", ">",
    ];

    static readonly HashSet<string> ExactPlaceholders = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "none", "null", "nil", "undefined", "required", "optional", "string",
        "str", "bytes", "int", "bool", "admin", "root", "user", "username", "guest", "pass", "bearer", "basic", "token",
        "secret", "password", "passwd", "env", "vault", "changeme", "empty", "unset", "auto", "disabled", "enabled",
        "hidden", "test", "testing", "foo", "bar", "baz", "foobar", "default", "mock", "fake", "todo", "tbd", "n/a",
        "na", "x",
    };

    /// <summary>
    /// A token-shaped value that is obviously made up: a long run of one character, counting sequences, or marker
    /// words (`EXAMPLE`, `xxxx`, `your`). Used for provider formats, where words like `test` can be real.
    /// </summary>
    public static bool LooksFabricated(ReadOnlySpan<char> v, TokenPattern? pattern = null)
    {
        // The format's own long literals (`AAAAAAAAAA` in some tokens) are not the made-up part.
        if (pattern is not null)
            foreach (var seg in pattern.Segments)
                if (seg is TokenPattern.Literal { Options: [var lit] } && lit.Length >= 8 && v.IndexOf(lit) is int at and >= 0)
                {
                    var rest = string.Concat(v[..at], v[(at + lit.Length)..]);
                    return LooksFabricated(rest.AsSpan());
                }
        // A short unit repeated: asdfasdfasdf, abcabcabc, 121212121212.
        for (int period = 1; period <= 4 && period * 3 <= v.Length; period++)
        {
            bool repeats = true;
            for (int i = period; i < v.Length && repeats; i++) repeats = v[i] == v[i % period];
            if (repeats) return true;
        }
        int run = 1;
        for (int i = 1; i < v.Length; i++)
        {
            run = v[i] == v[i - 1] ? run + 1 : 1;
            if (run >= 8) return true;
        }
        foreach (var m in FabricationMarkers)
            if (v.Contains(m, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    static readonly string[] FabricationMarkers =
        ["xxxx", "example", "123456789", "abcdefghij", "0123456789a", "your_", "yourkey", "placeholder", "dummy", "redacted", "fakefake", "secretkey"];

    /// <summary>
    /// A value that stands for a credential without being one: empty, a template (`${API_KEY}`, `{{ secret }}`,
    /// `&lt;your-key&gt;`, `%(password)s`), a mask (`****`, `xxxx`), a word like `changeme`, or an indirection
    /// (`os.environ[...]`, `os.getenv(...)`, `settings.X`, `$VAR`, `env(...)`).
    /// </summary>
    public static bool IsPlaceholder(ReadOnlySpan<char> raw)
    {
        var v = raw.Trim();
        if (v.Length == 0) return true;
        if (IsReference(v)) return true;
        // All one character, or a mask: ********, xxxxxxxx, 00000000, ........
        bool same = true;
        foreach (var c in v) if (c != v[0]) { same = false; break; }
        if (same) return true;
        int maskChars = 0;
        foreach (var c in v) if (c is '*' or 'x' or 'X' or '.' or '#' or '•' or '-' or '_') maskChars++;
        if (maskChars * 2 >= v.Length && v.IndexOfAny("*•") >= 0) return true;
        if (v.Length <= 40 && ExactPlaceholders.Contains(v.ToString())) return true;
        // Templates and markers.
        if ((v[0] == '<' && v[^1] == '>') || (v[0] == '[' && v[^1] == ']') || (v[0] == '{' && v[^1] == '}')) return true;
        if (v.StartsWith("__") && v.EndsWith("__")) return true;
        var lower = v.Length <= 64 ? v.ToString().ToLowerInvariant() : null;
        if (lower is not null)
            foreach (var w in PlaceholderWords)
                if (lower.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>The value reads the credential from somewhere else instead of holding it.</summary>
    public static bool IsReference(ReadOnlySpan<char> v)
    {
        if (v.Length == 0) return false;
        if (v[0] is '$' or '%' or '!' or '&' or '*' or '@' or '|' or '>') return true; // $VAR, %VAR%, YAML tags, anchors, aliases, block scalars
        if (v.StartsWith("arn:", StringComparison.Ordinal)) return true; // an AWS resource name identifies, it does not authenticate
        if (v.Contains("${", StringComparison.Ordinal) || v.Contains("{{", StringComparison.Ordinal)
            || v.Contains("%(", StringComparison.Ordinal) || v.Contains("#{", StringComparison.Ordinal)
            || v.Contains("<%", StringComparison.Ordinal) || v.Contains("$(", StringComparison.Ordinal)) return true;
        foreach (var marker in ReferenceMarkers)
            if (v.Contains(marker, StringComparison.OrdinalIgnoreCase)) return true;
        // A dotted or called identifier: settings.SECRET_KEY, config.get("x"), var.db_password, env("X").
        if (char.IsLetter(v[0]) || v[0] == '_')
        {
            int i = 0;
            while (i < v.Length && (char.IsLetterOrDigit(v[i]) || v[i] is '_' or '.')) i++;
            if (i < v.Length && v[i] is '(' or '[') return true;
            if (i == v.Length && v.Contains('.') && !char.IsDigit(v[^1]) && v.IndexOfAny("0123456789") < 0) return true;
        }
        return false;
    }

    static readonly string[] ReferenceMarkers =
    [
        "os.environ", "getenv", "environ.get", "environ[", "process.env", "env(", "env[", "env.", "secrets.", "vault:",
        "ssm:", "arn:aws:secretsmanager", "arn:aws:ssm", "keyvault", "secretmanager", "secret_manager", "credstash",
        "sops:", "file:", "/run/secrets/", "lookup(", "input(", "getpass", "keyring.",
    ];

    /// <summary>
    /// Counts of character classes (lower, upper, digit, other); a human password usually mixes two or more.
    /// </summary>
    public static int CharacterClasses(ReadOnlySpan<char> v)
    {
        bool lo = false, up = false, di = false, ot = false;
        foreach (var c in v)
        {
            if (char.IsAsciiLetterLower(c)) lo = true;
            else if (char.IsAsciiLetterUpper(c)) up = true;
            else if (char.IsAsciiDigit(c)) di = true;
            else ot = true;
        }
        return (lo ? 1 : 0) + (up ? 1 : 0) + (di ? 1 : 0) + (ot ? 1 : 0);
    }

    public static bool IsHex(ReadOnlySpan<char> v) => v.Length > 0 && Alphabet.Hex.ContainsAll(v);

    /// <summary>8-4-4-4-12 hex digits.</summary>
    public static bool IsUuid(ReadOnlySpan<char> v)
    {
        if (v.Length != 36) return false;
        for (int i = 0; i < 36; i++)
        {
            bool dash = i is 8 or 13 or 18 or 23;
            if (dash ? v[i] != '-' : !Alphabet.Hex.Contains(v[i])) return false;
        }
        return true;
    }

    /// <summary>
    /// Is a value assigned to a credential name plausibly the credential? Passwords: not a placeholder, at least six
    /// characters mixing two character classes (or twelve characters of anything), not a sentence. Keys: token-like
    /// (no spaces), at least 16 characters, and random enough for their alphabet.
    /// </summary>
    public static bool LooksLikeSecret(ReadOnlySpan<char> v, SecretNameKind kind)
    {
        v = v.Trim();
        if (kind == SecretNameKind.None || IsPlaceholder(v) || LooksLikeRegex(v)) return false;
        if (IsIdentifierLike(v, lowerWords: kind == SecretNameKind.Key)) return false;
        if (ContainsAny(v, CredentialWords)) return false; // "Some_Password", "mynewpassword": a description of one
        int spaces = 0;
        foreach (var c in v) if (c == ' ') spaces++;
        if (kind == SecretNameKind.Password)
        {
            if (spaces >= 2 || v.Length < 6 || v.Length > 200) return false;
            if (IsPathLike(v)) return false;
            int classes = CharacterClasses(v);
            if (classes >= 2) return true;
            return v.Length >= 12 && Entropy(v) >= 3.0;
        }
        if (spaces > 0 || v.Length < 16 || v.Length > 1000 || IsPathLike(v)) return false;
        if (IsUuid(v)) return true; // a UUID under a key name is how several providers issue keys
        double h = Entropy(v);
        if (IsHex(v)) return h >= 3.0;
        if (CharacterClasses(v) < 2) return false;
        return h >= (v.Length >= 24 ? 3.5 : 3.2);
    }

    static readonly string[] CredentialWords = ["password", "passwd", "secret", "example", "sample"];

    static bool ContainsAny(ReadOnlySpan<char> v, string[] words)
    {
        foreach (var w in words) if (v.Contains(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    static bool IsPathLike(ReadOnlySpan<char> v) =>
        v.StartsWith("/") || v.StartsWith("./") || v.StartsWith("../") || v.StartsWith("~/") || v.Contains("://", StringComparison.Ordinal)
        || (v.Length > 2 && v[1] == ':' && v[2] is '\\' or '/')
        || v.EndsWith(".pem") || v.EndsWith(".key") || v.EndsWith(".json") || v.EndsWith(".txt") || v.EndsWith(".p12");

    /// <summary>
    /// A name rather than a credential: camelCase (`allowCredentials`), dotted or namespaced (`db.password`,
    /// `serverlessrepo:applicationId`), a Title-Case header (`Access-Control-Allow-Credentials`) or an UPPER_CASE
    /// constant (`SYMMETRIC_DEFAULT`) — letters only. With <paramref name="lowerWords"/>, also lower-case words joined by
    /// `_` or `-` (`no_information`), which for a password may instead be a passphrase (`correct-horse-battery`).
    /// </summary>
    public static bool IsIdentifierLike(ReadOnlySpan<char> v, bool lowerWords = true)
    {
        // `AWS::S3::DisableS3ExpressSessionAuth`: a namespaced type name, digits and all.
        if (v.Contains("::", StringComparison.Ordinal) && v.IndexOfAny(" \t\"'") < 0) return true;
        bool dotted = false, joined = false, camel = false, upper = false, lower = false, titleWords = true;
        for (int i = 0; i < v.Length; i++)
        {
            char c = v[i];
            if (c is '_' or '-' or '.' or ':' or '/')
            {
                if (i == 0 || i == v.Length - 1) return false;
                if (c is '.' or ':' or '/') dotted = true; else joined = true;
                continue;
            }
            if (!char.IsAsciiLetter(c)) return false;
            if (char.IsAsciiLetterUpper(c)) upper = true; else lower = true;
            bool wordStart = i == 0 || v[i - 1] is '_' or '-' or '.' or ':' or '/';
            if (wordStart && !char.IsAsciiLetterUpper(c)) titleWords = false;
            if (i > 0 && char.IsAsciiLetterUpper(c) && char.IsAsciiLetterLower(v[i - 1])) camel = true;
        }
        if (dotted || (camel && v.Length >= 8)) return true;
        if (!joined) return false;
        if (upper && !lower) return true;           // SYMMETRIC_DEFAULT
        if (titleWords && upper && lower) return true; // Access-Control-Allow-Credentials
        return lowerWords;
    }

    /// <summary>Regular-expression syntax: a pattern that matches credentials, not one.</summary>
    public static bool LooksLikeRegex(ReadOnlySpan<char> v) =>
        v.Contains("(?", StringComparison.Ordinal) || v.Contains("\\d", StringComparison.Ordinal) || v.Contains("\\w", StringComparison.Ordinal)
        || v.Contains("\\s", StringComparison.Ordinal) || v.Contains("[^", StringComparison.Ordinal) || v.Contains(".*", StringComparison.Ordinal)
        || v.Contains("\\b", StringComparison.Ordinal);
}
