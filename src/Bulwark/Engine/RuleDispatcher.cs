using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Rules;

namespace Bulwark.Engine;

/// <summary>
/// One walk of the tree serves every code rule, dispatched by node kind; a call goes only to the rules whose declared
/// callee names it matches (<see cref="CallDispatch"/>), its callee resolved once for all of them.
/// </summary>
internal sealed class RuleDispatcher(RuleSet rules, CodeContext context, List<string> warnings, ScanProfiler? profiler,
    SemanticClock? semantic = null) : AstWalker
{
    readonly CallDispatch? _calls = rules.CallTable;
    readonly (CodeRule Rule, StringMatcher Matcher)[]? _strings = rules.StringTable;
    readonly bool _skipsExpressions = !rules.ReadsExpressions;
    bool[]? _selected;

    public override void Visit(Node node)
    {
        if (_skipsExpressions && node is Expr) return; // no rule looks at anything inside one
        var kind = node.Kind;
        if (kind == NodeKind.Call && _calls is not null)
        {
            var selected = _selected ??= _calls.NewBuffer();
            try { _calls.Select((Call)node, context.Semantic, selected); }
            catch (Exception) { Array.Fill(selected, true); } // each rule meets the failure itself and it is reported as before
            for (int i = 0; i < selected.Length; i++)
                if (selected[i]) Run(_calls[i], node);
        }
        else
        {
            if (rules.ForKind(kind) is { } list)
                foreach (var rule in list) Run(rule, node);
            if (kind == NodeKind.Constant && _strings is not null && node is Constant { ValueKind: ConstantKind.Str, Value: string text })
                foreach (var (rule, matcher) in _strings)
                    if (matcher.Matches(text)) Run(rule, node);
        }
        node.WalkChildren(this);
    }

    void Run(CodeRule rule, Node node)
    {
        if (profiler is null)
        {
            try { rule.Check(node, context); }
            catch (Exception ex) { warnings.Add(Failure(rule, context.File, ex)); }
            return;
        }
        long t0 = ScanProfiler.Timestamp(), b0 = ScanProfiler.AllocatedBytes();
        long modelTicks = semantic?.Ticks ?? 0, modelBytes = semantic?.Bytes ?? 0;
        try { rule.Check(node, context); }
        catch (Exception ex) { warnings.Add(Failure(rule, context.File, ex)); }
        // A model built on this rule's question is counted to the semantic phase, not to the rule.
        profiler.AddRule(rule.Info.Id, t0 + ((semantic?.Ticks ?? 0) - modelTicks), b0 + ((semantic?.Bytes ?? 0) - modelBytes));
    }

    /// <summary>The warning for a rule that threw on a file; the scan goes on without it there.</summary>
    internal static string Failure(IRule rule, SourceFile file, Exception ex) =>
        $"internal error in rule {rule.Info.Id} on {file.RelativePath}: {ex.GetType().Name}: {ex.Message}";
}
