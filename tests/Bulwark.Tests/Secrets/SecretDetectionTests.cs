using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Bulwark.Config;
using Bulwark.Engine;
using Bulwark.Core;
using Bulwark.Secrets;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Secrets;

/// <summary>Generic detection, placeholders, notebooks, configuration, dotenv hygiene, history and hostile input.</summary>
public class SecretDetectionTests
{
    static readonly string GitHubToken = SecretSamples.Value(CredentialTable.Find("github-pat")!, new Random(21));

    static ScanResult Scan(string root, ScanSettings? settings = null, GitHistory? history = null) =>
        new Scanner(settings ?? new ScanSettings { Select = ["secrets"], Jobs = 1 }).Scan(new ScanRequest([root]) { History = history });

    static List<string> Generic(string fileName, string content) =>
        CredentialTypeTests.TypesFound(fileName, content, new ScanSettings { Select = ["BW803"] });

    [Theory]
    [InlineData(".env", "DB_PASSWORD=Xk9#mq2Lp!\n")]
    [InlineData("config.ini", "[db]\npassword = Xk9#mq2Lp!\n")]
    [InlineData("settings.toml", "[db]\npassword = \"Xk9#mq2Lp!\"\n")]
    [InlineData("compose.yaml", "services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=Xk9mq2Lp7z\n")]
    [InlineData("config.json", "{\"database\": {\"password\": \"Xk9#mq2Lp!\"}}\n")]
    [InlineData("Dockerfile", "FROM python:3.12\nENV API_TOKEN=9f8e7d6c5b4a39281706f5e4d3c2b1a0\n")]
    [InlineData("deploy.sh", "export SECRET_KEY='q8Zr2Lw9Xv4Tn7Ym3Kp6'\n")]
    [InlineData("main.tf", "resource \"aws_db_instance\" \"db\" {\n  password = \"Xk9#mq2Lp!\"\n}\n")]
    [InlineData(".github/workflows/ci.yml", "env:\n  NPM_TOKEN: q8Zr2Lw9Xv4Tn7Ym3Kp6Hs5\n")]
    [InlineData(".npmrc", "//registry.example.org/:_authToken=q8Zr2Lw9Xv4Tn7Ym3Kp6Hs5\n")]
    public void Credentials_under_credential_names_are_found_in_configuration_files(string fileName, string content)
    {
        Assert.NotEmpty(Generic(fileName, content));
    }

    [Theory]
    [InlineData("DB_PASSWORD=${DB_PASSWORD}")]
    [InlineData("DB_PASSWORD=$DB_PASSWORD")]
    [InlineData("password: \"{{ secrets.DB_PASSWORD }}\"")]
    [InlineData("password = %(db_password)s")]
    [InlineData("password: changeme")]
    [InlineData("password: <your-password>")]
    [InlineData("api_key: xxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("password: \"********\"")]
    [InlineData("password = os.environ[\"DB_PASSWORD\"]")]
    [InlineData("token = os.getenv(\"TOKEN\")")]
    [InlineData("secret_key = settings.SECRET_KEY")]
    [InlineData("password = var.db_password")]
    [InlineData("password: !vault |")]
    [InlineData("password_file: /run/secrets/db_password")]
    [InlineData("PASSWORD_MIN_LENGTH=12")]
    [InlineData("TOKEN_TYPE=bearer")]
    [InlineData("cache_key = 9f8e7d6c5b4a39281706f5e4d3c2b1a0")]   // a hash under a name that does not say secret
    [InlineData("request_id = 123e4567-e89b-12d3-a456-426614174000")] // a UUID under a name that does not say secret
    [InlineData("api_key: short")]
    [InlineData("password: postgres")]
    [InlineData("NextToken: Q2hlY2tpbmdOZXh0VG9rZW4xMjM0NTY3")]
    [InlineData("policy_arn: arn:aws:iam::aws:policy/SecretsManagerReadWrite")]
    public void Placeholders_references_and_non_secrets_stay_silent(string line)
    {
        Assert.Empty(Generic("app.env", line + "\n"));
        Assert.Empty(Generic("app.yaml", line + "\n"));
    }

    [Theory]
    [InlineData("url = \"https://foo.com:123,foo:bar@bar.com/path\"")]   // a multi-host URL: the user information is foo:bar
    [InlineData("url = \"https://proxy.internal:8080@other.host/\"")]     // host and port, not user and password
    [InlineData("url = \"postgresql://user:password@localhost/db\"")]
    [InlineData("url = \"postgresql://{user}:{password}@{host}/db\"")]
    [InlineData("url = f\"redis://:{REDIS_PASSWORD}@cache:6379/0\"")]
    public void Urls_without_a_real_password_stay_silent(string line)
    {
        Assert.Empty(CredentialTypeTests.TypesFound("app.py", line + "\n", new ScanSettings { Select = ["BW802"] }));
    }

    [Fact]
    public void Notebook_cells_and_outputs_are_scanned_with_positions_in_the_json_file()
    {
        using var dir = new TempDir();
        var nb = "{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"source\": [\n    \"import os\\n\",\n    \"password = \\\"Xk9#mq2Lp!\\\"\\n\"\n   ],\n"
               + "   \"outputs\": [{\"output_type\": \"stream\", \"text\": [\"token " + GitHubToken + "\\n\"]}]\n  }\n ]\n}\n";
        dir.Write("analysis.ipynb", nb);
        var findings = Scan(dir.Path).Findings;
        var generic = Assert.Single(findings, f => f.Rule.Id == "BW803");
        Assert.Equal(7, generic.Location.StartLine);
        var lines = nb.Split('\n');
        Assert.Equal("Xk9#mq2Lp!", lines[6].Substring(generic.Location.StartColumn - 1, generic.Location.EndColumn - generic.Location.StartColumn));
        var token = Assert.Single(findings, f => f.Rule.Id == "BW800");
        Assert.Equal(9, token.Location.StartLine);
        Assert.Equal(GitHubToken, lines[8].Substring(token.Location.StartColumn - 1, 40));
    }

    [Fact]
    public void Python_credentials_are_found_in_keywords_defaults_annotations_and_dicts_once_each()
    {
        using var dir = new TempDir();
        var stripe = SecretSamples.Value(CredentialTable.Find("stripe-secret-key")!, new Random(5));
        dir.Write("app.py",
            "client = Client(api_key=\"9f8e7d6c5b4a39281706f5e4d3c2b1a0\", password=\"Xk9#mq2Lp!\")\n" +
            "def connect(host, *, password=\"Xk9#mq2Lp!\"):\n    pass\n" +
            "DB_PASS: str = \"Xk9#mq2Lp!\"\n" +
            "CONFIG = {\"auth_token\": \"q8Zr2Lw9Xv4Tn7Ym3Kp6Hs5\"}\n" +
            $"stripe.api_key = \"{stripe}\"\n" +
            "TOKEN_TYPE = \"bearer\"\nAPI_KEY = os.environ[\"API_KEY\"]\npassword = \"changeme\"\n" +
            "DD_API_KEY = \"4f3e2d1c0b9a88776655443322110ffe\"\n");
        var findings = Scan(dir.Path).Findings;
        var lines = findings.Where(f => f.Rule.Id == "BW105").Select(f => (f.Location.StartLine, f.Location.StartColumn)).ToList();
        Assert.Equal([(1, 25), (1, 70), (2, 31), (4, 16), (5, 25)], lines);
        // The Stripe key is BW800's finding, not also BW105's.
        var stripeFinding = Assert.Single(findings, f => f.Location.StartLine == 6);
        Assert.Equal("BW800", stripeFinding.Rule.Id);
        // So is a value of a provider's shape under the provider's name.
        var datadog = Assert.Single(findings, f => f.Location.StartLine == 10);
        Assert.Equal(("BW800", "datadog-api-key"), (datadog.Rule.Id, (string)datadog.Properties["secretType"].Value));
    }

    [Fact]
    public void Bandit_profile_keeps_B105_B106_B107_exactly()
    {
        using var dir = new TempDir();
        dir.Write("app.py", "password = \"\"\nTOKEN_TYPE = \"bearer\"\ndb.connect(password=\"x\")\ndef f(a, token=\"t\"):\n    pass\n");
        var ids = Scan(dir.Path, new ScanSettings { Profile = RuleProfile.Bandit, Jobs = 1 }).Findings.Select(f => (f.Rule.Id, f.Location.StartLine));
        Assert.Equal([("B105", 1), ("B105", 2), ("B106", 3), ("B107", 4)], ids);
    }

    [Fact]
    public void A_settings_module_credential_is_rated_medium_and_says_so()
    {
        using var dir = new TempDir();
        dir.Write("mysite/settings.py", "SECRET_KEY = \"k9Zr2Lw9Xv4Tn7Ym3Kp6Hs5Qd8\"\n");
        var f = Assert.Single(Scan(dir.Path).Findings);
        Assert.Equal(Severity.Medium, f.Severity);
        Assert.Contains("settings module", f.Message);
    }

    [Fact]
    public void Test_paths_get_no_generic_findings_and_low_confidence_for_formats()
    {
        using var dir = new TempDir();
        dir.Write("tests/fixtures.env", $"DB_PASSWORD=Xk9#mq2Lp!\nGITHUB_TOKEN={GitHubToken}\n");
        var f = Assert.Single(Scan(dir.Path).Findings);
        Assert.Equal("BW800", f.Rule.Id);
        Assert.Equal(Confidence.Low, f.Confidence);
    }

    [Fact]
    public void The_allowlist_by_value_hash_regex_path_and_type_is_honoured()
    {
        using var dir = new TempDir();
        dir.Write("a.env", $"DB_PASSWORD=Xk9#mq2Lp!\nGITHUB_TOKEN={GitHubToken}\nOTHER_SECRET=q8Zr2Lw9Xv4Tn7Ym3Kp6Hs5\n");
        dir.Write("docs/howto.env", "DB_PASSWORD=Yk9#mq2Lp!\n");
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("Xk9#mq2Lp!")));
        var config = ConfigFile.Parse($"""
            [secrets]
            allow-values-sha256 = ["{sha}"]
            allow-regexes = ["^q8Zr"]
            allow-paths = ["docs/**"]
            ignore-types = ["github-pat"]
            test-paths = []
            """, "bulwark.toml", [])!;
        var settings = SettingsBuilder.Build(config, new CommandLineOptions()) with { Select = ["secrets"], Jobs = 1 };
        Assert.DoesNotContain(Scan(dir.Path, settings).Findings, f => f.Rule.Id != "BW804");
        Assert.Equal(3, Scan(dir.Path).Findings.Count(f => f.Location.Path == "a.env" && f.Rule.Id != "BW804"));
    }

    [Theory]
    [InlineData("[secrets]\nallow-values-sha256 = [\"abc\"]", "64 hexadecimal digits")]
    [InlineData("[secrets]\nallow-regexes = [\"(unclosed\"]", "invalid or unsupported expression")]
    [InlineData("[secrets]\nignore-types = [\"no-such-type\"]", "unknown credential type")]
    [InlineData("[secrets]\nallowlist = []", "unknown configuration key 'secrets.allowlist'")]
    [InlineData("[secrets]\nallow-paths = \"docs/**\"", "must be a list of strings")]
    public void Invalid_secrets_configuration_is_a_one_line_error(string toml, string expected)
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigFile.Parse(toml, "bulwark.toml", []));
        Assert.Contains(expected, ex.Message);
        Assert.StartsWith("bulwark.toml:", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void A_dotenv_file_not_covered_by_gitignore_is_reported_and_templates_are_not()
    {
        using var dir = new TempDir();
        dir.Write(".env", "DB_PASSWORD=Xk9#mq2Lp!\n");
        dir.Write(".env.example", "DB_PASSWORD=changeme\n");
        dir.Write("empty/.env", "# nothing yet\nDEBUG=\n");
        var f = Assert.Single(Scan(dir.Path, new ScanSettings { Select = ["BW804"], Jobs = 1 }).Findings);
        Assert.Equal(".env", f.Location.Path);
        Assert.Contains("not covered by .gitignore", f.Message);

        dir.Write(".gitignore", ".env\n");
        Assert.Empty(Scan(dir.Path, new ScanSettings { Select = ["BW804"], Jobs = 1, RespectGitignore = false }).Findings);
    }

    static bool HasGit() => GitCli.Run(Path.GetTempPath(), ["--version"]) is not null;

    static void Git(string dir, params string[] args)
    {
        var env = new[] { "-c", "user.email=dev@example.org", "-c", "user.name=Dev", "-c", "commit.gpgsign=false" };
        Assert.NotNull(GitCli.Run(dir, env.Concat(args)));
    }

    [Fact]
    public void A_tracked_dotenv_file_is_reported_as_committed()
    {
        Assert.True(HasGit(), "git is required for this test");
        using var dir = new TempDir();
        Git(dir.Path, "init", "-q");
        dir.Write(".env", "DB_PASSWORD=Xk9#mq2Lp!\n");
        Git(dir.Path, "add", ".env");
        var f = Assert.Single(Scan(dir.Path, new ScanSettings { Select = ["BW804"], Jobs = 1 }).Findings);
        Assert.Equal(Severity.High, f.Severity);
        Assert.Contains("tracked by git", f.Message);
    }

    [Fact]
    public void History_reports_removed_secrets_with_commit_date_and_author_once_and_skips_those_still_present()
    {
        Assert.True(HasGit(), "git is required for this test");
        using var dir = new TempDir();
        Git(dir.Path, "init", "-q");
        dir.Write("config.yaml", $"github:\n  token: {GitHubToken}\n");
        dir.Write("app.py", "password = \"Xk9#mq2Lp!\"\n");
        Git(dir.Path, "add", "-A");
        Git(dir.Path, "commit", "-q", "-m", "add");
        dir.Write("config.yaml", "github:\n  token: ${GITHUB_TOKEN}\n");
        dir.Write("other.yaml", $"copy:\n  token: {GitHubToken}\n"); // the same token committed again elsewhere
        Git(dir.Path, "add", "-A");
        Git(dir.Path, "commit", "-q", "-m", "move");
        dir.Write("other.yaml", "copy: {}\n");
        Git(dir.Path, "commit", "-q", "-am", "remove");

        var result = Scan(dir.Path, history: new GitHistory(null));
        var historical = result.Findings.Where(f => f.Properties.ContainsKey("commit")).ToList();
        var token = Assert.Single(historical);
        Assert.Equal("BW800", token.Rule.Id);
        Assert.Equal(("config.yaml", 2, 10), (token.Location.Path, token.Location.StartLine, token.Location.StartColumn));
        Assert.Equal("dev@example.org", token.Properties["authorEmail"].Value);
        Assert.Matches("^[0-9a-f]{40}$", (string)token.Properties["commit"].Value);
        Assert.DoesNotContain(GitHubToken[4..], token.Snippet);
        // The password is still in app.py: reported once, by the working-tree scan.
        Assert.Single(result.Findings, f => f.Rule.Id == "BW105");

        // --since limits the history to later commits.
        var since = Scan(dir.Path, history: new GitHistory("HEAD~1"));
        Assert.DoesNotContain(since.Findings, f => f.Properties.ContainsKey("commit"));
        Assert.Throws<ConfigException>(() => Scan(dir.Path, history: new GitHistory("--output=/tmp/x")));
        Assert.Throws<ConfigException>(() => Scan(dir.Path, history: new GitHistory("no-such-ref")));
    }

    [Fact]
    public void History_outside_a_repository_is_a_one_line_error()
    {
        Assert.True(HasGit(), "git is required for this test");
        using var dir = new TempDir();
        dir.Write("a.py", "x = 1\n");
        var ex = Assert.Throws<ConfigException>(() => Scan(dir.Path, history: new GitHistory(null)));
        Assert.Contains("not inside a git repository", ex.Message);
    }

    /// <summary>Inputs built to make a naive scanner quadratic or exponential: each must scan in linear time.</summary>
    public static TheoryData<string> HostileInputs() => new()
    {
        "tokens", "pem", "jwt", "assignments", "urls", "base64", "putty",
    };

    public static string Hostile(string kind, int megabytes)
    {
        int n = megabytes * 1024 * 1024;
        var sb = new StringBuilder(n + 1024);
        var r = new Random(1);
        while (sb.Length < n)
            switch (kind)
            {
                case "tokens": sb.Append("ghp_ghp_xoxb-1234567890-sk_live_AKIAsk-ant-api03-"); break;
                case "pem": sb.Append("-----BEGIN RSA PRIVATE KEY-----\nMIIE"); break;
                case "jwt": sb.Append("eyJhbGciOiJIUzI1NiJ9.eyJ"); break;
                case "assignments": sb.Append("password=password=\"x"); break;
                case "urls": sb.Append("postgres://a:b:c:d@@@@"); break;
                case "base64": sb.Append((char)("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[r.Next(64)])); break;
                case "putty": sb.Append("PuTTY-User-Key-File-2: x\n"); break;
            }
        return sb.ToString();
    }

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Hostile_multi_megabyte_input_scans_in_linear_time(string kind)
    {
        var text = Hostile(kind, 4);
        SecretScanner.Scan(text[..10000], ScanMode.Formats | ScanMode.Generic); // warm up
        var clock = Stopwatch.StartNew();
        SecretScanner.Scan(text, ScanMode.Formats | ScanMode.Generic | ScanMode.EscapedQuotes);
        // Generous for a shared CI machine; bench/secrets/run.sh measures the real figure (well under a second).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{kind}: {clock.Elapsed.TotalSeconds:F1} s for 4 MB");
    }

    [Fact]
    public void A_scan_finds_the_same_whatever_the_thread_scanned_before()
    {
        // The scanner reuses its state on a thread: nothing of one text may leak into the next one's answer.
        var random = new Random(5);
        var texts = new List<string>();
        foreach (var t in CredentialTable.All)
            texts.Add(t.Kind == DetectorKind.PrivateKey
                ? SecretSamples.PrivateKey(t, random)
                : $"{(t.Names.Count > 0 ? SecretSamples.NameFor(t) : "value")} = \"{SecretSamples.Value(t, random)}\"\nurl = https://user:Xk9mq2Lp7zQ@db.example.org/\n");
        texts.Add("password = 'hunter2hunter2'\n-----BEGIN RSA PRIVATE KEY-----\nnot a key\n");
        const ScanMode mode = ScanMode.Formats | ScanMode.Generic | ScanMode.EscapedQuotes;
        List<string> Describe(string text) => [.. SecretScanner.Scan(text, mode).Select(m => $"{m.Kind} {m.Type?.Id} {m.Start}-{m.End}")];
        var alone = new List<List<string>>();
        foreach (var text in texts)
        {
            List<string>? fresh = null;
            var thread = new Thread(() => fresh = Describe(text));
            thread.Start();
            thread.Join();
            alone.Add(fresh!);
        }
        Assert.Contains(alone, a => a.Count > 0);
        // In order, then backwards, on this one thread.
        for (int i = 0; i < texts.Count; i++) Assert.Equal(alone[i], Describe(texts[i]));
        for (int i = texts.Count - 1; i >= 0; i--) Assert.Equal(alone[i], Describe(texts[i]));
    }
}
