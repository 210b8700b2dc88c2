using Bulwark.Python.Syntax;

namespace Bulwark.Semantics;

/// <summary>
/// Identity of syntax nodes for side tables, hashed by span: the same answers as a reference comparer without
/// installing an object-header hash code on every node a table sees (a measurable share of building a model).
/// </summary>
internal sealed class NodeIdentity : IEqualityComparer<Node>
{
    public static readonly NodeIdentity Instance = new();
    public bool Equals(Node? x, Node? y) => ReferenceEquals(x, y);
    public int GetHashCode(Node n) => Hash(n);

    /// <summary>The span hash every node table uses (<see cref="NodeMap{TKey,TValue}"/> too).</summary>
    internal static int Hash(Node n) => n.Start * 31 + n.End;
}
