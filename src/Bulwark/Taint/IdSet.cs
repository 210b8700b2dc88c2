namespace Bulwark.Taint;

/// <summary>
/// A set of function ids in the order they were added: the users of a function's summary. Most functions have one to
/// a few users, which an array searched in place holds in a fraction of a <see cref="HashSet{T}"/>'s room (41,000 of
/// them held 11.5 MB on site-packages); past <see cref="Linear"/> ids a hash set answers membership.
/// </summary>
sealed class IdSet
{
    const int Linear = 16;
    int[] _ids = new int[2];
    int _count;
    HashSet<int>? _index;

    /// <summary>Adds the id unless present; whether it was added.</summary>
    public bool Add(int id)
    {
        if (_index is not null)
        {
            if (!_index.Add(id)) return false;
        }
        else
        {
            if (Array.IndexOf(_ids, id, 0, _count) >= 0) return false;
            if (_count == Linear) _index = [.. _ids.AsSpan(0, _count).ToArray(), id];
        }
        if (_count == _ids.Length) Array.Resize(ref _ids, 2 * _count);
        _ids[_count++] = id;
        return true;
    }

    public ReadOnlySpan<int>.Enumerator GetEnumerator() => new ReadOnlySpan<int>(_ids, 0, _count).GetEnumerator();
}
