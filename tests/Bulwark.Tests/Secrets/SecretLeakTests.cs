using System.Security.Cryptography;
using System.Text;
using Bulwark.Engine;
using Bulwark.Core;
using Bulwark.Reports;
using Bulwark.Secrets;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Secrets;

/// <summary>
/// No output ever carries a secret: not the snippets of other rules' findings on the same line, not messages, not
/// reports in any format, not the baseline — and no unkeyed hash of a secret either (fingerprints rest on context).
/// </summary>
public class SecretLeakTests
{
    static readonly string GitHubToken = SecretSamples.Value(CredentialTable.Find("github-pat")!, new Random(11));
    static readonly string StripeKey = SecretSamples.Value(CredentialTable.Find("stripe-secret-key")!, new Random(12));

    static string[] Secrets(string password, string dbPassword) => [GitHubToken, StripeKey, password, dbPassword];

    static void WriteProject(TempDir dir, string password, string dbPassword)
    {
        dir.Write("app.py",
            $"import os\npassword = \"{password}\"; os.system(\"mysql -u root --password=\" + password)\n" +
            $"os.system(\"curl -H 'Authorization: token {GitHubToken}' https://api.github.com\")\n" +
            $"client = Client(api_key=\"{StripeKey}\")\n" +
            $"DB = \"postgresql://app:{dbPassword}@db.internal/app\"\n");
        dir.Write("deploy/.env", $"DB_PASSWORD={password}\nGITHUB_TOKEN={GitHubToken}\n");
        dir.Write("nb.ipynb", "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"password = \\\"" + password + "\\\"\\n\"], \"outputs\": []}]}\n");
    }

    static ScanResult Scan(string root, ScanSettings? settings = null) =>
        new Scanner(settings ?? new ScanSettings { Jobs = 1 }).Scan(new ScanRequest([root]));

    static IEnumerable<string> Outputs(ScanResult result)
    {
        foreach (var format in Reporters.All)
        {
            var w = new StringWriter();
            Reporters.Create(format).Write(result, w);
            yield return w.ToString();
        }
        var baseline = new MemoryStream();
        Baseline.Write(result, baseline);
        yield return Encoding.UTF8.GetString(baseline.ToArray());
        foreach (var warning in result.Warnings) yield return warning;
    }

    /// <summary>The secret itself, and its SHA-256 and SHA-1 in hex and base64: what a dictionary attack would look up.</summary>
    static IEnumerable<string> Forms(string secret)
    {
        yield return secret;
        foreach (var hash in new[] { SHA256.HashData(Encoding.UTF8.GetBytes(secret)), SHA1.HashData(Encoding.UTF8.GetBytes(secret)) })
        {
            yield return Convert.ToHexStringLower(hash);
            yield return Convert.ToHexStringLower(hash)[..32]; // a truncated digest, as fingerprints are
            yield return Convert.ToBase64String(hash);
        }
        // More than a short prefix: the first half of the secret.
        yield return secret[..(secret.Length / 2 + 1)];
    }

    [Fact]
    public void No_report_format_baseline_or_warning_contains_a_secret_or_an_unkeyed_hash_of_one()
    {
        using var dir = new TempDir();
        const string password = "Vn7#qLp2Wz9k", dbPassword = "Zq8nW2xv7Lm";
        WriteProject(dir, password, dbPassword);
        var result = Scan(dir.Path);
        Assert.Contains(result.Findings, f => f.Rule.Id == "BW800");
        Assert.Contains(result.Findings, f => f.Rule.Id == "B605");
        foreach (var output in Outputs(result))
            foreach (var secret in Secrets(password, dbPassword))
                foreach (var form in Forms(secret))
                    Assert.False(output.Contains(form, StringComparison.Ordinal), $"found `{form}` (a form of a secret) in:\n{Around(output, form)}");
    }

    static string Around(string text, string form)
    {
        int i = text.IndexOf(form, StringComparison.Ordinal);
        return text.Substring(Math.Max(0, i - 200), Math.Min(text.Length - Math.Max(0, i - 200), 400));
    }

    [Fact]
    public void A_secret_on_the_line_of_another_rules_finding_is_masked_even_when_no_secrets_rule_runs()
    {
        using var dir = new TempDir();
        const string password = "Vn7#qLp2Wz9k";
        WriteProject(dir, password, "Zq8nW2xv7Lm");
        var result = Scan(dir.Path, new ScanSettings { Select = ["B605"], Jobs = 1 });
        Assert.Equal(2, result.Findings.Count);
        Assert.All(result.Findings, f => Assert.Equal("B605", f.Rule.Id));
        foreach (var output in Outputs(result))
        {
            Assert.DoesNotContain(password, output);
            Assert.DoesNotContain(GitHubToken[4..], output);
        }
        Assert.Contains(result.Findings, f => f.Snippet!.Contains("password = \"Vn7") && f.Snippet.Contains("*****"));
    }

    [Fact]
    public void Fingerprints_rest_on_context_so_changing_the_secret_keeps_them()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        WriteProject(a, "Vn7#qLp2Wz9k", "Zq8nW2xv7Lm");
        WriteProject(b, "Other#Pass77", "Kp3vX9wq2Rt");
        var fa = Scan(a.Path).Findings.Where(f => f.Rule.Family == Family.Secrets).Select(f => (f.Rule.Id, f.Location.Path, f.Fingerprint)).ToList();
        var fb = Scan(b.Path).Findings.Where(f => f.Rule.Family == Family.Secrets).Select(f => (f.Rule.Id, f.Location.Path, f.Fingerprint)).ToList();
        Assert.True(fa.Count >= 6, string.Join(", ", fa));
        Assert.Equal(fa, fb);
    }

    [Fact]
    public void A_baseline_of_secret_findings_suppresses_them_on_the_next_scan()
    {
        using var dir = new TempDir();
        WriteProject(dir, "Vn7#qLp2Wz9k", "Zq8nW2xv7Lm");
        var first = Scan(dir.Path);
        var known = BaselineFile.From(first.Findings);
        var second = new Scanner(new ScanSettings { Jobs = 1 }).Scan(new ScanRequest([dir.Path]) { Baseline = known });
        Assert.Empty(second.Findings);
        Assert.Equal(first.Findings.Count, second.Suppressed.Baseline);
    }

    [Fact]
    public void Masking_keeps_at_most_a_short_prefix_and_the_length()
    {
        var line = $"token = \"{GitHubToken}\"  # deploy";
        var masked = SecretMasker.Mask(line);
        Assert.Equal(line.Length, masked.Length);
        Assert.Contains("ghp_", masked);
        Assert.DoesNotContain(GitHubToken[4..8], masked);
        Assert.EndsWith("\"  # deploy", masked);
        Assert.Equal("`ghp_…` (40 characters)", SecretMasker.Preview(GitHubToken, 4));
        Assert.Equal("12 characters", SecretMasker.Preview("Vn7#qLp2Wz9k", -1));
        Assert.DoesNotContain("Vn7#qLp2", SecretMasker.Redact("password = 'Vn7#qLp2Wz9k'"));
        // Code is not masked: an unquoted name compared or assigned is no secret.
        Assert.Equal("assert self._total_tokens == total_tokens", SecretMasker.Mask("assert self._total_tokens == total_tokens"));
        Assert.Equal("token = self.next_token()", SecretMasker.Mask("token = self.next_token()"));
    }
}
