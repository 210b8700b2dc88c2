namespace Bulwark.Python.Parsing;

/// <summary>
/// The identifiers a parser has met, one string each: an open-addressing table probed with the token's characters, so
/// a name seen before costs no allocation. A hash set looked up by span did the same through its comparer's interface
/// and a bucket indirection, ~8% of a `--select B101` scan.
/// </summary>
internal sealed class NameTable
{
    struct Slot
    {
        public uint Hash;
        public string? Name;
    }

    Slot[] _slots = new Slot[1024];
    int _count;

    public int Count => _count;

    /// <summary>Forgets every name; the slots are kept for the next ones.</summary>
    public void Clear()
    {
        Array.Clear(_slots);
        _count = 0;
    }

    /// <summary>The table's string equal to <paramref name="name"/>; <paramref name="made"/> (equal to it) or a new one is added when there is none.</summary>
    public string Intern(ReadOnlySpan<char> name, string? made = null)
    {
        // The runtime's randomised string hash: names a file chooses cannot be made to collide (with a fixed hash such
        // as FNV, identifiers differing only in high character bits share a slot, and probing goes quadratic).
        uint hash = (uint)string.GetHashCode(name);
        var slots = _slots;
        int mask = slots.Length - 1;
        for (int i = (int)hash & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            if (slot.Name is null)
            {
                var s = made ?? name.ToString();
                slot.Hash = hash;
                slot.Name = s;
                if (++_count * 2 > slots.Length) Grow();
                return s;
            }
            if (slot.Hash == hash && name.SequenceEqual(slot.Name)) return slot.Name;
        }
    }

    void Grow()
    {
        var old = _slots;
        var slots = new Slot[old.Length * 2];
        int mask = slots.Length - 1;
        foreach (var s in old)
        {
            if (s.Name is null) continue;
            int i = (int)s.Hash & mask;
            while (slots[i].Name is not null) i = (i + 1) & mask;
            slots[i] = s;
        }
        _slots = slots;
    }
}
