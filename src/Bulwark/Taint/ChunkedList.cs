namespace Bulwark.Taint;

/// <summary>
/// An append-only list kept in fixed-size chunks, so growing never copies what is already there: the cell-to-cell
/// edges of a large project run to millions, and a <see cref="List{T}"/> of them spent seconds copying on resizes.
/// </summary>
sealed class ChunkedList<T>
{
    const int Shift = 12, Size = 1 << Shift;
    readonly List<T[]> _chunks = [];

    public int Count { get; private set; }

    public void Add(T item)
    {
        int i = Count & (Size - 1);
        if (i == 0) _chunks.Add(new T[Size]);
        _chunks[^1][i] = item;
        Count++;
    }

    public ref readonly T this[int index] => ref _chunks[index >> Shift][index & (Size - 1)];
}
