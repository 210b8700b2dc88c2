using System.Globalization;
using System.Text;

namespace Bulwark.Dependencies.Versions;

/// <summary>Pre-release phase, ordered as PEP 440 orders them (a &lt; b &lt; rc).</summary>
public enum PrePhase { Alpha = 0, Beta = 1, Rc = 2 }

/// <summary>
/// A PEP 440 version: epoch, release, pre/post/dev segments and local label. Parsing accepts the spec's
/// permissive forms (`v1.0`, `1.0-1`, `1.0.alpha-1`, case, separators) and <see cref="ToString"/> gives the
/// normalised form. Ordering and equality follow the spec (`1.0 == 1.0.0`, dev &lt; pre &lt; final &lt; post).
/// </summary>
public sealed class PackageVersion : IComparable<PackageVersion>, IEquatable<PackageVersion>
{
    public int Epoch { get; }
    public IReadOnlyList<long> Release { get; }
    public PrePhase? PrePhase { get; }
    public long PreNumber { get; }
    public long? Post { get; }
    public long? Dev { get; }
    /// <summary>Local label segments (lower-cased), empty when there is none.</summary>
    public IReadOnlyList<string> Local { get; }

    readonly long[] _release;

    PackageVersion(int epoch, long[] release, PrePhase? pre, long preNumber, long? post, long? dev, string[] local)
    {
        Epoch = epoch; _release = release; Release = release; PrePhase = pre; PreNumber = preNumber;
        Post = post; Dev = dev; Local = local;
    }

    public bool IsPreRelease => PrePhase is not null || Dev is not null;
    public bool IsPostRelease => Post is not null;
    public bool IsDevRelease => Dev is not null;
    public bool HasLocal => Local.Count > 0;

    /// <summary>The version without its local label.</summary>
    public PackageVersion Public => HasLocal ? new(Epoch, _release, PrePhase, PreNumber, Post, Dev, []) : this;

    /// <summary>Epoch and release only (`1!2.0` for `1!2.0rc1.post2`).</summary>
    public PackageVersion BaseVersion => new(Epoch, _release, null, 0, null, null, []);

    public static PackageVersion Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"invalid PEP 440 version '{text}'");

    public static bool TryParse(string? text, out PackageVersion version)
    {
        version = null!;
        if (text is null) return false;
        var p = new Cursor(text.Trim().ToLowerInvariant());
        if (p.Done) return false;
        if (p.Peek == 'v') p.Pos++;

        int epoch = 0;
        var release = new List<long>(4);
        if (!p.Number(out long first)) return false;
        if (p.Peek == '!')
        {
            if (first > int.MaxValue) return false;
            epoch = (int)first; p.Pos++;
            if (!p.Number(out first)) return false;
        }
        release.Add(first);
        while (p.Peek == '.' && p.DigitAt(p.Pos + 1))
        {
            p.Pos++;
            if (!p.Number(out long n)) return false;
            release.Add(n);
        }

        PrePhase? pre = null; long preN = 0;
        {
            int save = p.Pos;
            p.Separator();
            PrePhase? phase = p.Word("alpha") || p.Word("a") ? Versions.PrePhase.Alpha
                : p.Word("beta") || p.Word("b") ? Versions.PrePhase.Beta
                : p.Word("preview") || p.Word("pre") || p.Word("rc") || p.Word("c") ? Versions.PrePhase.Rc
                : null;
            if (phase is null) p.Pos = save;
            else
            {
                pre = phase;
                int s2 = p.Pos;
                p.Separator();
                if (!p.Number(out preN)) { p.Pos = s2; preN = 0; }
            }
        }

        long? post = null;
        {
            int save = p.Pos;
            if (p.Peek == '-' && p.DigitAt(p.Pos + 1))
            {
                p.Pos++; p.Number(out long n); post = n;
            }
            else
            {
                p.Separator();
                if (p.Word("post") || p.Word("rev") || p.Word("r"))
                {
                    int s2 = p.Pos;
                    p.Separator();
                    if (!p.Number(out long n)) { p.Pos = s2; n = 0; }
                    post = n;
                }
                else p.Pos = save;
            }
        }

        long? dev = null;
        {
            int save = p.Pos;
            p.Separator();
            if (p.Word("dev"))
            {
                int s2 = p.Pos;
                p.Separator();
                if (!p.Number(out long n)) { p.Pos = s2; n = 0; }
                dev = n;
            }
            else p.Pos = save;
        }

        string[] local = [];
        if (p.Peek == '+')
        {
            p.Pos++;
            var parts = new List<string>();
            int start = p.Pos;
            while (!p.Done && (char.IsAsciiLetterOrDigit(p.Peek) || p.Peek is '.' or '-' or '_')) p.Pos++;
            var label = p.Text[start..p.Pos];
            foreach (var seg in label.Split('.', '-', '_'))
            {
                if (seg.Length == 0) return false;
                parts.Add(IsAllDigits(seg) ? WithoutLeadingZeros(seg) : seg);
            }
            if (parts.Count == 0) return false;
            local = parts.ToArray();
        }
        if (!p.Done) return false;
        version = new PackageVersion(epoch, release.ToArray(), pre, preN, post, dev, local);
        return true;
    }

    static bool IsAllDigits(string s)
    {
        foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
        return s.Length > 0;
    }

    struct Cursor(string text)
    {
        public readonly string Text = text;
        public int Pos;
        public readonly bool Done => Pos >= Text.Length;
        public readonly char Peek => Pos < Text.Length ? Text[Pos] : '\0';
        public readonly bool DigitAt(int i) => i < Text.Length && char.IsAsciiDigit(Text[i]);
        public void Separator() { if (Peek is '.' or '-' or '_') Pos++; }
        public bool Word(string w)
        {
            if (string.CompareOrdinal(Text, Pos, w, 0, w.Length) != 0) return false;
            // "a" must not swallow the start of "alpha"-like words handled earlier; the caller tries longer words first.
            Pos += w.Length; return true;
        }
        public bool Number(out long n)
        {
            n = 0;
            int start = Pos;
            while (Pos < Text.Length && char.IsAsciiDigit(Text[Pos]))
            {
                if (n > (long.MaxValue - 9) / 10) { Pos = start; return false; }
                n = n * 10 + (Text[Pos] - '0'); Pos++;
            }
            return Pos > start;
        }
    }

    /// <summary>Normalised form, e.g. `1!2.0rc1.post2.dev3+ubuntu.1`.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Epoch != 0) sb.Append(Epoch).Append('!');
        for (int i = 0; i < _release.Length; i++)
        {
            if (i > 0) sb.Append('.');
            sb.Append(_release[i]);
        }
        if (PrePhase is { } ph) sb.Append(ph switch { Versions.PrePhase.Alpha => "a", Versions.PrePhase.Beta => "b", _ => "rc" }).Append(PreNumber);
        if (Post is { } po) sb.Append(".post").Append(po);
        if (Dev is { } d) sb.Append(".dev").Append(d);
        if (HasLocal) sb.Append('+').Append(string.Join('.', Local));
        return sb.ToString();
    }

    /// <summary>Release segments without trailing zeros: `1.0.0` and `1` compare equal.</summary>
    int TrimmedReleaseLength
    {
        get
        {
            int n = _release.Length;
            while (n > 1 && _release[n - 1] == 0) n--;
            return n;
        }
    }

    public int CompareTo(PackageVersion? other)
    {
        if (other is null) return 1;
        int c = Epoch.CompareTo(other.Epoch);
        if (c != 0) return c;
        c = CompareRelease(_release, other._release);
        if (c != 0) return c;
        c = PreKey().CompareTo(other.PreKey());
        if (c != 0) return c;
        c = (Post ?? -1).CompareTo(other.Post ?? -1);
        if (c != 0) return c;
        c = (Dev ?? long.MaxValue).CompareTo(other.Dev ?? long.MaxValue);
        if (c != 0) return c;
        return CompareLocal(Local, other.Local);
    }

    /// <summary>Orders the pre-release part: a dev release of a final comes before any pre-release; a final after all.</summary>
    (int Phase, long Number) PreKey()
    {
        if (PrePhase is { } ph) return ((int)ph, PreNumber);
        if (Post is null && Dev is not null) return (-1, 0);
        return (3, 0);
    }

    static int CompareRelease(long[] a, long[] b)
    {
        int n = Math.Max(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            long x = i < a.Length ? a[i] : 0, y = i < b.Length ? b[i] : 0;
            if (x != y) return x.CompareTo(y);
        }
        return 0;
    }

    // Local numeric segments can be any length (fuzzing found `1+5555555555555555555555`): compared as digit strings, never parsed.
    static string WithoutLeadingZeros(string digits)
    {
        var t = digits.TrimStart('0');
        return t.Length == 0 ? "0" : t;
    }

    static int CompareDigits(string a, string b)
    {
        a = WithoutLeadingZeros(a); b = WithoutLeadingZeros(b);
        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
    }

    // Numeric segments sort after alphanumeric ones and compare as numbers; a shorter label that is a prefix sorts first.
    static int CompareLocal(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        int n = Math.Min(a.Count, b.Count);
        for (int i = 0; i < n; i++)
        {
            bool an = IsAllDigits(a[i]), bn = IsAllDigits(b[i]);
            int c;
            if (an && bn) c = CompareDigits(a[i], b[i]);
            else if (an) c = 1;
            else if (bn) c = -1;
            else c = string.CompareOrdinal(a[i], b[i]);
            if (c != 0) return c;
        }
        return a.Count.CompareTo(b.Count);
    }

    public bool Equals(PackageVersion? other) => other is not null && CompareTo(other) == 0;
    public override bool Equals(object? obj) => obj is PackageVersion v && Equals(v);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Epoch);
        int n = TrimmedReleaseLength;
        for (int i = 0; i < n; i++) h.Add(_release[i]);
        h.Add(PreKey());
        h.Add(Post ?? -1);
        h.Add(Dev ?? long.MaxValue);
        foreach (var l in Local) h.Add(IsAllDigits(l) ? WithoutLeadingZeros(l) : l);
        return h.ToHashCode();
    }

    public static bool operator <(PackageVersion a, PackageVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(PackageVersion a, PackageVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(PackageVersion a, PackageVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(PackageVersion a, PackageVersion b) => a.CompareTo(b) >= 0;
    public static bool operator ==(PackageVersion? a, PackageVersion? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(PackageVersion? a, PackageVersion? b) => !(a == b);

    /// <summary>
    /// Segments used for `==X.*` prefix matching, as strings: epoch, each release number, then pre, post and dev
    /// as single segments (`1.1a1` → 0, 1, 1, a1).
    /// </summary>
    internal List<string> PrefixSegments()
    {
        var s = new List<string>(_release.Length + 4) { Epoch.ToString(CultureInfo.InvariantCulture) };
        foreach (var r in _release) s.Add(r.ToString(CultureInfo.InvariantCulture));
        if (PrePhase is { } ph) s.Add((ph switch { Versions.PrePhase.Alpha => "a", Versions.PrePhase.Beta => "b", _ => "rc" }) + PreNumber.ToString(CultureInfo.InvariantCulture));
        if (Post is { } po) s.Add("post" + po.ToString(CultureInfo.InvariantCulture));
        if (Dev is { } d) s.Add("dev" + d.ToString(CultureInfo.InvariantCulture));
        return s;
    }

    internal int ReleaseCount => _release.Length;
}
