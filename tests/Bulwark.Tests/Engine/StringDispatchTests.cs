using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Python;
using Bulwark.Python.Syntax;
using Bulwark.Rules;
using Bulwark.Tests.Support;
using Assert = Xunit.Assert;

namespace Bulwark.Tests.Engine;

/// <summary>
/// String literals reach a constant rule that declared the strings it looks at (<see cref="CodeRule.StringsFor"/>)
/// only when they match, and declaring them never costs a finding.
/// </summary>
public class StringDispatchTests
{
    /// <summary>Records every string literal it is handed.</summary>
    sealed class Recorder(StringInterest? interest) : CodeRule
    {
        public readonly List<string> Seen = [];
        public override RuleInfo Info { get; } = new("T002", "recorder", Family.Code, Severity.Low, Confidence.Low, null, "w", "w", "e", "f", []);
        public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Constant];
        public override StringInterest? StringsFor(ScanSettings settings) => interest;
        public override void Check(Node node, CodeContext context)
        {
            if (node is Constant { Value: string s }) Seen.Add(s);
        }
    }

    /// <summary>A rule as it is, except that it declares no strings, so every constant reaches it.</summary>
    sealed class EveryConstant(CodeRule inner) : CodeRule
    {
        public override RuleInfo Info => inner.Info;
        public override IReadOnlyList<NodeKind> Kinds => inner.Kinds;
        public override void Check(Node node, CodeContext context) => inner.Check(node, context);
    }

    static List<string> Seen(StringInterest? interest)
    {
        const string source = "a = '0.0.0.0'\nb = '/tmp/x'\nc = '/tmpfile'\nd = ''\ne = 'é/tmp'\nf = b'/tmp'\ng = 'x/tmp'\nh = '0.0.0.0:80'\n";
        var recorder = new Recorder(interest);
        var file = new SourceFile("t.py", "t.py", new SourceText(source), true);
        var outcome = FileAnalysis.Analyze(file, new RuleSet([recorder]), new ScanSettings());
        Assert.Empty(outcome.Warnings);
        return recorder.Seen;
    }

    [Fact]
    public void A_rule_without_strings_sees_every_string() =>
        Assert.Equal(["0.0.0.0", "/tmp/x", "/tmpfile", "", "é/tmp", "x/tmp", "0.0.0.0:80"], Seen(null));

    [Fact]
    public void Values_match_whole_strings_only() =>
        Assert.Equal(["0.0.0.0"], Seen(new StringInterest { Values = ["0.0.0.0", "::"] }));

    [Fact]
    public void Prefixes_match_the_start_of_a_string() =>
        Assert.Equal(["/tmp/x", "/tmpfile"], Seen(new StringInterest { Prefixes = ["/tmp"] }));

    [Fact]
    public void Strings_starting_outside_ascii_and_the_empty_string_are_matched_as_declared()
    {
        Assert.Equal(["é/tmp"], Seen(new StringInterest { Prefixes = ["é"] }));
        Assert.Equal([""], Seen(new StringInterest { Values = [""] }));
        // An empty prefix: every string.
        Assert.Equal(Seen(null), Seen(new StringInterest { Prefixes = [""] }));
        Assert.Empty(Seen(new StringInterest()));
    }

    public static TheoryData<string> RulesWithStrings() => DispatchEquivalence.RulesDeclaring((r, settings) => r.StringsFor(settings) is not null);

    /// <summary>
    /// Every rule that declares strings finds on its fixtures exactly what it finds when every constant reaches it,
    /// in both profiles: the declared strings are never narrower than the rule's own test.
    /// </summary>
    [Theory]
    [MemberData(nameof(RulesWithStrings))]
    public void Declared_strings_lose_no_finding_on_the_rule_fixtures(string ruleId)
    {
        var rule = DispatchEquivalence.Rule(ruleId);
        DispatchEquivalence.LosesNoFindingOnFixtures(rule, new EveryConstant(rule));
    }

    [Fact]
    public void Configured_strings_are_what_reach_the_rule()
    {
        const string text = "HOST = '10.9.9.9'\nBIND = '0.0.0.0'\nPATH = '/scratch/out'\nTMP = '/tmp/out'\n";
        var rules = RuleCatalog.All.OfType<CodeRule>().Where(r => r.Info.Id is "B104" or "B108").ToList();
        var defaults = new ScanSettings();
        var configured = new ScanSettings
        {
            RuleOptions = new Dictionary<string, IReadOnlyDictionary<string, object>>
            {
                ["B104"] = new Dictionary<string, object> { ["addresses"] = new List<string> { "10.9.9.9" } },
                ["B108"] = new Dictionary<string, object> { ["tmp_dirs"] = new List<string> { "/scratch" } },
            },
        };
        Assert.Equal("2 B104\n4 B108", Lines(DispatchEquivalence.Render(new RuleSet(rules, settings: defaults), text, defaults)));
        Assert.Equal("1 B104\n3 B108", Lines(DispatchEquivalence.Render(new RuleSet(rules, settings: configured), text, configured)));
    }

    static string Lines(string rendered) =>
        string.Join("\n", rendered.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0].Split(':')[0] + " " + l.Split(' ')[1]).Order(StringComparer.Ordinal));
}
