using Bulwark.Engine;
using Bulwark.Core;
using Bulwark.Python;
using Bulwark.Rules;
using Bulwark.Secrets;

namespace Bulwark.Tests.Secrets;

/// <summary>
/// One test per credential type of the table: a synthetic credential is found, with its type, in at least two file
/// kinds; and decoys of it — wrong length, a neighbouring prefix, a broken checksum, a placeholder — stay silent.
/// </summary>
public class CredentialTypeTests
{
    public static TheoryData<string> TypeIds()
    {
        var data = new TheoryData<string>();
        foreach (var t in CredentialTable.All) data.Add(t.Id);
        return data;
    }

    static readonly ScanSettings Settings = new() { Select = ["BW800", "BW801", "BW802"] };
    static readonly RuleSet Rules = RuleSet.From(RuleCatalog.All, Settings);

    /// <summary>Secret types found in a file of the given name, through the real per-file pipeline.</summary>
    internal static List<string> TypesFound(string fileName, string content, ScanSettings? settings = null)
    {
        settings ??= Settings;
        var rules = settings == Settings ? Rules : RuleSet.From(RuleCatalog.All, settings);
        bool python = fileName.EndsWith(".py");
        var file = new SourceFile("/project/" + fileName, fileName, new SourceText(content), python);
        var outcome = FileAnalysis.Analyze(file, rules, settings);
        Assert.Empty(outcome.Warnings);
        return outcome.Findings.Select(f => f.Properties.TryGetValue("secretType", out var v) ? (string)v.Value : f.Rule.Id).ToList();
    }

    static (string Env, string Yaml, string Python) Embed(CredentialType t, string value)
    {
        if (t.Kind == DetectorKind.NamedValue)
        {
            var name = SecretSamples.NameFor(t);
            return ($"{name}={value}\n", $"settings:\n  {name.ToLowerInvariant()}: \"{value}\"\n", $"{name} = \"{value}\"\n");
        }
        if (t.Kind == DetectorKind.PrivateKey)
            return ($"# key\n{value}", $"key: |\n  {value.Replace("\n", "\n  ")}\n", $"KEY = \"\"\"{value}\"\"\"\n");
        return ($"VALUE={value}\n", $"value: \"{value}\"\n", $"VALUE = \"{value}\"\n");
    }

    static string Sample(CredentialType t, Random r) => t.Kind switch
    {
        DetectorKind.Jwt => SecretSamples.Jwt(r),
        DetectorKind.PrivateKey => SecretSamples.PrivateKey(t, r),
        DetectorKind.UrlPassword => SecretSamples.Url(t, r),
        _ => SecretSamples.Value(t, r),
    };

    [Theory]
    [MemberData(nameof(TypeIds))]
    public void Each_type_is_found_in_a_dotenv_a_yaml_and_a_python_file(string id)
    {
        var t = CredentialTable.Find(id)!;
        var value = Sample(t, SecretSamples.RandomFor(id));
        var (env, yaml, py) = Embed(t, value);
        Assert.Contains(id, TypesFound("service.env", env));
        Assert.Contains(id, TypesFound("deploy.yaml", yaml));
        Assert.Contains(id, TypesFound("client.py", py));
    }

    [Theory]
    [MemberData(nameof(TypeIds))]
    public void Decoys_of_each_type_stay_silent(string id)
    {
        var t = CredentialTable.Find(id)!;
        var r = SecretSamples.RandomFor(id + "/decoy");
        var decoys = new List<string>();
        switch (t.Kind)
        {
            case DetectorKind.Token or DetectorKind.NamedValue:
                var good = SecretSamples.Value(t, r);
                // Wrong length: one character too many for a fixed-length run, one too few for a bounded one.
                var runs = t.Compiled.Segments.OfType<TokenPattern.Run>().ToList();
                var sized = t.Compiled.Segments[^1] is TokenPattern.Literal && t.Compiled.Segments.Count > 1
                    ? t.Compiled.Segments[^2] as TokenPattern.Run : t.Compiled.Segments[^1] as TokenPattern.Run;
                if (sized is { } run && run.Alphabet.Name != "=")
                {
                    int chosen = Math.Min(run.Min + 4, run.Max);
                    int delta = run.Min == run.Max ? 1 : run.Min - 1 - chosen;
                    if (run.Min > 1 || run.Min == run.Max) decoys.Add(SecretSamples.Value(t, SecretSamples.RandomFor(id), delta));
                }
                // A neighbouring prefix: the leading literal's last character changed.
                if (t.Compiled.Segments[0] is TokenPattern.Literal lit && t.KeywordOffset == 0)
                {
                    var prefix = lit.Options[0];
                    char c = prefix[^1];
                    char other = c == 'z' ? 'y' : c == '_' ? '-' : c == '-' ? '_' : c == '.' ? ',' : (char)(c + 1);
                    decoys.Add(prefix[..^1] + other + good[prefix.Length..]);
                }
                // A broken checksum.
                if (t.Check == TokenCheck.Crc32Base62) decoys.Add(good[..^1] + (good[^1] == 'A' ? 'B' : 'A'));
                // A placeholder of the same shape.
                decoys.Add(Placeholder(good, t));
                break;
            case DetectorKind.Jwt:
                decoys.Add(SecretSamples.Jwt(r, alg: "none"));
                decoys.Add("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0");   // no signature part
                decoys.Add("eyJub3RhIjoiand0In0.eyJzdWIiOiIxMjM0NTY3ODkwIn0." + SecretSamples.Run(r, Alphabet.UrlSafe, 43)); // header without alg
                break;
            case DetectorKind.PrivateKey:
                var header = t.Id == "putty-private-key" ? "PuTTY-User-Key-File-3: ssh-rsa\nPrivate-Lines: 2\n" : SecretSamples.PrivateKey(t, r).Split('\n')[0] + "\n";
                decoys.Add(header + "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC...\n-----END PRIVATE KEY-----\n"); // truncated example
                decoys.Add(header + string.Concat(Enumerable.Repeat("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n", 4)) + "-----END PRIVATE KEY-----\n");
                break;
            case DetectorKind.UrlPassword:
                foreach (var pw in (string[])["password", "${DB_PASSWORD}", "<password>", "****", "%(password)s", "{password}"])
                    decoys.Add(SecretSamples.Url(t, r, pw));
                decoys.Add($"{t.Keywords![0]}user:Zq8nW2xv7@db.example.com/app");
                break;
        }
        foreach (var decoy in decoys)
        {
            var (env, yaml, py) = Embed(t, decoy);
            Assert.DoesNotContain(id, TypesFound("service.env", env));
            Assert.DoesNotContain(id, TypesFound("client.py", py));
            Assert.DoesNotContain(id, TypesFound("deploy.yaml", yaml));
        }
    }

    /// <summary>The sample with its random part replaced by `x`/`0`: the shape of a documentation placeholder.</summary>
    static string Placeholder(string good, CredentialType t)
    {
        int prefix = t.Compiled.Segments[0] is TokenPattern.Literal l ? l.Options[0].Length : 0;
        var chars = good.ToCharArray();
        for (int i = prefix; i < chars.Length; i++)
            if (char.IsAsciiLetterOrDigit(chars[i])) chars[i] = t.Compiled.Segments.OfType<TokenPattern.Run>().All(r => r.Alphabet.Contains('x')) ? 'x' : '0';
        return new string(chars);
    }

    [Fact]
    public void The_table_has_at_least_150_types_with_unique_ids_and_valid_patterns()
    {
        var all = CredentialTable.All;
        Assert.True(all.Count >= 150, $"{all.Count} types");
        Assert.Equal(all.Count, all.Select(t => t.Id).Distinct().Count());
        foreach (var t in all)
        {
            Assert.NotEmpty(t.Provider);
            Assert.NotEmpty(t.Description);
            Assert.NotEmpty(t.Shape);
            if (t.Kind is DetectorKind.Token or DetectorKind.Jwt)
                Assert.True((t.Keywords ?? t.Compiled.LeadingLiterals).Count > 0, $"{t.Id} has no prefilter keyword");
            if (t.Kind == DetectorKind.NamedValue) Assert.NotEmpty(t.Names);
        }
        // Every area the issue names is covered.
        foreach (var provider in (string[])["AWS", "Google Cloud", "Microsoft Azure", "Alibaba Cloud", "DigitalOcean", "GitHub", "GitLab", "Bitbucket",
                     "Slack", "Discord", "Telegram", "Microsoft Teams", "Stripe", "Square", "PayPal / Braintree", "Adyen", "Twilio SendGrid", "Mailgun",
                     "Mailchimp", "Twilio", "Postmark", "OpenAI", "Anthropic", "Hugging Face", "Cohere", "Replicate", "Groq", "PyPI", "npm", "RubyGems",
                     "NuGet", "Docker Hub", "Datadog", "New Relic", "Sentry", "Grafana", "Honeycomb", "MongoDB Atlas", "PlanetScale", "Supabase",
                     "Databricks", "Snowflake", "Private key", "JSON Web Token", "PostgreSQL", "MySQL / MariaDB", "MongoDB", "Redis", "RabbitMQ / AMQP", "HTTP"])
            Assert.Contains(all, t => t.Provider == provider);
    }

    [Fact]
    public void Docs_show_shapes_never_a_full_credential()
    {
        var page = Bulwark.Reports.SecretTypeDocs.Markdown();
        foreach (var t in CredentialTable.All)
        {
            Assert.Contains("`" + t.Id + "`", page);
            if (t.Kind is DetectorKind.Token or DetectorKind.NamedValue or DetectorKind.Jwt)
                Assert.DoesNotContain(t.Id, TypesFound("secret-types.md", page, new ScanSettings { Select = ["BW800"] }));
        }
        Assert.Empty(TypesFound("secret-types.md", page, new ScanSettings { Select = ["BW800", "BW801", "BW802"] }));
    }
}
