using Bulwark.Core;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>
/// A Bandit B3xx check: a call whose callee resolves, through imports and aliases, to one of a fixed list of
/// qualified names. Bandit compares names exactly (no wildcards); so does this.
/// </summary>
public abstract class BlacklistedCall : CodeRule
{
    readonly HashSet<string> _names;

    // The lists are static data of each rule, so reading them here, before the subclass's constructor, is safe.
    protected BlacklistedCall()
    {
        _names = new HashSet<string>(QualifiedNames, StringComparer.Ordinal);
        Calls = new CallInterest { Names = [.. _names], Roots = ExtraRoots };
    }

    /// <summary>Only calls whose name (Bandit's: resolved, else as written) is listed reach the rule.</summary>
    public sealed override CallInterest? Calls { get; }

    /// <summary>First segments of further callees a subclass checks itself (a profile's additions); static data too.</summary>
    protected virtual IReadOnlyList<string> ExtraRoots => [];

    /// <summary>The qualified names reported, as Bandit 1.9 lists them (plus documented additions).</summary>
    protected abstract IReadOnlyList<string> QualifiedNames { get; }

    internal IReadOnlyList<string> ListedNames => QualifiedNames;

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Call];

    /// <summary>The finding's message for a call to <paramref name="name"/>.</summary>
    protected abstract string Message(string name);

    /// <summary>A listed call this rule does not report (its argument proves it harmless); none by default.</summary>
    protected virtual bool Harmless(Call call, CodeContext context) => false;

    public override void Check(Node node, CodeContext context)
    {
        var call = (Call)node;
        var (name, dynamicImport) = BlacklistNames.Of(call, context);
        if (name is null || dynamicImport) return;
        if (!_names.Contains(name) || Harmless(call, context)) return;
        context.Report(this, call, Message(name));
    }

    /// <summary>The name list as Markdown, for the rule's documentation.</summary>
    protected static string Listing(IReadOnlyList<string> names) => "`" + string.Join("`, `", names) + "`";
}
