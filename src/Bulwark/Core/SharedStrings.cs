namespace Bulwark.Core;

/// <summary>
/// A small fixed-size cache that hands back one instance for equal strings a scan keeps until its report: finding
/// messages (a rule's message is mostly the same text for every finding) and snippets (a repeated line of code). On a
/// 100,000-file tree with 125,000 findings the copies were a few hundred bytes per file. A string whose slot holds
/// another string replaces it, so the cache never grows and a unique string costs only its hash; it is safe across
/// threads because a slot is read and written as one reference. It never changes a value, only which instance of
/// an equal string is kept.
/// </summary>
public sealed class SharedStrings
{
    /// <summary>Longer strings are rarely repeated and hashing them costs more than sharing saves.</summary>
    public const int MaxLength = 512;

    /// <summary>The cache finished findings go through.</summary>
    public static readonly SharedStrings Findings = new(4096);

    readonly string?[] _slots;

    /// <param name="slots">A power of two.</param>
    public SharedStrings(int slots)
    {
        if (slots <= 0 || (slots & (slots - 1)) != 0) throw new ArgumentOutOfRangeException(nameof(slots), "a power of two");
        _slots = new string?[slots];
    }

    /// <summary>An instance equal to <paramref name="s"/>: the one handed out before when it is still cached.</summary>
    public string Share(string s)
    {
        if (s.Length == 0) return "";
        if (s.Length > MaxLength) return s;
        int slot = string.GetHashCode(s.AsSpan()) & (_slots.Length - 1);
        var cached = Volatile.Read(ref _slots[slot]);
        if (cached is not null && string.Equals(cached, s, StringComparison.Ordinal)) return cached;
        Volatile.Write(ref _slots[slot], s);
        return s;
    }

    /// <summary><see cref="Share(string)"/> for an optional string.</summary>
    public string? ShareOrNull(string? s) => s is null ? null : Share(s);
}
