using System.Globalization;
using System.Text;
using Bulwark.Core;
using Bulwark.Secrets;

namespace Bulwark.Reports;

/// <summary>docs/rules/secret-types.md: every credential type of the table with its provider, rule and shape.</summary>
public static class SecretTypeDocs
{
    public static string Markdown()
    {
        var types = CredentialTable.All;
        var sb = new StringBuilder();
        sb.Append("# Credential types\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"The {types.Count} credential types the secrets rules recognise, from the table compiled into Bulwark ")
          .Append("(`src/Bulwark/Secrets/CredentialTable.cs`). The type is each finding's `secretType` property; switch a type off with ")
          .Append("`[tool.bulwark.secrets] ignore-types`. Shapes use these alphabets: `[0-9a-f]` hex, `[A-Za-z0-9]` alphanumeric, ")
          .Append("`[A-Za-z0-9_-]` URL-safe, `[A-Za-z0-9+/]` base64, `[A-Z2-7]` base32. No full example value is shown, on purpose. ")
          .Append("Values under credential names that match no type are `generic-password` or `generic-secret` (BW803 in configuration files, BW105 in Python). See [../secrets.md](../secrets.md).\n");
        foreach (var group in types.GroupBy(t => t.Kind))
        {
            sb.Append("\n## ").Append(group.Key switch
            {
                DetectorKind.Token => "Tokens recognised by their format (BW800)",
                DetectorKind.NamedValue => "Values recognised by their shape under a provider's name (BW800)",
                DetectorKind.Jwt => "JSON Web Tokens (BW800)",
                DetectorKind.PrivateKey => "Private keys (BW801)",
                _ => "URLs and connection strings with a password (BW802)",
            }).Append("\n\n");
            sb.Append("| Type | Provider | Credential | Severity | Confidence | Shape | Checks |\n|---|---|---|---|---|---|---|\n");
            foreach (var t in group)
            {
                var checks = new List<string>();
                if (t.MinEntropy > 0) checks.Add(string.Create(CultureInfo.InvariantCulture, $"entropy ≥ {t.MinEntropy:0.0}"));
                if (t.Check == TokenCheck.Crc32Base62) checks.Add("CRC-32 checksum");
                if (t.Check == TokenCheck.JwtStructure) checks.Add("header is JSON with `alg` ≠ none");
                if (t.Kind == DetectorKind.PrivateKey) checks.Add("≥ 64 random base64 characters before the END line");
                if (t.Kind == DetectorKind.UrlPassword) checks.Add("password not a placeholder or template");
                sb.Append("| `").Append(t.Id).Append("` | ").Append(Cell(t.Provider)).Append(" | ").Append(Cell(t.Description))
                  .Append(" | ").Append(t.Severity.Name()).Append(" | ").Append(t.Confidence.Name())
                  .Append(" | ").Append(Cell(t.Shape)).Append(" | ").Append(checks.Count > 0 ? string.Join("; ", checks) : "—").Append(" |\n");
            }
        }
        return sb.ToString();
    }

    static string Cell(string s) => s.Replace("|", "\\|").Replace("\n", " ");
}
