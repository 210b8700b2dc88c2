using System.Text;
using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Python;
using Bulwark.Rules;
using Assert = Xunit.Assert;

namespace Bulwark.Tests.Support;

/// <summary>
/// For the dispatch tables' tests (calls by callee name, constants by string): a rule that declares what it looks at
/// must find on the rule fixtures exactly what it finds when every node of its kinds reaches it.
/// </summary>
static class DispatchEquivalence
{
    /// <summary>The ids of the catalog's code rules that declare what they look at (a theory's data).</summary>
    public static TheoryData<string> RulesDeclaring(Func<CodeRule, ScanSettings, bool> declares)
    {
        var data = new TheoryData<string>();
        foreach (var r in RuleCatalog.All.OfType<CodeRule>())
            if (declares(r, new ScanSettings())) data.Add(r.Info.Id);
        return data;
    }

    /// <summary>The catalog's code rule of an id.</summary>
    public static CodeRule Rule(string id) => RuleCatalog.All.OfType<CodeRule>().Single(r => r.Info.Id == id);

    /// <summary>
    /// Compares, on every fixture and in both profiles, the rule dispatched through its declaration with
    /// <paramref name="undeclared"/> (the same rule declaring nothing), and asserts the rule finds something somewhere.
    /// </summary>
    public static void LosesNoFindingOnFixtures(CodeRule rule, CodeRule undeclared)
    {
        var fixtures = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Rules", "Fixtures"), "*.py").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(fixtures);
        int found = 0;
        foreach (var profile in new[] { RuleProfile.Default, RuleProfile.Bandit })
            foreach (var path in fixtures)
            {
                var settings = new ScanSettings { Profile = profile };
                var text = File.ReadAllText(path);
                var dispatched = Render(new RuleSet([rule], settings: settings), text, settings);
                Assert.Equal(Render(new RuleSet([undeclared]), text, settings), dispatched);
                found += dispatched.Length;
            }
        Assert.True(found > 0, $"{rule.Info.Id} finds nothing on any fixture");
    }

    /// <summary>The findings of one file's scan, a line each: line:column, rule, message.</summary>
    public static string Render(RuleSet rules, string text, ScanSettings settings)
    {
        var file = new SourceFile("f.py", "f.py", new SourceText(text), true);
        var outcome = FileAnalysis.Analyze(file, rules, settings);
        var sb = new StringBuilder();
        foreach (var f in outcome.Findings) sb.Append($"{f.Location.StartLine}:{f.Location.StartColumn} {f.Rule.Id} {f.Message}\n");
        return sb.ToString();
    }
}
