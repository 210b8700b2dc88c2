namespace Bulwark.Core;

/// <summary>
/// A small fixed-size cache that hands back one instance for equal strings a scan keeps until its report: finding
/// messages (a rule's message is mostly the same text for every finding) and snippets (a repeated line of code). On a
/// 100,000-file tree with 125,000 findings the copies were a few hundred bytes per file. A string whose slot holds
/// another string replaces it, so the cache never grows and a unique string costs only its hash; it is safe across
/// threads because a slot is read and written as one reference.
/// </summary>
public static class SharedStrings
{
    const int Slots = 4096; // a power of two
    // Longer strings are rarely repeated and hashing them costs more than sharing saves.
    const int MaxLength = 512;
    static readonly string?[] Cache = new string?[Slots];

    /// <summary>An instance equal to <paramref name="s"/>, the one handed out before when it is still cached.</summary>
    public static string Share(string s)
    {
        if (s.Length == 0) return "";
        if (s.Length > MaxLength) return s;
        int slot = string.GetHashCode(s.AsSpan()) & (Slots - 1);
        var cached = Volatile.Read(ref Cache[slot]);
        if (cached is not null && string.Equals(cached, s, StringComparison.Ordinal)) return cached;
        Volatile.Write(ref Cache[slot], s);
        return s;
    }

    /// <summary><see cref="Share(string)"/> for an optional string.</summary>
    public static string? ShareOrNull(string? s) => s is null ? null : Share(s);
}
