using Bulwark.Semantics;

namespace Bulwark.Taint;

/// <summary>Which argument of a call a model's spec names, and whether a model's condition holds for a call: read from the IR alone.</summary>
public static class CallConditions
{
    /// <summary>The index into the call's positional-then-keyword arguments of the argument a spec names; -1 when not passed (or hidden by `*args`).</summary>
    public static int ArgIndex(IrCall c, ArgSpec spec, int offset = 0)
    {
        if (spec.Keyword is { } kw)
            for (int i = 0; i < c.KeywordNames.Length; i++)
                if (c.KeywordNames[i] == kw) return c.Args.Length + i;
        int p = spec.Position - offset;
        if (p >= 0 && p < c.Args.Length && (c.StarredAt < 0 || p < c.StarredAt)) return p;
        return -1;
    }

    /// <summary>Whether one clause of a model's `when` holds for the call, from its constant arguments and dotted names.</summary>
    public static bool Holds(IrCall c, Clause clause)
    {
        int i = ArgIndex(c, clause.Arg);
        bool present = i >= 0;
        ConstValue? value = c.ConstantAt(i);
        string? name = c.NameAt(i);
        if (clause.Arg.Element >= 0 && value is not null)
        {
            var items = value.Items;
            value = items is not null && clause.Arg.Element < items.Count ? items[clause.Arg.Element] : null;
            name = null;
        }
        // A dict argument's entry: absent from a dict whose entries are all known, it is not passed; in any other
        // argument (a dict built at run time, a variable, a status code in that position) it is not known.
        if (clause.Arg.Key is { } key)
        {
            present = present && !(value is { Entries: { } known } && known.All(e => !e.Key.Equals(key, StringComparison.OrdinalIgnoreCase)));
            value = value?.EntryIgnoringCase(key);
            name = null;
        }
        // `**kwargs` may hide any keyword.
        bool hidden = i < 0 && c.KeywordNames.Contains(null);
        switch (clause.Op)
        {
            case ClauseOp.Truthy:
                if (!present) return hidden;
                return value?.Truthy ?? true;
            case ClauseOp.Contains:
                return value?.AsString is { } s && clause.Values.Any(v => s.Contains(v, StringComparison.OrdinalIgnoreCase));
            case ClauseOp.MayContain:
                if (!present || value?.AsString is not { } text) return true;
                return clause.Values.Any(v => text.Contains(v, StringComparison.OrdinalIgnoreCase));
            case ClauseOp.ContainsNone:
                return value?.AsString is { } known && !clause.Values.Any(v => known.Contains(v, StringComparison.OrdinalIgnoreCase));
            case ClauseOp.NotIn:
                if (!present) return true;
                var actual = value?.ToPythonString() ?? name;
                return actual is null || !clause.Values.Contains(actual);
            case ClauseOp.In:
                if (!present) return false;
                var got = value?.ToPythonString() ?? name;
                return got is not null && clause.Values.Contains(got);
            default:
                return false;
        }
    }
}
