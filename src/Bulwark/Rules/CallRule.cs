using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules;

/// <summary>A rule on calls: receives the call already wrapped for semantic queries.</summary>
public abstract class CallRule : CodeRule
{
    public sealed override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Call];

    public sealed override void Check(Node node, CodeContext context) => Check(context.Semantic.Call((Call)node), context);

    protected abstract void Check(CallSite call, CodeContext context);
}
