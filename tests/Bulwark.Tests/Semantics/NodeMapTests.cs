using Bulwark.Python;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

using Assert = Xunit.Assert;

namespace Bulwark.Tests.Semantics;

/// <summary>The semantic model's node tables answer as a dictionary by node identity does.</summary>
public class NodeMapTests
{
    /// <summary>
    /// Nodes of a small module: many share a span (an expression statement and its call, a name and its target), so
    /// the table's probing meets equal hashes of different nodes.
    /// </summary>
    static readonly Node[] Nodes = Collect("""
        import os
        def f(a, b=1, *c, **d):
            x = a.b.c(b)[0]
            x
            if x: y = [i for i in c]
            return f(x, y, **d)
        class K(f):
            z = 1
            def m(self): return self.z
        """);

    static Node[] Collect(string source)
    {
        var all = new List<Node>();
        new Gather(all).Visit(PythonParser.Parse(source).Module);
        return all.ToArray();
    }

    sealed class Gather(List<Node> into) : AstWalker
    {
        public override void Visit(Node node)
        {
            into.Add(node);
            node.WalkChildren(this);
        }
    }

    /// <summary>An operation: 0 set, 1 add unless present, 2 read, 3 make room, 4 empty; on node <c>N</c> with value <c>V</c>.</summary>
    public readonly record struct Op(int Kind, int N, int V);

    static Gen<Op> Ops() =>
        Gen.Frequency(
            (6, Gen.Choose(0, Nodes.Length - 1).Select(n => new Op(0, n, n * 7))),
            (4, Gen.Choose(0, Nodes.Length - 1).Select(n => new Op(1, n, -n))),
            (6, Gen.Choose(0, Nodes.Length - 1).Select(n => new Op(2, n, 0))),
            (1, Gen.Choose(0, 200).Select(c => new Op(3, 0, c))),
            (1, Gen.Constant(new Op(4, 0, 0))));

    [Property(MaxTest = 500)]
    public Property Answers_as_a_dictionary_by_node_identity() =>
        Prop.ForAll(Ops().ListOf().ToArbitrary(), ops =>
        {
            var map = new NodeMap<Node, int>();
            var reference = new Dictionary<Node, int>(ReferenceEqualityComparer.Instance);
            foreach (var op in ops)
            {
                var node = Nodes[op.N];
                switch (op.Kind)
                {
                    case 0: map[node] = op.V; reference[node] = op.V; break;
                    case 1: if (map.TryAdd(node, op.V) != reference.TryAdd(node, op.V)) return false; break;
                    case 2:
                        if (map.TryGetValue(node, out var got) != reference.TryGetValue(node, out var want) || got != want) return false;
                        if (map.ContainsKey(node) != reference.ContainsKey(node)) return false;
                        break;
                    case 3: map.EnsureCapacity(op.V); break;
                    case 4: map.Clear(); reference.Clear(); break;
                }
                if (map.Count != reference.Count) return false;
            }
            // Insertion order, as a dictionary without removals enumerates.
            var entries = new List<KeyValuePair<Node, int>>();
            foreach (var e in map) entries.Add(e);
            return entries.SequenceEqual(reference);
        });

    [Fact]
    public void Reading_a_missing_node_throws()
    {
        var map = new NodeMap<Node, string>();
        map[Nodes[0]] = "module";
        Assert.Equal("module", map[Nodes[0]]);
        Assert.Throws<KeyNotFoundException>(() => map[Nodes[1]]);
    }
}
