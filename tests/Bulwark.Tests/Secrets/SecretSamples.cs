using System.Text;
using Bulwark.Secrets;

namespace Bulwark.Tests.Secrets;

/// <summary>
/// Builds a synthetic credential of each type from its shape, at test time, so that no token-shaped string is
/// committed to the repository. Deterministic per type; checksums and structure are made valid.
/// </summary>
public static class SecretSamples
{
    const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static Random RandomFor(string id) => new(StableHash(id));

    static int StableHash(string s)
    {
        int h = 17;
        foreach (var c in s) h = unchecked(h * 31 + c);
        return h & 0x7fffffff;
    }

    static string Chars(Alphabet a)
    {
        var sb = new StringBuilder();
        for (char c = '!'; c < 127; c++) if (a.Contains(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>A random string drawn from an alphabet, with a digit and a letter when the alphabet has both.</summary>
    public static string Run(Random r, Alphabet a, int length)
    {
        var chars = Chars(a);
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) sb.Append(chars[r.Next(chars.Length)]);
        if (length >= 8 && a.Contains('7') && a.Contains('k')) { sb[length / 2] = '7'; sb[length / 3] = 'k'; }
        else if (length >= 8 && a.Contains('7') && a.Contains('K')) { sb[length / 2] = '7'; sb[length / 3] = 'K'; }
        return sb.ToString();
    }

    /// <summary>A value of the type's pattern (a token, or the value of a named type).</summary>
    public static string Value(CredentialType t, Random r, int lengthDelta = 0)
    {
        var sb = new StringBuilder();
        var segments = t.Compiled.Segments;
        for (int i = 0; i < segments.Count; i++)
        {
            switch (segments[i])
            {
                case TokenPattern.Literal l: sb.Append(l.Options[0]); break;
                case TokenPattern.Run run:
                    int len = Math.Min(run.Max, Math.Max(run.Min, Math.Min(run.Min + 4, run.Max)));
                    if (i == segments.Count - 1 || (i == segments.Count - 2 && segments[^1] is TokenPattern.Literal)) len += lengthDelta;
                    sb.Append(Run(r, run.Alphabet, Math.Max(0, len)));
                    break;
            }
        }
        var s = sb.ToString();
        if (t.Check == TokenCheck.Crc32Base62)
        {
            int prefix = ((TokenPattern.Literal)segments[0]).Options[0].Length;
            var payload = s[prefix..^6];
            s = s[..prefix] + payload + Checksums.ToBase62(Checksums.Crc32(payload), 6);
        }
        return s;
    }

    static string B64Url(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Jwt(Random r, string alg = "HS256") =>
        B64Url($"{{\"alg\":\"{alg}\",\"typ\":\"JWT\"}}") + "." + B64Url($"{{\"sub\":\"{r.Next(100000, 999999)}\",\"name\":\"svc\",\"iat\":1700000000}}")
        + "." + Run(r, Alphabet.UrlSafe, 43);

    public static string PrivateKeyBody(Random r)
    {
        var bytes = new byte[900];
        r.NextBytes(bytes);
        return Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n");
    }

    /// <summary>A block for a private-key type, with its header, body and footer.</summary>
    public static string PrivateKey(CredentialType t, Random r)
    {
        var body = PrivateKeyBody(r);
        return t.Id switch
        {
            "putty-private-key" => $"PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: key\nPublic-Lines: 2\n{Run(r, Alphabet.Base64, 64)}\n{Run(r, Alphabet.Base64, 20)}\nPrivate-Lines: 12\n{body}\nPrivate-MAC: {Run(r, Alphabet.LowerHex, 64)}\n",
            "ssh2-private-key" => $"---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: \"key\"\n{body}\n---- END SSH2 ENCRYPTED PRIVATE KEY ----\n",
            "generic-private-key" => $"-----BEGIN DH PRIVATE KEY-----\n{body}\n-----END DH PRIVATE KEY-----\n",
            _ => $"{t.Pattern}\n{body}\n{t.Pattern.Replace("BEGIN", "END")}\n",
        };
    }

    public static string Url(CredentialType t, Random r, string? password = null) =>
        $"{t.Keywords![0]}svc_user:{password ?? Run(r, Alphabet.Alnum, 14)}@db-7.internal.corp:5432/app";

    /// <summary>A name that mentions the provider, for named types: `ALGOLIA_ADMIN_VALUE`.</summary>
    public static string NameFor(CredentialType t) => t.Names[0].Trim('_').ToUpperInvariant() + "_CREDENTIAL";
}
