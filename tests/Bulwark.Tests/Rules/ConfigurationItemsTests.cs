using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Python;
using Bulwark.Rules;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Rules;

/// <summary>PyCryptodome ECB under B305 (default profile only), and Django settings parsed once per scan.</summary>
public class ConfigurationItemsTests
{
    const string Ecb = """
        from Crypto.Cipher import AES
        from cryptography.hazmat.primitives.ciphers import modes

        def f(key):
            AES.new(key, AES.MODE_ECB)
            modes.ECB()
        """;

    [Fact]
    public void PyCryptodome_ECB_is_B305_in_the_default_profile_and_not_in_Bandits()
    {
        using var dir = new TempDir();
        var path = dir.Write("c.py", Ecb);
        var all = RuleFixtureTests.Run("B305", path);
        Assert.Contains("5:5 B305", all);
        Assert.Contains("6:5 B305", all);
        var bandit = RuleFixtureTests.Run("B305", path, new ScanSettings { Select = ["B305"], Profile = RuleProfile.Bandit });
        Assert.DoesNotContain("5:5 B305", bandit);
        Assert.Contains("6:5 B305", bandit);
    }

    [Fact]
    public void An_ECB_call_is_reported_once_in_the_default_profile()
    {
        using var dir = new TempDir();
        dir.Write("c.py", Ecb);
        var result = new Scanner(new ScanSettings { Jobs = 1 }).Scan(new ScanRequest([dir.Path]));
        Assert.Single(result.Findings, f => f.Location.StartLine == 5);
    }

    static SourceFile File(string relative, string text) => new(relative, relative, new SourceText(text), isPython: true);

    [Fact]
    public void Django_settings_candidates_keep_their_tree_from_the_per_file_phase_and_others_do_not()
    {
        var settings = new ScanSettings { Select = ["CFG101"], Jobs = 1 };
        var rules = RuleSet.From(RuleCatalog.All, settings);
        Assert.NotNull(FileAnalysis.Analyze(File("mysite/settings.py", "DEBUG = True\n"), rules, settings).Tree);
        Assert.NotNull(FileAnalysis.Analyze(File("conf/prod.py", "INSTALLED_APPS = []\n"), rules, settings).Tree);
        Assert.Null(FileAnalysis.Analyze(File("app/views.py", "x = 1\n"), rules, settings).Tree);
        var other = new ScanSettings { Select = ["B101"], Jobs = 1 };
        Assert.Null(FileAnalysis.Analyze(File("mysite/settings.py", "DEBUG = True\n"), RuleSet.From(RuleCatalog.All, other), other).Tree);
    }

    [Fact]
    public void Django_settings_rules_read_the_kept_tree_and_do_not_parse_the_file_again()
    {
        // The kept tree and the file's text differ (same length): a rule that parsed the text again would see DEBUG = False.
        const string kept = "DEBUG = True \nINSTALLED_APPS = []\nROOT_URLCONF = 'shop.urls'\n";
        const string onDisk = "DEBUG = False\nINSTALLED_APPS = []\nROOT_URLCONF = 'shop.urls'\n";
        var tree = PythonParser.Parse(kept).Module;
        var source = File("shop/settings.py", onDisk);
        var files = new[] { new ProjectFile("shop/settings.py", "shop/settings.py", () => source) { ImportPath = "shop/settings.py", Tree = tree } };
        var sink = new List<Finding>();
        var context = new ProjectContext("/nonexistent", files, new HashSet<string>(), new ScanSettings(), sink, []);
        new Bulwark.Rules.Configuration.DjangoDebugEnabled().Check(context);
        var finding = Assert.Single(sink);
        Assert.Equal("CFG101", finding.Rule.Id);
        Assert.Equal(1, finding.Location.StartLine);

        // Without a kept tree (a file no candidate test chose), the text is parsed: DEBUG = False, nothing to report.
        var parsedAgain = new[] { new ProjectFile("shop/settings.py", "shop/settings.py", () => source) { ImportPath = "shop/settings.py" } };
        var sink2 = new List<Finding>();
        new Bulwark.Rules.Configuration.DjangoDebugEnabled().Check(new ProjectContext("/nonexistent", parsedAgain, new HashSet<string>(), new ScanSettings(), sink2, []));
        Assert.Empty(sink2);
    }

    [Fact]
    public void Configuration_rules_do_not_read_again_an_analysed_file_no_rule_kept()
    {
        // The per-file phase analysed both files and kept no tree: neither is a candidate, so neither is read again.
        int reads = 0;
        SourceFile Read(string path) { reads++; return File(path, "DEBUG = True\nINSTALLED_APPS = []\nROOT_URLCONF = 'shop.urls'\n"); }
        var files = new[]
        {
            new ProjectFile("shop/settings.py", "shop/settings.py", () => Read("shop/settings.py")) { ImportPath = "shop/settings.py", Analysed = true },
            new ProjectFile("shop/config.py", "shop/config.py", () => Read("shop/config.py")) { ImportPath = "shop/config.py", Analysed = true },
        };
        var sink = new List<Finding>();
        var context = new ProjectContext("/nonexistent", files, new HashSet<string>(), new ScanSettings(), sink, []);
        new Bulwark.Rules.Configuration.DjangoDebugEnabled().Check(context);
        new Bulwark.Rules.Configuration.FlaskDebugEnabled().Check(context);
        Assert.Empty(sink);
        Assert.Equal(0, reads);

        // A file the scan left out (`--changed-since`) is read and resolved as before.
        var notAnalysed = new[] { new ProjectFile("shop/settings.py", "shop/settings.py", () => Read("shop/settings.py")) { ImportPath = "shop/settings.py" } };
        var sink2 = new List<Finding>();
        new Bulwark.Rules.Configuration.DjangoDebugEnabled().Check(new ProjectContext("/nonexistent", notAnalysed, new HashSet<string>(), new ScanSettings(), sink2, []));
        Assert.Equal("CFG101", Assert.Single(sink2).Rule.Id);
        Assert.Equal(1, reads);
    }
}
