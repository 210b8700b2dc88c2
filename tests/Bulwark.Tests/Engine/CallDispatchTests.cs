using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Python;
using Bulwark.Python.Syntax;
using Bulwark.Rules;
using Bulwark.Semantics;
using Bulwark.Tests.Support;
using Assert = Xunit.Assert;

namespace Bulwark.Tests.Engine;

/// <summary>
/// The call dispatch table (<see cref="CallDispatch"/>): a call reaches a rule that declared callee names only when
/// it matches them, and declaring them never costs a finding.
/// </summary>
public class CallDispatchTests
{
    /// <summary>Records the callee of every call it is handed.</summary>
    sealed class Recorder(CallInterest? interest) : CodeRule
    {
        public readonly List<string> Seen = [];
        public override RuleInfo Info { get; } = new("T001", "recorder", Family.Code, Severity.Low, Confidence.Low, null, "w", "w", "e", "f", []);
        public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Call];
        public override CallInterest? Calls => interest;
        public override void Check(Node node, CodeContext context) =>
            Seen.Add(SemanticModel.DottedName(((Call)node).Func) ?? "?");
    }

    /// <summary>A rule as it is, except that it declares no callee names, so every call reaches it.</summary>
    sealed class EveryCall(CodeRule inner) : CodeRule
    {
        public override RuleInfo Info => inner.Info;
        public override IReadOnlyList<NodeKind> Kinds => inner.Kinds;
        public override void Check(Node node, CodeContext context) => inner.Check(node, context);
    }

    static List<string> Calls(string source, CallInterest? interest)
    {
        var recorder = new Recorder(interest);
        var other = new Recorder(new CallInterest { Names = ["nothing.matches"] }); // the table exists even for a lone null interest
        var file = new SourceFile("t.py", "t.py", new SourceText(source), true);
        var outcome = FileAnalysis.Analyze(file, new RuleSet([recorder, other]), new ScanSettings());
        Assert.Empty(outcome.Warnings);
        Assert.Empty(other.Seen);
        return recorder.Seen;
    }

    const string Source = """
        import os, subprocess as sp
        from yaml import load as read_config
        import hashlib
        os.system("x")
        sp.run(["ls"])
        read_config(text)
        self.loader.load(path)
        hashlib.md5(b"")
        print(len(x))
        (lambda: 1)()
        pickle.loads(data)
        """;

    [Fact]
    public void A_rule_without_names_sees_every_call()
    {
        Assert.Equal(["os.system", "sp.run", "read_config", "self.loader.load", "hashlib.md5", "print", "len", "?", "pickle.loads"],
            Calls(Source, null));
    }

    [Fact]
    public void Whole_names_match_the_resolved_callee_or_the_callee_as_written_when_unresolved()
    {
        Assert.Equal(["os.system", "pickle.loads"], Calls(Source, new CallInterest { Names = ["os.system", "pickle.loads", "sp.run"] }));
    }

    [Fact]
    public void Roots_match_the_first_segment_of_the_resolved_callee()
    {
        Assert.Equal(["sp.run", "hashlib.md5"], Calls(Source, new CallInterest { Roots = ["subprocess", "hashlib", "sp"] }));
    }

    [Fact]
    public void Last_names_match_the_resolved_callee_or_the_callee_as_written()
    {
        Assert.Equal(["read_config", "self.loader.load"], Calls(Source, new CallInterest { LastNames = ["load"] }));
        Assert.Equal(["read_config"], Calls(Source, new CallInterest { LastNames = ["read_config"] }));
    }

    [Fact]
    public void Loose_names_and_parts_match_banditS_name_for_the_call()
    {
        Assert.Equal(["read_config", "pickle.loads"], Calls(Source, new CallInterest { LooseNames = ["yaml.load", "pickle.loads"] }));
        Assert.Equal(["hashlib.md5"], Calls(Source, new CallInterest { LooseParts = ["hashlib"] }));
        Assert.Equal(["read_config"], Calls(Source, new CallInterest { LooseParts = ["yaml"] }));
    }

    [Fact]
    public void Name_text_matches_within_the_last_segment_as_written()
    {
        Assert.Equal(["self.loader.load", "pickle.loads"], Calls(Source, new CallInterest { NameContains = ["oad"] }));
    }

    [Fact]
    public void Keywords_match_whatever_the_callee_even_one_without_a_name()
    {
        const string source = "f(a=1)\n(lambda **k: 1)(cert=2)\ng(cert=3)\nh(3)\n";
        Assert.Equal(["?", "g"], Calls(source, new CallInterest { Keywords = ["cert"] }));
    }

    [Fact]
    public void A_call_matching_several_lists_reaches_the_rule_once()
    {
        Assert.Equal(["os.system"], Calls(Source, new CallInterest { Names = ["os.system"], Roots = ["os"], LastNames = ["system"] }));
    }

    public static TheoryData<string> RulesWithNames() => DispatchEquivalence.RulesDeclaring((r, settings) => r.CallsFor(settings) is not null);

    /// <summary>
    /// Every rule that declares callee names finds on its fixtures exactly what it finds when every call reaches it,
    /// in both profiles: the declared names are never narrower than the rule's own test.
    /// </summary>
    [Theory]
    [MemberData(nameof(RulesWithNames))]
    public void Declared_names_lose_no_finding_on_the_rule_fixtures(string ruleId)
    {
        var rule = DispatchEquivalence.Rule(ruleId);
        DispatchEquivalence.LosesNoFindingOnFixtures(rule, new EveryCall(rule));
    }

    [Fact]
    public void A_shell_function_list_configured_for_a_rule_is_what_reaches_it()
    {
        const string text = "import mylib, os\nmylib.run_shell('ls ' + name)\nos.system('ls ' + name)\n";
        var rule = RuleCatalog.All.OfType<CodeRule>().Single(r => r.Info.Id == "B605");
        var defaults = new ScanSettings();
        var configured = new ScanSettings
        {
            RuleOptions = new Dictionary<string, IReadOnlyDictionary<string, object>>
            {
                ["B605"] = new Dictionary<string, object> { ["shell"] = new List<string> { "mylib.run_shell" } },
            },
        };
        Assert.Equal("3:1 B605", Lines(DispatchEquivalence.Render(new RuleSet([rule], settings: defaults), text, defaults)));
        Assert.Equal("2:1 B605", Lines(DispatchEquivalence.Render(new RuleSet([rule], settings: configured), text, configured)));
    }

    /// <summary>The line, column and rule of each finding, one per line.</summary>
    static string Lines(string rendered) =>
        string.Join("\n", rendered.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => string.Join(' ', l.Split(' ').Take(2))));
}
