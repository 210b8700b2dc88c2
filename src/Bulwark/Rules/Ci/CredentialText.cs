using System.Text.RegularExpressions;

namespace Bulwark.Rules.Ci;

/// <summary>Shared judgement of CI rules on names and values that hold credentials (variables, inputs, pipeline environment).</summary>
public static partial class CredentialText
{
    /// <summary>A variable or input name that says it holds a credential (`DB_PASSWORD`, `api-token`, `AWS_SECRET_ACCESS_KEY`).</summary>
    public static bool IsCredentialName(string name)
    {
        var n = name.Replace('-', '_').ToUpperInvariant();
        if (!(n.Contains("PASS") || n.Contains("PWD") || n.Contains("SECRET") || n.Contains("TOKEN") || n.Contains("KEY") || n.Contains("CREDENTIAL") || n.Contains("AUTH")))
            return false;
        if (NotACredential().IsMatch(n)) return false;
        return CredentialName().IsMatch(n);
    }

    [GeneratedRegex(@"(^|_)(PASSWORD|PASSWD|PASSPHRASE|PASS|PWD|SECRET|SECRETS|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|SECRET_?KEY|CREDENTIALS?|AUTH_?TOKEN)(_|$)",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex CredentialName();

    // Names about a credential rather than holding one: where it is, who it belongs to, what it is called.
    [GeneratedRegex(@"_(URL|URI|FILE|PATH|DIR|NAME|USER|USERNAME|ID|HOST|PORT|TYPE|ENABLED|REQUIRED|LENGTH|EXPIRY|EXPIRES|HEADER|ENDPOINT)$",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex NotACredential();

    /// <summary>Prefixes of well-known token formats: these are credentials whatever the name.</summary>
    static readonly string[] TokenPrefixes =
    [
        "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "xoxa-", "AKIA", "ASIA", "pypi-AgE",
        "npm_", "sk_live_", "rk_live_", "sk-proj-", "SG.", "AIza", "-----BEGIN", "dop_v1_", "shpat_", "hf_",
    ];

    public static bool HasTokenFormat(string value)
    {
        var v = value.Trim();
        foreach (var p in TokenPrefixes)
            if (v.StartsWith(p, StringComparison.Ordinal) && v.Length >= p.Length + 12) return true;
        return false;
    }

    static readonly string[] Placeholders =
    [
        "xxx", "***", "example", "changeme", "change_me", "dummy", "fake", "placeholder", "your_", "your-", "<", "${", "$(", "%(",
        "redacted", "todo", "sample", "none", "null", "test", "secret", "password",
    ];

    /// <summary>
    /// A literal value that looks like a real credential: a known token format, or a long random-looking string.
    /// Short words, placeholders and references to variables are not.
    /// </summary>
    public static bool LooksLikeCredential(string value)
    {
        var v = value.Trim();
        if (HasTokenFormat(v)) return true;
        if (v.Length < 16 || v.Contains(' ') || v.Contains("${{", StringComparison.Ordinal)) return false;
        var lower = v.ToLowerInvariant();
        foreach (var p in Placeholders) if (lower.Contains(p, StringComparison.Ordinal)) return false;
        int classes = (v.Any(char.IsAsciiLetterLower) ? 1 : 0) + (v.Any(char.IsAsciiLetterUpper) ? 1 : 0) + (v.Any(char.IsAsciiDigit) ? 1 : 0);
        return classes >= 2 && Entropy(v) >= 3.5;
    }

    /// <summary>Shannon entropy in bits per character.</summary>
    public static double Entropy(string s)
    {
        var counts = new Dictionary<char, int>();
        foreach (var c in s) counts[c] = counts.GetValueOrDefault(c) + 1;
        double h = 0;
        foreach (var n in counts.Values)
        {
            double p = (double)n / s.Length;
            h -= p * Math.Log2(p);
        }
        return h;
    }
}
