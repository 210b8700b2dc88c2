using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Rules;

namespace Bulwark.Engine;

/// <summary>One walk of the tree serves every code rule, dispatched by node kind.</summary>
internal sealed class RuleDispatcher(RuleSet rules, CodeContext context, List<string> warnings, ScanProfiler? profiler) : AstWalker
{
    public override void Visit(Node node)
    {
        if (rules.ForKind(node.Kind) is { } list)
            foreach (var rule in list)
            {
                long t0 = profiler is null ? 0 : ScanProfiler.Timestamp();
                try { rule.Check(node, context); }
                catch (Exception ex) { warnings.Add(Failure(rule, context.File, ex)); }
                profiler?.AddRule(rule.Info.Id, t0);
            }
        node.WalkChildren(this);
    }

    /// <summary>The warning for a rule that threw on a file; the scan goes on without it there.</summary>
    internal static string Failure(IRule rule, SourceFile file, Exception ex) =>
        $"internal error in rule {rule.Info.Id} on {file.RelativePath}: {ex.GetType().Name}: {ex.Message}";
}
