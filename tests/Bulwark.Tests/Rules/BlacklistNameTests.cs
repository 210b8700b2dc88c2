using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Python;
using Bulwark.Rules;
using Bulwark.Rules.Code.Blacklist;

namespace Bulwark.Tests.Rules;

/// <summary>Every listed name of every blacklist rule, reached through each import style, is found — and a look-alike is not.</summary>
public class BlacklistNameTests
{
    static List<(string Id, int Line)> Findings(string ruleId, string source)
    {
        var settings = new ScanSettings { Select = [ruleId], Profile = RuleProfile.All };
        var rules = RuleSet.From(RuleCatalog.All, settings);
        var file = new SourceFile("t.py", "t.py", new SourceText(source), true);
        var outcome = FileAnalysis.Analyze(file, rules, settings);
        Assert.Empty(outcome.Warnings);
        return outcome.Findings.Select(f => (f.Rule.Id, f.Location.StartLine)).ToList();
    }

    public static TheoryData<string, string> ListedCalls()
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in RuleCatalog.All.OfType<BlacklistedCall>())
            foreach (var name in rule.ListedNames) data.Add(rule.Info.Id, name);
        return data;
    }

    public static TheoryData<string, string> ListedModules()
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in RuleCatalog.All.OfType<BlacklistedImport>())
            foreach (var name in rule.ListedModules) data.Add(rule.Info.Id, name);
        return data;
    }

    [Theory]
    [MemberData(nameof(ListedCalls))]
    public void Listed_call_is_found_through_every_import_style(string ruleId, string name)
    {
        int dot = name.LastIndexOf('.');
        if (dot < 0)
        {
            Assert.Equal([(ruleId, 1)], Findings(ruleId, $"{name}(x)\n"));
            Assert.Empty(Findings(ruleId, $"my{name}(x)\n"));
            return;
        }
        string module = name[..dot], function = name[(dot + 1)..];
        Assert.Equal([(ruleId, 2)], Findings(ruleId, $"import {module}\n{name}(x)\n"));
        Assert.Equal([(ruleId, 2)], Findings(ruleId, $"import {module} as m\nm.{function}(x)\n"));
        Assert.Equal([(ruleId, 2)], Findings(ruleId, $"from {module} import {function} as f\nf(x)\n"));
        Assert.Equal([(ruleId, 3)], Findings(ruleId, $"def g(x):\n    from {module} import {function}\n    return {function}(x)\n"));
        Assert.Empty(Findings(ruleId, $"import my{module}\nmy{name}(x)\n"));
        Assert.Empty(Findings(ruleId, $"import {module}\n{name}_safe(x)\n"));
    }

    [Theory]
    [MemberData(nameof(ListedModules))]
    public void Listed_module_is_found_through_every_import_form(string ruleId, string module)
    {
        Assert.Equal([(ruleId, 1)], Findings(ruleId, $"import {module}\n"));
        Assert.Equal([(ruleId, 1)], Findings(ruleId, $"import {module} as m\n"));
        Assert.Equal([(ruleId, 1)], Findings(ruleId, $"import os, {module}.sub\n"));
        Assert.Equal([(ruleId, 1)], Findings(ruleId, $"from {module} import thing\n"));
        Assert.Equal([(ruleId, 1)], Findings(ruleId, $"m = __import__(\"{module}\")\n"));
        Assert.Equal([(ruleId, 2)], Findings(ruleId, $"import importlib\nm = importlib.import_module(\"{module}\")\n"));
        int dot = module.LastIndexOf('.');
        if (dot > 0)
            Assert.Equal([(ruleId, 1)], Findings(ruleId, $"from {module[..dot]} import {module[(dot + 1)..]}\n"));
        Assert.Empty(Findings(ruleId, $"import my{module}\n"));
        Assert.Empty(Findings(ruleId, $"m = __import__(\"{module}_x\")\n"));
    }

    [Fact]
    public void From_import_is_matched_as_the_dotted_name_it_imports()
    {
        // `from xml import saxutils` imports `xml.saxutils`, which starts with the listed `xml.sax` (Bandit's plain
        // prefix test); the rule tests the module and the name in pieces rather than building the dotted name.
        Assert.Equal([("B406", 1)], Findings("B406", "from xml import saxutils\n"));
        Assert.Equal([("B406", 1)], Findings("B406", "from xml.sax.handler import ContentHandler\n"));
        Assert.Equal([("B406", 2)], Findings("B406", "from os import path, xml\nfrom xml import sa, sax\n"));
        Assert.Empty(Findings("B406", "from xml import sa\n"));
        Assert.Empty(Findings("B406", "from xmlx import sax\n"));
        Assert.Empty(Findings("B406", "from xml import dom\n"));
        Assert.Empty(Findings("B406", "from x import ml\n"));
    }
}
