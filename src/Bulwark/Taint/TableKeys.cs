namespace Bulwark.Taint;

// Keys of the project phase's tables that hold strings. As value tuples they were hashed and compared through the
// generic tuple comparer, which asks the string comparer through two more layers of virtual calls; these compare and
// hash their fields directly (the parameter pass on the 3.13 standard library spent about a fifth of its time there).

/// <summary>Two names: a type and one of its members, or a type and an item key (null: any item).</summary>
readonly struct NamePair(string first, string? second) : IEquatable<NamePair>
{
    readonly string _first = first;
    readonly string? _second = second;
    public bool Equals(NamePair other) => string.Equals(_first, other._first) && string.Equals(_second, other._second);
    public override bool Equals(object? obj) => obj is NamePair other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(_first.GetHashCode(), _second?.GetHashCode() ?? 0);
}

/// <summary>A store edge of one function: the origin stored, the cell, and where.</summary>
readonly struct StoreKey(int origin, string cell, int at) : IEquatable<StoreKey>
{
    readonly int _origin = origin, _at = at;
    readonly string _cell = cell;
    public bool Equals(StoreKey other) => _origin == other._origin && _at == other._at && string.Equals(_cell, other._cell);
    public override bool Equals(object? obj) => obj is StoreKey other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(_origin, _at, _cell.GetHashCode());
}

/// <summary>What makes an origin itself (<see cref="Origins"/>): equal keys are the same origin.</summary>
readonly struct OriginKey(OriginKind kind, uint sourceKind, int param, string path, string key, int module, int start, int end) : IEquatable<OriginKey>
{
    readonly OriginKind _kind = kind;
    readonly uint _sourceKind = sourceKind;
    readonly int _param = param, _module = module, _start = start, _end = end;
    readonly string _path = path, _key = key;
    public bool Equals(OriginKey other) =>
        _kind == other._kind && _sourceKind == other._sourceKind && _param == other._param && _module == other._module
        && _start == other._start && _end == other._end && string.Equals(_path, other._path) && string.Equals(_key, other._key);
    public override bool Equals(object? obj) => obj is OriginKey other && Equals(other);
    public override int GetHashCode() =>
        HashCode.Combine((int)_kind, _sourceKind, _param, _module, _start, _end, _path.GetHashCode(), _key.GetHashCode());
}
