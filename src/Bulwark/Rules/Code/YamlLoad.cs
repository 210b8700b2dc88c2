using Bulwark.Core;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B506 — `yaml.load` with a loader that can build arbitrary objects.</summary>
public sealed class YamlLoad : CallRule
{
    static readonly string[] SafeLoaders = ["SafeLoader", "CSafeLoader"];

    public override RuleInfo Info { get; } = new(
        Id: "B506", Name: "yaml-load", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 20,
        What: """
            `yaml.load(...)` (through any import alias) unless the loader, by keyword or as second argument, is
            `SafeLoader` or `CSafeLoader`.
            """,
        Why: """
            PyYAML's full and unsafe loaders construct arbitrary Python objects from tags such as
            `!!python/object/apply`, so a crafted document runs code during parsing.
            """,
        Example: "config = yaml.load(request.data, Loader=yaml.Loader)",
        Fix: "config = yaml.safe_load(request.data)",
        References: [Bandit.Doc("B506", "yaml_load"), Bandit.Cwe(20), "https://pyyaml.org/wiki/PyYAMLDocumentation"])
    {
        Compliance = Compliance.Deserialization,
        Aliases = ["S506"],
        DifferencesFromBandit = """
            Bandit only recognises `yaml.load` when `yaml` itself is imported; Bulwark also resolves `from yaml import
            load` and aliases.
            """,
    };

    public override CallInterest? Calls { get; } = new() { LastNames = ["load"] };

    protected override void Check(CallSite call, CodeContext context)
    {
        if (call.QualifiedName is not { } q || !q.EndsWith(".load", StringComparison.Ordinal) || !q.Split('.').Contains("yaml")) return;
        var loader = context.Semantic.SymbolName(call.Arg("Loader", 1));
        if (loader is not null && SafeLoaders.Contains(loader)) return;
        context.Report(this, call.Node, "Use of unsafe `yaml.load`: it can instantiate arbitrary objects. Use `yaml.safe_load()`.");
    }
}
