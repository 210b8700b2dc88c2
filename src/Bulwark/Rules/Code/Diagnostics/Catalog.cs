using Bulwark.Rules.Code.Diagnostics;

namespace Bulwark.Rules;

public static partial class RuleCatalog
{
    static partial void AddEngine(List<IRule> rules)
    {
        rules.Add(SyntaxErrorRule.Instance);
        rules.Add(UndecodableFileRule.Instance);
        rules.Add(new HidingSourceEncodingRule());
        rules.Add(UnparsableDocumentRule.Instance);
    }
}
