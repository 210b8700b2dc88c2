using Bulwark.Core;
using Bulwark.Secrets;

namespace Bulwark.Config;

/// <summary>Reads `[tool.bulwark.secrets]` (or `[secrets]` in bulwark.toml), validating every key and value.</summary>
static class SecretsConfig
{
    public static readonly string[] Keys = ["test-paths", "allow-paths", "allow-values-sha256", "allow-regexes", "ignore-types"];

    public static SecretsSettings Read(SecretsSettings current, TomlEntry e, Func<TomlEntry, IReadOnlyList<string>> strings,
        Func<string, Exception> error)
    {
        if (e.Path.Length != 2)
            throw error("secrets settings are keys of the [secrets] table, e.g. allow-paths = [\"docs/**\"]");
        var key = e.Path[1];
        if (Array.IndexOf(Keys, key) < 0)
            throw error($"unknown configuration key 'secrets.{key}' (known: {string.Join(", ", Keys)})");
        var list = strings(e);
        switch (key)
        {
            case "test-paths": return current with { TestPaths = list };
            case "allow-paths": return current with { AllowPaths = list };
            case "allow-values-sha256":
                foreach (var h in list)
                    if (h.Length != 64 || !h.All(char.IsAsciiHexDigit))
                        throw error("secrets.allow-values-sha256 entries are 64 hexadecimal digits (the SHA-256 of the value)");
                return current with { AllowValueSha256 = list.Select(h => h.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal) };
            case "allow-regexes":
                var regexes = new List<System.Text.RegularExpressions.Regex>();
                foreach (var r in list)
                {
                    try { regexes.Add(SecretsSettings.CompileAllowRegex(r)); }
                    catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
                    { throw error($"secrets.allow-regexes: invalid or unsupported expression: {FirstLine(ex.Message)}"); }
                }
                return current with { AllowRegexes = regexes };
            case "ignore-types":
                foreach (var t in list)
                    if (t is not ("generic-password" or "generic-secret") && CredentialTable.Find(t) is null)
                        throw error($"secrets.ignore-types: unknown credential type '{t}' (see docs/secrets.md)");
                return current with { IgnoreTypes = list.ToHashSet(StringComparer.OrdinalIgnoreCase) };
        }
        return current;
    }

    static string FirstLine(string s) => s.Split('\n')[0];
}
