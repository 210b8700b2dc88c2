using Bulwark.Taint;

namespace Bulwark.Tests.Taint;

/// <summary>
/// Fact sets and values: joins and maps that change nothing give back the same instance (the fixpoint's later passes
/// allocate nothing), and the results read as the plain definitions, ties, flags and the 24-origin cut included.
/// </summary>
public class FactsTests
{
    static readonly Origins Pool = new();
    static readonly Origin[] Some = Enumerable.Range(0, 40).Select(i => Pool.Param(i % 5, i < 5 ? "" : ".a" + i)).ToArray();

    static Fact[] RandomSet(Random random, int max)
    {
        var picked = Some.OrderBy(_ => random.Next()).Take(random.Next(0, max)).OrderBy(o => o.Id);
        return picked.Select(o => new Fact(o, (uint)random.Next(4), (byte)random.Next(2),
            random.Next(3) == 0 ? null : Trail.Start(new Step(0, random.Next(50), 0, StepKind.Load, "x")))).ToArray();
    }

    /// <summary>The definition: origin order, cleared kinds and flags where both agree, the shorter trail only when those change, the lowest 24 kept.</summary>
    static Fact[] NaiveUnion(Fact[] a, Fact[] b)
    {
        if (b.Length == 0) return a;
        if (a.Length == 0) return b;
        var byId = new SortedDictionary<int, Fact>();
        foreach (var x in a) byId[x.Origin.Id] = x;
        bool changed = false;
        foreach (var y in b)
        {
            if (!byId.TryGetValue(y.Origin.Id, out var x)) { byId[y.Origin.Id] = y; changed = true; continue; }
            if ((x.Cleared & y.Cleared) == x.Cleared && (x.Flags & y.Flags) == x.Flags) continue;
            byId[y.Origin.Id] = new Fact(x.Origin, x.Cleared & y.Cleared, (byte)(x.Flags & y.Flags), (x.Trail?.Length ?? 0) <= (y.Trail?.Length ?? 0) ? x.Trail : y.Trail);
            changed = true;
        }
        return changed ? byId.Values.Take(Facts.MaxFacts).ToArray() : a;
    }

    [Fact]
    public void Union_reads_as_the_definition_and_returns_the_first_set_when_the_second_adds_nothing()
    {
        var random = new Random(5);
        for (int i = 0; i < 4000; i++)
        {
            var a = RandomSet(random, 30);
            var b = random.Next(4) == 0 ? a.Where((_, k) => k % 2 == 0).ToArray() : RandomSet(random, 30);
            var expected = NaiveUnion(a, b);
            var actual = Facts.Union(a, b);
            Assert.Equal(expected, actual);
            if (ReferenceEquals(expected, a)) Assert.Same(a, actual);
        }
    }

    [Fact]
    public void Adds_is_true_exactly_when_the_union_is_not_the_first_set()
    {
        var random = new Random(11);
        int adds = 0;
        for (int i = 0; i < 4000; i++)
        {
            var a = RandomSet(random, 30);
            var b = random.Next(3) == 0 ? a.Where((_, k) => k % 2 == 0).ToArray() : RandomSet(random, 30);
            bool expected = !ReferenceEquals(NaiveUnion(a, b), a);
            Assert.Equal(expected, Facts.Adds(a, b));
            // Trails never count: the same facts on other trails add nothing more.
            var retrailed = b.Select(f => f with { Trail = Trail.Start(new Step(1, 99, 0, StepKind.Store, "y")) }).ToArray();
            Assert.Equal(expected, Facts.Adds(a, retrailed));
            if (expected) adds++;
        }
        Assert.InRange(adds, 500, 3500);
    }

    [Fact]
    public void Map_that_changes_nothing_is_the_same_set_and_one_that_merges_origins_merges_them()
    {
        var random = new Random(7);
        for (int i = 0; i < 500; i++)
        {
            var a = RandomSet(random, 20);
            Assert.Same(a, Facts.Map(a, f => f));
        }
        var p0 = Some[0]; var p1 = Some[1];
        var set = new[] { new Fact(p0, 1, 0, null), new Fact(p1, 3, 0, null) };
        var merged = Facts.Map(set, f => f with { Origin = p0 });
        Assert.Equal([new Fact(p0, 1, 0, null)], merged);
        Assert.Equal([new Fact(p1, 1, 0, null)], Facts.Map(set, f => f.Origin == p0 ? null : f with { Cleared = 1 }));
    }

    [Fact]
    public void Join_of_what_a_value_already_holds_is_that_value()
    {
        var p0 = Some[0]; var p1 = Some[1];
        var inner = AValue.Of([new Fact(p1, 0, 0, null)]);
        var fields = new Dictionary<string, AValue>(StringComparer.Ordinal) { [".a"] = inner };
        var a = new AValue([new Fact(p0, 0, 0, null)], fields, ["str", "int"], ValueShape.Str, [3, 4], []);
        var sub = new AValue([new Fact(p0, 1, 0, null)], new Dictionary<string, AValue>(StringComparer.Ordinal) { [".a"] = inner }, ["int"], ValueShape.Unknown, [4], []);
        Assert.Same(a, AValue.Join(a, sub));
        Assert.Same(a, AValue.Join(a, AValue.Of([new Fact(p0, 0, 0, null)])));
        // Anything new still makes a new value: a field, a type, a function, taint cleared on fewer paths.
        var withField = AValue.Join(a, new AValue([], new Dictionary<string, AValue>(StringComparer.Ordinal) { [".b"] = inner }, [], ValueShape.Unknown, [], []));
        Assert.NotSame(a, withField);
        Assert.Equal([".a", ".b"], withField.Fields!.Keys.Order());
        Assert.Equal(["str", "int", "bytes"], AValue.Join(a, AValue.Of([], ValueShape.Unknown, ["bytes"])).Types);
        Assert.Equal([3, 4, 5], AValue.Join(a, new AValue([], null, [], ValueShape.Unknown, [5], [])).Functions);
        var cleared = AValue.Join(AValue.Of([new Fact(p0, 3, 0, null)]), AValue.Of([new Fact(p0, 1, 0, null)]));
        Assert.Equal(1u, cleared.Whole[0].Cleared);
    }

    [Fact]
    public void MapFacts_that_changes_nothing_is_the_same_value_and_a_change_below_keeps_the_field_order()
    {
        var p0 = Some[0]; var p1 = Some[1];
        var fields = new Dictionary<string, AValue>(StringComparer.Ordinal)
        {
            [".z"] = AValue.Of([new Fact(p0, 0, 0, null)]),
            [".b"] = AValue.Of([new Fact(p1, 0, 0, null)]),
            [".a"] = AValue.Of([new Fact(p0, 0, 0, null)]),
        };
        var v = new AValue([new Fact(p0, 0, 0, null)], fields, [], ValueShape.Unknown, [], []);
        Assert.Same(v, v.MapFacts(f => f));
        var cleared = v.MapFacts(f => Facts.Map(f, x => x.Origin == p1 ? x with { Cleared = 7 } : x));
        Assert.NotSame(v, cleared);
        Assert.Equal([".z", ".b", ".a"], cleared.Fields!.Keys);
        Assert.Same(fields[".z"], cleared.Fields[".z"]);
        Assert.Equal(7u, cleared.Fields[".b"].Whole[0].Cleared);
    }
}

public class ChunkedListTests
{
    [Fact]
    public void Items_read_back_in_order_across_chunk_boundaries()
    {
        var list = new ChunkedList<(int, string)>();
        for (int i = 0; i < 10_000; i++) list.Add((i, "v" + i));
        Assert.Equal(10_000, list.Count);
        for (int i = 0; i < 10_000; i++) Assert.Equal((i, "v" + i), list[i]);
    }
}

public class IdSetTests
{
    static List<int> Items(IdSet set)
    {
        var items = new List<int>();
        foreach (var id in set) items.Add(id);
        return items;
    }

    [Fact]
    public void Ids_are_kept_once_in_the_order_first_added_below_and_past_the_hashed_size()
    {
        var set = new IdSet();
        var expected = new List<int>();
        var random = new Random(7);
        for (int i = 0; i < 2_000; i++)
        {
            // Few distinct ids at first (repeats while the set is searched in place), then many.
            int id = i < 200 ? random.Next(12) : random.Next(600);
            bool fresh = !expected.Contains(id);
            Assert.Equal(fresh, set.Add(id));
            if (fresh) expected.Add(id);
        }
        Assert.True(expected.Count > 16);
        Assert.Equal(expected, Items(set));
    }
}
