using System.Globalization;
using System.Numerics;
using System.Text;

namespace Bulwark.Semantics;

public enum ValueKind { None, Bool, Int, Float, Str, Bytes, List, Tuple, Dict }

/// <summary>A value known at analysis time: a literal, or what constant propagation computed from literals.</summary>
public sealed class ConstValue
{
    public ValueKind Kind { get; }
    public object? Raw { get; }

    ConstValue(ValueKind kind, object? raw, IReadOnlyList<KeyValuePair<string, ConstValue?>>? entries = null)
    {
        Kind = kind; Raw = raw; Entries = entries;
        long size = 1;
        if (raw is IReadOnlyList<ConstValue?> items) foreach (var i in items) size += i?.Size ?? 1;
        if (entries is not null) foreach (var e in entries) size += e.Value?.Size ?? 1;
        Size = (int)Math.Min(size, int.MaxValue);
    }

    /// <summary>
    /// The values it is made of, counted as a tree (itself, and each item's or entry's size): a list naming the same
    /// list sixteen times is one object but sixteen times its size to anything that walks it.
    /// </summary>
    public int Size { get; }

    public static readonly ConstValue None = new(ValueKind.None, null);
    public static readonly ConstValue True = new(ValueKind.Bool, true);
    public static readonly ConstValue False = new(ValueKind.Bool, false);
    public static ConstValue Bool(bool b) => b ? True : False;
    public static ConstValue Int(BigInteger i) =>
        i >= SmallIntMin && i <= SmallIntMax ? SmallInts[(int)i - SmallIntMin] : new(ValueKind.Int, i);

    // Values are immutable, so the small integers every index, flag and mode spells are made once, not at each
    // evaluation (a boxed BigInteger and its wrapper each time).
    const int SmallIntMin = -8, SmallIntMax = 255;
    static readonly ConstValue[] SmallInts = MakeSmallInts();

    static ConstValue[] MakeSmallInts()
    {
        var values = new ConstValue[SmallIntMax - SmallIntMin + 1];
        for (int i = 0; i < values.Length; i++) values[i] = new(ValueKind.Int, new BigInteger(i + SmallIntMin));
        return values;
    }
    public static ConstValue Float(double d) => new(ValueKind.Float, d);
    public static ConstValue Str(string s) => new(ValueKind.Str, s);
    public static ConstValue Bytes(byte[] b) => new(ValueKind.Bytes, b);
    /// <summary>Items may be null where an element is not a known constant.</summary>
    public static ConstValue List(IReadOnlyList<ConstValue?> items) => new(ValueKind.List, items);
    public static ConstValue Tuple(IReadOnlyList<ConstValue?> items) => new(ValueKind.Tuple, items);
    /// <summary>The entry count, enough for truthiness; and the entries when every key is a string (<see cref="Entries"/>).</summary>
    public static ConstValue Dict(int count, IReadOnlyList<KeyValuePair<string, ConstValue?>>? entries = null) => new(ValueKind.Dict, count, entries);

    /// <summary>
    /// A dict's entries, in display order, when every key is a known string and there are at most
    /// <see cref="MaxDictEntries"/> (`{"Content-Type": "application/json"}` passed as a response's headers); values
    /// may be null where not known. Null for other dicts and other kinds.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, ConstValue?>>? Entries { get; }

    /// <summary>Larger dicts keep their count only: their entries are configuration tables no condition reads.</summary>
    public const int MaxDictEntries = 16;

    /// <summary>The value under a string key of a dict with known entries, the key compared ignoring case (header names); null when absent or not known.</summary>
    public ConstValue? EntryIgnoringCase(string key)
    {
        if (Entries is null) return null;
        // The last entry wins, as in a dict display with a repeated key.
        ConstValue? found = null;
        foreach (var (k, v) in Entries)
            if (k.Equals(key, StringComparison.OrdinalIgnoreCase)) found = v;
        return found;
    }

    public string? AsString => Raw as string;
    public BigInteger? AsInt => Kind switch
    {
        ValueKind.Int => (BigInteger)Raw!,
        ValueKind.Bool => (bool)Raw! ? BigInteger.One : BigInteger.Zero,
        _ => null,
    };
    public bool? AsBool => Kind == ValueKind.Bool ? (bool)Raw! : null;
    public IReadOnlyList<ConstValue?>? Items => Raw as IReadOnlyList<ConstValue?>;
    public bool IsNone => Kind == ValueKind.None;
    public bool IsTrue => Kind == ValueKind.Bool && (bool)Raw!;
    public bool IsFalse => Kind == ValueKind.Bool && !(bool)Raw!;

    /// <summary>Python's `bool(value)`.</summary>
    public bool Truthy => Kind switch
    {
        ValueKind.None => false,
        ValueKind.Bool => (bool)Raw!,
        ValueKind.Int => !((BigInteger)Raw!).IsZero,
        ValueKind.Float => (double)Raw! != 0,
        ValueKind.Str => ((string)Raw!).Length > 0,
        ValueKind.Bytes => ((byte[])Raw!).Length > 0,
        ValueKind.List or ValueKind.Tuple => Items!.Count > 0,
        ValueKind.Dict => (int)Raw! > 0,
        _ => true,
    };

    /// <summary>Python's `str(value)` where it is well defined (used for f-strings and messages).</summary>
    public string? ToPythonString() => Kind switch
    {
        ValueKind.None => "None",
        ValueKind.Bool => (bool)Raw! ? "True" : "False",
        ValueKind.Int => ((BigInteger)Raw!).ToString(CultureInfo.InvariantCulture),
        ValueKind.Str => (string)Raw!,
        _ => null,
    };

    /// <summary>Python's `==` for the values this model knows (numbers compare across int, bool and float).</summary>
    public bool SameAs(ConstValue other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (AsInt is { } a && other.AsInt is { } b) return a == b;
        if (Kind == ValueKind.Float || other.Kind == ValueKind.Float)
            return Number(this) is { } x && Number(other) is { } y && x == y;
        if (Kind != other.Kind) return false;
        switch (Kind)
        {
            case ValueKind.None: return true;
            case ValueKind.Str: return AsString == other.AsString;
            case ValueKind.Bytes: return ((byte[])Raw!).AsSpan().SequenceEqual((byte[])other.Raw!);
            case ValueKind.List or ValueKind.Tuple:
                var xs = Items!; var ys = other.Items!;
                if (xs.Count != ys.Count) return false;
                for (int i = 0; i < xs.Count; i++)
                    if (xs[i] is null || ys[i] is null || !xs[i]!.SameAs(ys[i]!)) return false;
                return true;
            default: return false;
        }
    }

    static double? Number(ConstValue v) => v.Kind switch
    {
        ValueKind.Float => (double)v.Raw!,
        ValueKind.Int => (double)(BigInteger)v.Raw!,
        ValueKind.Bool => (bool)v.Raw! ? 1 : 0,
        _ => null,
    };

    public override string ToString() => Kind switch
    {
        ValueKind.Str => "'" + (string)Raw! + "'",
        ValueKind.List or ValueKind.Tuple => ListText(),
        ValueKind.Dict => "{…}",
        ValueKind.Float => ((double)Raw!).ToString(CultureInfo.InvariantCulture),
        ValueKind.Bytes => "b'…'",
        _ => ToPythonString() ?? "?",
    };

    string ListText()
    {
        var sb = new StringBuilder(Kind == ValueKind.List ? "[" : "(");
        var items = Items!;
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(items[i]?.ToString() ?? "?");
        }
        return sb.Append(Kind == ValueKind.List ? "]" : ")").ToString();
    }
}
