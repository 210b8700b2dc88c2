using Bulwark.Core;
using System.IO.Compression;
using System.Text;

namespace Bulwark.Dependencies.Advisories;

/// <summary>
/// The local advisory database: OSV records imported once into a compact binary file that loads in milliseconds,
/// indexed by normalised package name. Withdrawn records are kept (for counts) but never matched.
/// </summary>
public sealed class AdvisoryStore
{
    const uint Magic = 0x42445742; // "BWDB"
    /// <summary>2 added each record's `details`; a format-1 store still loads (without details).</summary>
    const int FormatVersion = 2;
    public const string FileName = "advisories.bwdb";

    public IReadOnlyList<Advisory> Advisories { get; }
    /// <summary>Where the records came from: a directory, a zip file or a URL.</summary>
    public string Source { get; }
    public DateTimeOffset ImportedAt { get; }
    /// <summary>HTTP entity tag of the downloaded export, for conditional updates.</summary>
    public string? ETag { get; }
    /// <summary>A digest of every record's id and modification time: the database version a project can pin.</summary>
    public string Digest { get; }
    readonly Dictionary<string, List<(Advisory Advisory, AffectedPackage Affected)>> _byPackage;

    public AdvisoryStore(IReadOnlyList<Advisory> advisories, string source, DateTimeOffset importedAt, string? etag = null)
    {
        Advisories = advisories; Source = source; ImportedAt = importedAt; ETag = etag;
        _byPackage = new(StringComparer.Ordinal);
        foreach (var a in advisories)
            foreach (var p in a.Affected)
            {
                if (!_byPackage.TryGetValue(p.Name, out var list)) _byPackage[p.Name] = list = [];
                list.Add((a, p));
            }
        Digest = ComputeDigest(advisories);
    }

    public int Count => Advisories.Count;

    public DateTimeOffset? NewestModified
    {
        get
        {
            DateTimeOffset? max = null;
            foreach (var a in Advisories) if (max is null || a.Modified > max) max = a.Modified;
            return max;
        }
    }

    /// <summary>Records affecting a package (normalised name), withdrawn ones included.</summary>
    public IReadOnlyList<(Advisory Advisory, AffectedPackage Affected)> ForPackage(string normalizedName) =>
        _byPackage.TryGetValue(normalizedName, out var l) ? l : [];

    public IEnumerable<string> Packages => _byPackage.Keys;

    static string ComputeDigest(IReadOnlyList<Advisory> advisories)
    {
        var ids = new List<string>(advisories.Count);
        foreach (var a in advisories) ids.Add(a.Id + "@" + a.Modified.UtcTicks);
        ids.Sort(StringComparer.Ordinal);
        var bytes = Sha256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', ids)));
        return Convert.ToHexStringLower(bytes)[..16];
    }

    // ---- import -------------------------------------------------------------------------------------------

    /// <summary>Reads every OSV record (`.json`, `.yaml`, `.yml`) under a directory, or inside a zip export.</summary>
    public static AdvisoryStore Import(string path, List<string>? problems = null, string? etag = null, string? source = null)
    {
        var list = new List<Advisory>();
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(IsRecordFile).OrderBy(f => f, StringComparer.Ordinal).ToList();
            foreach (var f in files)
            {
                try
                {
                    var text = BoundedFile.ReadText(f, MaxRecordBytes, out var error) ?? throw new IOException(error);
                    list.Add(OsvReader.FromFile(f, text));
                }
                catch (Exception ex) when (ex is FormatException or IOException or System.Text.Json.JsonException or YamlDotNet.Core.YamlException or InvalidCastException)
                {
                    problems?.Add($"{Path.GetRelativePath(path, f)}: {ex.Message}");
                }
            }
        }
        else if (File.Exists(path) && path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.Entries.Count > MaxZipEntries) throw new InvalidDataException($"'{path}' has {zip.Entries.Count} entries (at most {MaxZipEntries} are read)");
            long total = 0;
            foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                if (!IsRecordFile(entry.FullName)) continue;
                try
                {
                    // The declared size can lie; the bound is on the bytes actually inflated (a zip bomb stops here).
                    using var r = new StreamReader(new LimitedStream(entry.Open(), MaxRecordBytes, entry.FullName));
                    var text = r.ReadToEnd();
                    total += text.Length;
                    if (total > MaxImportChars) throw new InvalidDataException($"'{path}' inflates to more than {MaxImportChars / (1024 * 1024)} MB of records");
                    list.Add(OsvReader.FromFile(entry.FullName, text));
                }
                catch (Exception ex) when (ex is FormatException or IOException or System.Text.Json.JsonException or YamlDotNet.Core.YamlException or InvalidCastException or InvalidDataException)
                {
                    problems?.Add($"{entry.FullName}: {ex.Message}");
                }
            }
        }
        else throw new FileNotFoundException($"no OSV directory or zip file at '{path}'");
        return new AdvisoryStore(list, source ?? Path.GetFullPath(path), DateTimeOffset.UtcNow, etag);
    }

    /// <summary>One OSV record: real ones are a few kilobytes.</summary>
    const long MaxRecordBytes = 8L * 1024 * 1024;
    const int MaxZipEntries = 2_000_000;
    const long MaxImportChars = 4L * 1024 * 1024 * 1024;
    /// <summary>A store inflates to tens of megabytes; a crafted one may claim anything.</summary>
    const long MaxStoreBytes = 2L * 1024 * 1024 * 1024;
    const int MaxRecords = 10_000_000, MaxItems = 1_000_000;

    /// <summary>A read-only view of a stream that fails once more than a fixed number of bytes came out of it.</summary>
    sealed class LimitedStream(Stream inner, long limit, string name) : Stream
    {
        long _read;
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));
        int Count(int n)
        {
            _read += n;
            if (_read > limit) throw new InvalidDataException($"'{name}' inflates to more than {BoundedFile.Megabytes(limit)}");
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
    }

    static int ReadCount(BinaryReader r, int max)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > max) throw new InvalidDataException("corrupt advisory store");
        return n;
    }

    static bool IsRecordFile(string f) =>
        f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    // ---- binary file ---------------------------------------------------------------------------------------

    public void Save(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        OutputFile.Write(file, fs => WriteTo(fs));
    }

    void WriteTo(Stream fs)
    {
        using (var gz = new BrotliStream(fs, CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new BinaryWriter(gz, Encoding.UTF8))
        {
            w.Write(Magic); w.Write(FormatVersion);
            w.Write(Source); w.Write(ImportedAt.UtcTicks); w.Write(ETag ?? "");
            w.Write(Advisories.Count);
            foreach (var a in Advisories)
            {
                w.Write(a.Id);
                WriteList(w, a.Aliases);
                w.Write(a.Summary);
                w.Write(a.Details);
                w.Write(a.Modified.UtcTicks);
                w.Write(a.Published?.UtcTicks ?? 0L);
                w.Write(a.Withdrawn?.UtcTicks ?? 0L);
                WriteList(w, a.CvssVectors);
                w.Write(a.SeverityLabel ?? "");
                WriteList(w, a.References);
                w.Write(a.Affected.Count);
                foreach (var p in a.Affected)
                {
                    w.Write(p.Name);
                    w.Write(p.Ranges.Count);
                    foreach (var r in p.Ranges)
                    {
                        w.Write(r.Type);
                        w.Write(r.Events.Count);
                        foreach (var e in r.Events) { w.Write((byte)e.Kind); w.Write(e.Version); }
                    }
                    WriteList(w, p.Versions);
                }
            }
        }
    }

    static void WriteList(BinaryWriter w, IReadOnlyList<string> list)
    {
        w.Write(list.Count);
        foreach (var s in list) w.Write(s);
    }

    static string[] ReadList(BinaryReader r)
    {
        int n = ReadCount(r, MaxItems);
        var a = new string[n];
        for (int i = 0; i < n; i++) a[i] = r.ReadString();
        return a;
    }

    static DateTimeOffset? Ticks(long t) => t == 0 ? null : new DateTimeOffset(t, TimeSpan.Zero);

    /// <summary>Loads a store file; throws <see cref="InvalidDataException"/> when it is not one.</summary>
    public static AdvisoryStore Load(string file)
    {
        try
        {
            if (FileTypes.Of(file) is var kind && kind != FileType.Regular)
                throw new InvalidDataException($"'{file}' is a {FileTypes.Describe(kind)}, not an advisory store");
            using var fs = File.OpenRead(file);
            using var gz = new BrotliStream(fs, CompressionMode.Decompress);
            using var r = new BinaryReader(new BufferedStream(new LimitedStream(gz, MaxStoreBytes, file), 1 << 16), Encoding.UTF8);
            if (r.ReadUInt32() != Magic) throw new InvalidDataException($"'{file}' is not a Bulwark advisory store");
            int version = r.ReadInt32();
            if (version is not (1 or FormatVersion)) throw new InvalidDataException($"'{file}' has store format {version}; re-import it");
            var source = r.ReadString();
            var imported = new DateTimeOffset(r.ReadInt64(), TimeSpan.Zero);
            var etag = r.ReadString();
            int count = ReadCount(r, MaxRecords);
            var list = new List<Advisory>(Math.Min(count, 100_000));
            for (int i = 0; i < count; i++)
            {
                var id = r.ReadString();
                var aliases = ReadList(r);
                var summary = r.ReadString();
                var details = version >= 2 ? r.ReadString() : "";
                var modified = new DateTimeOffset(r.ReadInt64(), TimeSpan.Zero);
                var published = Ticks(r.ReadInt64());
                var withdrawn = Ticks(r.ReadInt64());
                var vectors = ReadList(r);
                var label = r.ReadString();
                var refs = ReadList(r);
                int na = ReadCount(r, MaxItems);
                var affected = new List<AffectedPackage>(Math.Min(na, 1024));
                for (int j = 0; j < na; j++)
                {
                    var name = r.ReadString();
                    int nr = ReadCount(r, MaxItems);
                    var ranges = new List<AffectedRange>(Math.Min(nr, 1024));
                    for (int k = 0; k < nr; k++)
                    {
                        var type = r.ReadString();
                        int ne = ReadCount(r, MaxItems);
                        var events = new RangeEvent[ne];
                        for (int e = 0; e < ne; e++) events[e] = new RangeEvent((EventKind)r.ReadByte(), r.ReadString());
                        ranges.Add(new AffectedRange(type, events));
                    }
                    affected.Add(new AffectedPackage(name, ranges, ReadList(r)));
                }
                list.Add(new Advisory
                {
                    Id = id, Aliases = aliases, Summary = summary, Details = details, Modified = modified, Published = published, Withdrawn = withdrawn,
                    CvssVectors = vectors, SeverityLabel = label.Length == 0 ? null : label, References = refs, Affected = affected,
                });
            }
            return new AdvisoryStore(list, source, imported, etag.Length == 0 ? null : etag);
        }
        catch (EndOfStreamException) { throw new InvalidDataException($"'{file}' is truncated; re-import it"); }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or OverflowException or DecoderFallbackException)
        { throw new InvalidDataException($"'{file}' is not a Bulwark advisory store (corrupt content)"); }
        catch (IOException ex) when (ex is not FileNotFoundException) { throw new InvalidDataException($"'{file}' cannot be read: {ex.Message}"); }
    }

    /// <summary>The per-user cache directory: BULWARK_CACHE_DIR, else $XDG_CACHE_HOME/bulwark, else ~/.cache/bulwark.</summary>
    public static string CacheDirectory()
    {
        var env = Environment.GetEnvironmentVariable("BULWARK_CACHE_DIR");
        if (!string.IsNullOrEmpty(env)) return env;
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg)) return Path.Combine(xdg, "bulwark");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "bulwark");
    }

    public static string DefaultStorePath() => Path.Combine(CacheDirectory(), FileName);

    /// <summary>
    /// Opens what `--vuln-db` names (a directory or zip of records is imported in memory; anything else is a store file),
    /// or the cached store when <paramref name="path"/> is null. Returns null when no cached store exists.
    /// </summary>
    public static AdvisoryStore? Open(string? path)
    {
        if (path is null)
        {
            var file = DefaultStorePath();
            return File.Exists(file) ? Load(file) : null;
        }
        if (Directory.Exists(path) || path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) return Import(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"advisory database '{path}' not found");
        return Load(path);
    }
}
