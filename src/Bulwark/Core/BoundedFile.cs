using System.Text;

namespace Bulwark.Core;

/// <summary>The bytes of a file, or why they were not read.</summary>
public readonly record struct FileRead(byte[]? Bytes, string? Error, FileType Kind)
{
    public bool Ok => Bytes is not null;
    /// <summary>True when the file was not read because it is not a regular file (a FIFO, a device, a socket…).</summary>
    public bool NotRegular => Kind is not (FileType.Regular or FileType.Missing);
    /// <summary>The bytes are in a buffer rented from the shared pool (<see cref="BoundedFile.ReadPooled"/>), longer than the file.</summary>
    public bool Pooled { get; init; }
}

/// <summary>
/// Reads that a hostile repository cannot turn into a hang or an unbounded allocation: the file type is checked
/// without opening the file (a FIFO would block the open), checked again on the open handle, and at most a fixed
/// number of bytes is read.
/// </summary>
public static class BoundedFile
{
    /// <summary>Manifests, lockfiles and requirements includes.</summary>
    public const long MaxManifestBytes = 32L * 1024 * 1024;
    /// <summary>Configuration files (`bulwark.toml`, `pyproject.toml`, `.gitignore`) and baselines.</summary>
    public const long MaxConfigBytes = 16L * 1024 * 1024;

    public static FileRead ReadBytes(string path, long maxBytes) => Read(path, maxBytes, pooled: false, out _);

    /// <summary>Files up to this size are read into a pooled buffer by <see cref="ReadPooled"/>; larger ones get their own.</summary>
    const int MaxPooledBytes = 1024 * 1024;

    /// <summary>
    /// Reads like <see cref="ReadBytes"/>, but a file up to 1 MB goes into a buffer rented from the shared pool, longer
    /// than the file: its first <paramref name="length"/> bytes are the content. The caller gives the buffer back with
    /// <see cref="Release"/> once done with it. A scan reads every file once and keeps only the decoded text, so the
    /// bytes need not be a fresh array each time (a large one was a large-object-heap allocation and a full collection).
    /// </summary>
    public static FileRead ReadPooled(string path, long maxBytes, out int length) => Read(path, maxBytes, pooled: true, out length);

    /// <summary>Gives back the buffer of a <see cref="ReadPooled"/> (one that was not rented is left to the collector).</summary>
    public static void Release(FileRead read)
    {
        if (read.Pooled && read.Bytes is { } buffer) System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
    }

    static FileRead Read(string path, long maxBytes, bool pooled, out int length)
    {
        length = 0;
        var kind = FileTypes.Of(path);
        if (kind == FileType.Missing) return new(null, "no such file", kind);
        if (kind != FileType.Regular) return new(null, $"not a regular file ({FileTypes.Describe(kind)})", kind);
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            // Swapped for something else between the check and the open: refuse it too.
            var opened = FileTypes.Of(handle, out long size);
            if (opened != FileType.Regular) return new(null, $"not a regular file ({FileTypes.Describe(opened)})", opened);
            if (size > maxBytes) return new(null, $"larger than {Megabytes(maxBytes)}", kind);
            bool rent = pooled && size <= MaxPooledBytes;
            var buffer = rent ? System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Max(1, size)) : new byte[size];
            int total = 0;
            // The file may grow while it is read; what was there at the check is what is read.
            while (total < size)
            {
                int n = RandomAccess.Read(handle, buffer.AsSpan(total, (int)size - total), total);
                if (n == 0) break;
                total += n;
            }
            length = total;
            if (rent) return new(buffer, null, kind) { Pooled = true };
            return new(total == buffer.Length ? buffer : buffer[..total], null, kind);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new(null, ex.Message, kind);
        }
    }

    /// <summary>A text file decoded as UTF-8 (BOM dropped, invalid bytes replaced), or null with the reason in <paramref name="error"/>.</summary>
    public static string? ReadText(string path, long maxBytes, out string? error)
    {
        var read = ReadBytes(path, maxBytes);
        error = read.Error;
        if (read.Bytes is null) return null;
        var span = read.Bytes.AsSpan();
        if (span.StartsWith("\xEF\xBB\xBF"u8)) span = span[3..];
        return Encoding.UTF8.GetString(span);
    }

    public static string Megabytes(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1024} KB";
}
