using Bulwark.Secrets;

namespace Bulwark.Rules.Secrets;

/// <summary>The message of a secrets finding: what was found, where it is assigned, a short prefix and the length at most.</summary>
public static class SecretFindingText
{
    public static string Message(SecretMatch m, string text, string? name, string path)
    {
        var value = text.AsSpan(m.Start, m.End - m.Start);
        string where = name is not null ? $" assigned to `{name}`" : "";
        switch (m.Kind)
        {
            case SecretKind.PrivateKey:
                return $"{m.Type!.Description} committed in the file (body of {m.End - m.Start} characters).";
            case SecretKind.UrlPassword:
                return $"{m.Type!.Description}: the password in the URL's user information is committed ({m.End - m.Start} characters).";
            case SecretKind.Generic:
                var what = m.NameKind == SecretNameKind.Password ? "Hard-coded password" : "Hard-coded secret";
                var dotenv = SecretFiles.IsDotenv(path) ? " in a dotenv file" : "";
                return $"{what}{where}{dotenv}: {SecretMasker.Preview(value, m.NameKind == SecretNameKind.Password ? -1 : 0)}.";
            default:
                int prefix = m.Type?.Compiled.Segments[0] is TokenPattern.Literal ? LeadingLiteral(m.Type, text, m.Start) : 0;
                return $"{m.Type!.Description} ({m.Type.Provider}){where}: {SecretMasker.Preview(value, prefix)}.";
        }
    }

    static int LeadingLiteral(CredentialType t, string text, int at)
    {
        var lit = (TokenPattern.Literal)t.Compiled.Segments[0];
        foreach (var o in lit.Options)
            if (string.Compare(text, at, o, 0, o.Length, StringComparison.OrdinalIgnoreCase) == 0) return o.Length;
        return 0;
    }
}
