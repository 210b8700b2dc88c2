using Bulwark.Python.Syntax;

namespace Bulwark.Semantics;

/// <summary>
/// A side table keyed by syntax nodes, by identity: what a <see cref="Dictionary{TKey,TValue}"/> with
/// <see cref="NodeIdentity"/> gives, without its two interface calls per probe. The semantic model and the taint
/// lowering ask these tables for nearly every node they visit, and the comparer's dispatch and the shared generic code
/// around it were about a quarter of lowering. Open addressing over the node's span, entries in insertion order (as a
/// dictionary enumerates them when nothing is removed); there is no removal.
/// </summary>
public sealed class NodeMap<TKey, TValue> where TKey : Node
{
    // Entry index + 1 by slot (0: free); a power of two at least twice the entries, so probes stay short.
    int[] _slots;
    int _shift;
    TKey[] _keys;
    TValue[] _values;
    int _count;

    public NodeMap(int capacity = 0)
    {
        capacity = Math.Max(capacity, 4);
        _keys = new TKey[capacity];
        _values = new TValue[capacity];
        (_slots, _shift) = SlotsFor(capacity);
    }

    public int Count => _count;

    /// <summary>Entries it holds without growing.</summary>
    public int Capacity => _keys.Length;

    static (int[] Slots, int Shift) SlotsFor(int capacity)
    {
        int bits = 3;
        while ((1 << bits) < 2 * capacity) bits++;
        return (new int[1 << bits], 32 - bits);
    }

    /// <summary>Fibonacci hashing of <see cref="NodeIdentity.Hash"/>: the top bits index the slots.</summary>
    int SlotOf(Node key) => (int)((uint)NodeIdentity.Hash(key) * 2654435769u >> _shift);

    int IndexOf(TKey key)
    {
        var slots = _slots;
        int mask = slots.Length - 1;
        for (int s = SlotOf(key); ; s = (s + 1) & mask)
        {
            int e = slots[s];
            if (e == 0) return -1;
            if (ReferenceEquals(_keys[e - 1], key)) return e - 1;
        }
    }

    public bool TryGetValue(TKey key, out TValue value)
    {
        int i = IndexOf(key);
        if (i < 0) { value = default!; return false; }
        value = _values[i];
        return true;
    }

    public bool ContainsKey(TKey key) => IndexOf(key) >= 0;

    /// <summary>The key of the entry added <paramref name="index"/>-th (entries keep the order they were added in).</summary>
    public TKey KeyAt(int index) => index < _count ? _keys[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The value of the entry added <paramref name="index"/>-th.</summary>
    public TValue ValueAt(int index) => index < _count ? _values[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public TValue this[TKey key]
    {
        get
        {
            int i = IndexOf(key);
            if (i < 0) throw new KeyNotFoundException("no entry for this node");
            return _values[i];
        }
        set => Set(key, value, overwrite: true);
    }

    /// <summary>Adds the entry unless the node has one; whether it was added.</summary>
    public bool TryAdd(TKey key, TValue value) => Set(key, value, overwrite: false);

    bool Set(TKey key, TValue value, bool overwrite)
    {
        var slots = _slots;
        int mask = slots.Length - 1;
        int s = SlotOf(key);
        for (; ; s = (s + 1) & mask)
        {
            int e = slots[s];
            if (e == 0) break;
            if (ReferenceEquals(_keys[e - 1], key))
            {
                if (overwrite) _values[e - 1] = value;
                return false;
            }
        }
        if (_count == _keys.Length)
        {
            Grow(2 * _count);
            Set(key, value, overwrite);
            return true;
        }
        _keys[_count] = key;
        _values[_count] = value;
        slots[s] = ++_count;
        return true;
    }

    /// <summary>Room for at least <paramref name="capacity"/> entries.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > _keys.Length) Grow(capacity);
    }

    void Grow(int capacity)
    {
        Array.Resize(ref _keys, capacity);
        Array.Resize(ref _values, capacity);
        (_slots, _shift) = SlotsFor(capacity);
        int mask = _slots.Length - 1;
        for (int i = 0; i < _count; i++)
        {
            int s = SlotOf(_keys[i]);
            while (_slots[s] != 0) s = (s + 1) & mask;
            _slots[s] = i + 1;
        }
    }

    /// <summary>Empties the table, keeping its room.</summary>
    public void Clear()
    {
        // A table grown once for a large body is cleared for every small one after it: when few slots are used,
        // free just those. Each entry's slot is found by walking from its home slot to the slot holding it, which
        // does not depend on slots freed before (the walk does not stop at free slots).
        if (_count * 8 < _slots.Length)
        {
            int mask = _slots.Length - 1;
            for (int i = 0; i < _count; i++)
            {
                int s = SlotOf(_keys[i]);
                while (_slots[s] != i + 1) s = (s + 1) & mask;
                _slots[s] = 0;
            }
        }
        else Array.Clear(_slots);
        Array.Clear(_keys, 0, _count);
        Array.Clear(_values, 0, _count);
        _count = 0;
    }

    public Enumerator GetEnumerator() => new(this);

    /// <summary>The entries in the order they were added.</summary>
    public struct Enumerator(NodeMap<TKey, TValue> map)
    {
        int _next = -1;
        public readonly KeyValuePair<TKey, TValue> Current => new(map._keys[_next], map._values[_next]);
        public bool MoveNext() => ++_next < map._count;
    }
}
